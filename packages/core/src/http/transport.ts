/**
 * The only file that touches got. It is imported on the first request, not at start-up, so
 * `--help` stays fast. got's own retry and status errors are off: client.ts decides both.
 */
import type { Got } from 'got';
import type { RawResponse } from './types.js';

let gotLoading: Promise<Got> | undefined;

function loadGot(): Promise<Got> {
  gotLoading ??= import('got').then((module) => module.got);
  return gotLoading;
}

export interface TransportOptions {
  timeoutMs: number;
  verifyTls: boolean;
  headers: Record<string, string>;
}

export interface SendInput {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export type Send = (input: SendInput) => Promise<RawResponse>;

/** One configured got instance per client (ofetch's createFetch idea), created lazily. */
export function createTransport(options: TransportOptions): Send {
  let instance: Promise<Got> | undefined;
  return async (input) => {
    instance ??= loadGot().then((got) =>
      got.extend({
        headers: options.headers,
        timeout: { request: options.timeoutMs },
        https: { rejectUnauthorized: options.verifyTls },
        retry: { limit: 0 },
        throwHttpErrors: false,
      }),
    );
    const client = await instance;
    const response = await client(input.url, {
      method: input.method,
      responseType: 'text',
      ...(input.headers === undefined ? {} : { headers: input.headers }),
      ...(input.body === undefined ? {} : { body: input.body }),
    });
    const retryAfter = response.headers['retry-after'];
    return { status: response.statusCode, body: response.body, retryAfter };
  };
}
