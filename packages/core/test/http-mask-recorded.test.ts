// --save-responses and a secret in an answer: the recorded body can be masked per request, and a
// client says whether it records or replays (VISP's token answer and token cache need both).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions } from '../src/http/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

let server: MockServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wispsync-http-mask-'));
  server = await startMockServer({
    routes: [{ method: 'GET', path: '/token', body: { token: 'issued-secret-token', exp: 1 } }],
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function options(extra: Partial<HttpClientOptions>): HttpClientOptions {
  return {
    source: 'VISP',
    baseUrl: server.url,
    timeoutMs: 2000,
    userAgent: 'wispsync/test',
    retryDelayMs: 0,
    ...extra,
  };
}

describe('maskRecorded and recording', () => {
  it('the caller gets the real body; the saved one is masked; the replay returns the masked one', async () => {
    const mask = (body: string) => body.replace('issued-secret-token', '***');
    const live = createHttpClient(options({ record: dir }));
    expect(live.recording).toBe('save');
    expect(await live.getJson('/token', { maskRecorded: mask })).toEqual({
      token: 'issued-secret-token',
      exp: 1,
    });
    const [file] = await readdir(dir);
    const saved = await readFile(join(dir, file as string), 'utf8');
    expect(saved).not.toContain('issued-secret-token');
    const replay = createHttpClient(options({ replay: dir, baseUrl: 'http://127.0.0.1:9' }));
    expect(replay.recording).toBe('replay');
    expect(await replay.getJson('/token')).toEqual({ token: '***', exp: 1 });
  });

  it('a plain client neither records nor replays', () => {
    expect(createHttpClient(options({})).recording).toBeUndefined();
  });
});
