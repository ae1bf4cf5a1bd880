import { setTimeout as sleep } from 'node:timers/promises';
import {
  describeTransportError,
  HttpError,
  type RequestContext,
  statusError,
  statusText,
  transportError,
} from './errors.js';
import { parseJsonBody } from './json.js';
import { loadResponse, type RecordKey, recordKey, saveResponse } from './recorder.js';
import { Redactor } from './redact.js';
import { isRetryableStatus, retryDelay } from './retry.js';
import { createTransport } from './transport.js';
import type { HttpAuth, HttpClient, HttpClientOptions, RawResponse, RequestOptions } from './types.js';

const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_DELAY_MS = 250;
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\//i;
// Header names whose values are credentials (VISP's x-visp-client-secret, raw authorization tokens…).
const SENSITIVE_HEADER = /auth|token|key|secret|pass|cookie/i;

interface Payload {
  text: string;
  contentType: string;
  /** Redacted text the recording is keyed on. */
  keyText: string;
}

interface Outcome {
  ctx: RequestContext;
  response: RawResponse;
  attempts: number;
}

function authHeaders(auth: HttpAuth | undefined): Record<string, string> {
  if (auth === undefined) return {};
  switch (auth.type) {
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      };
    case 'header':
      return { [auth.name]: auth.value };
  }
}

function authSecrets(auth: HttpAuth | undefined): string[] {
  if (auth === undefined) return [];
  switch (auth.type) {
    case 'bearer':
      return [auth.token];
    case 'basic':
      // Some sources (Splynx) put the API key in the user name.
      return [
        auth.username,
        auth.password,
        Buffer.from(`${auth.username}:${auth.password}`).toString('base64'),
      ];
    case 'header':
      return [auth.value];
  }
}

function sensitiveValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => SENSITIVE_HEADER.test(name))
    .map(([, value]) => value);
}

/** Appends `path` to the base URL (keeping its path prefix, unlike `new URL(path, base)`). */
function joinUrl(baseUrl: string | undefined, path: string): string {
  if (ABSOLUTE_URL.test(path)) return path;
  if (baseUrl === undefined) throw new Error(`http: "${path}" is relative but the client has no baseUrl`);
  if (path === '') return baseUrl;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A configured client for one source: auth, timeout, retries, TLS, redaction, record/replay. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { source, timeoutMs } = options;
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const redactor = new Redactor([
    ...(options.secrets ?? []),
    ...authSecrets(options.auth),
    ...sensitiveValues(options.headers),
  ]);
  const send = createTransport({
    timeoutMs,
    verifyTls: options.verifyTls ?? true,
    headers: {
      accept: 'application/json',
      'user-agent': options.userAgent,
      ...options.headers,
      ...authHeaders(options.auth),
    },
  });

  function resolve(method: string, path: string, request: RequestOptions, redact: Redactor): URL {
    const text = joinUrl(options.baseUrl, path);
    try {
      const url = new URL(text);
      for (const [name, value] of Object.entries(request.searchParams ?? {})) {
        url.searchParams.set(name, String(value));
      }
      return url;
    } catch {
      throw new HttpError(`${source}: "${redact.url(text)}" is not a valid URL`, {
        reason: 'url',
        method,
        url: redact.url(text),
        hint: options.urlHint ?? `check the ${source} URL in the config`,
      });
    }
  }

  async function request(
    method: 'GET' | 'POST',
    path: string,
    req: RequestOptions,
    payload?: Payload,
  ): Promise<Outcome> {
    const redact = req.headers === undefined ? redactor : redactor.with(sensitiveValues(req.headers));
    const url = resolve(method, path, req, redact);
    const ctx: RequestContext = {
      source,
      method,
      url: redact.url(url),
      timeoutMs,
      redactor: redact,
      authHint: options.authHint,
      urlHint: options.urlHint,
      tlsHint: options.tlsHint,
    };
    const key: RecordKey = recordKey(method, ctx.url, payload?.keyText);
    if (options.replay !== undefined) {
      return { ctx, response: await loadResponse(options.replay, key, source), attempts: 1 };
    }
    const headers = {
      ...req.headers,
      ...(payload === undefined ? {} : { 'content-type': payload.contentType }),
    };
    for (let attempt = 1; ; attempt++) {
      let response: RawResponse;
      try {
        response = await send({ method, url: url.href, headers, ...(payload ? { body: payload.text } : {}) });
      } catch (error) {
        const failure = describeTransportError(error, timeoutMs, redact);
        if (!failure.retryable || attempt > retries) throw transportError(ctx, failure, attempt);
        await pause(ctx, attempt, failure.text, undefined);
        continue;
      }
      if (isRetryableStatus(response.status) && attempt <= retries) {
        await pause(ctx, attempt, statusText(response.status), response.retryAfter);
        continue;
      }
      if (options.record !== undefined) {
        await saveResponse(
          options.record,
          key,
          {
            method,
            url: ctx.url,
            status: response.status,
            body: req.maskRecorded ? req.maskRecorded(response.body) : response.body,
          },
          source,
        );
      }
      return { ctx, response, attempts: attempt };
    }
  }

  async function pause(
    ctx: RequestContext,
    attempt: number,
    reason: string,
    retryAfter: string | undefined,
  ): Promise<void> {
    const delayMs = retryDelay({ attempt, baseMs: retryDelayMs, maxRetryAfterMs, retryAfter });
    options.onRetry?.({ attempt, url: ctx.url, reason, delayMs });
    if (delayMs > 0) await sleep(delayMs);
  }

  async function text(method: 'GET' | 'POST', path: string, req: RequestOptions, payload?: Payload) {
    const { ctx, response, attempts } = await request(method, path, req, payload);
    if (response.status < 200 || response.status > 299) {
      throw statusError(ctx, response.status, response.body, attempts);
    }
    return { ctx, response };
  }

  async function json(method: 'GET' | 'POST', path: string, req: RequestOptions, payload?: Payload) {
    const { ctx, response } = await text(method, path, req, payload);
    return parseJsonBody(ctx, response.status, response.body);
  }

  return {
    source,
    recording: options.replay !== undefined ? 'replay' : options.record !== undefined ? 'save' : undefined,
    getJson: (path, req = {}) => json('GET', path, req),
    getText: async (path, req = {}) => (await text('GET', path, req)).response.body,
    postForm: (path, form, req = {}) =>
      json('POST', path, req, {
        text: new URLSearchParams(form).toString(),
        contentType: 'application/x-www-form-urlencoded',
        keyText: redactor.form(form),
      }),
    postJson: (path, body, req = {}) => {
      const serialised = JSON.stringify(body) ?? 'null';
      return json('POST', path, req, {
        text: serialised,
        contentType: 'application/json',
        keyText: redactor.text(serialised),
      });
    },
  };
}
