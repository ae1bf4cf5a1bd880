import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions, isHttpError } from '../src/http/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

const dir = join(import.meta.dirname, 'fixtures/http-tls');
let tls: Server;
let tlsUrl: string;
let plain: MockServer;

beforeAll(async () => {
  tls = createServer(
    { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"secure":true}');
    },
  );
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
  plain = await startMockServer({ routes: [{ method: 'GET', path: '/x', body: 1 }] });
});

afterAll(async () => {
  tls.closeAllConnections();
  await new Promise((resolve) => tls.close(resolve));
  await plain.close();
});

const base: HttpClientOptions = {
  source: 'UISP',
  timeoutMs: 2000,
  userAgent: 'wispsync/test',
  retryDelayMs: 0,
  tlsHint: 'set [uisp_integration].verify_tls = false if UISP uses a self-signed certificate',
};

async function message(promise: Promise<unknown>): Promise<{ message: string; hint: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (isHttpError(error)) return { message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('TLS', () => {
  it('names a self-signed certificate, does not retry it, and prints the verify_tls hint', async () => {
    let retries = 0;
    const result = await message(
      createHttpClient({ ...base, baseUrl: tlsUrl, onRetry: () => retries++ }).getJson('/x'),
    );
    expect(result.message).toBe(`UISP: GET ${tlsUrl}/x failed: TLS certificate is self-signed`);
    expect(result.hint).toBe(base.tlsHint);
    expect(retries).toBe(0);
  });

  it('accepts the certificate when verifyTls is false', async () => {
    await expect(
      createHttpClient({ ...base, baseUrl: tlsUrl, verifyTls: false }).getJson('/x'),
    ).resolves.toEqual({
      secure: true,
    });
  });

  it('explains https:// against a plain-http server', async () => {
    const result = await message(
      createHttpClient({ ...base, baseUrl: plain.url.replace('http:', 'https:') }).getJson('/x'),
    );
    expect(result.message).toContain('TLS handshake failed (is the URL http:// or https://?)');
  });
});
