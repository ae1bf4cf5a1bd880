// The token holder in-process: sharing one refresh, masking recordings, the cache file format.
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpClient } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { isFresh, readTokenCache, tokenCachePath, writeTokenCache } from '../src/token-cache.js';
import { maskToken, VispTokens } from '../src/tokens.js';

function fakeHttp(recording?: 'save' | 'replay') {
  let issued = 0;
  const http = {
    source: 'VISP',
    recording,
    getJson: async () => {
      issued++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { token: `t${issued}`, payload: { exp: 4102444800, ispId: ['42'] } };
    },
  } as unknown as HttpClient;
  return { http, issued: () => issued };
}

function tokens(http: HttpClient, cachePath?: string) {
  const secrets: string[] = [];
  const holder = new VispTokens({
    http,
    tokenUrl: 'http://127.0.0.1:9/token',
    ispId: 0,
    cachePath,
    nowSecs: () => 1_700_000_000,
    warn: () => undefined,
    addSecret: (value) => secrets.push(value),
  });
  return { holder, secrets };
}

describe('VispTokens', () => {
  it('concurrent callers share one token request; requests refused together share one refresh', async () => {
    const { http, issued } = fakeHttp();
    const { holder, secrets } = tokens(http);
    const first = await Promise.all([holder.get(), holder.get(), holder.get()]);
    expect(first.map((g) => g.token)).toEqual(['t1', 't1', 't1']);
    expect(first[0]?.ispId).toBe(42);
    const refreshed = await Promise.all([holder.refresh('t1'), holder.refresh('t1'), holder.refresh('t1')]);
    expect(refreshed.map((g) => g.token)).toEqual(['t2', 't2', 't2']);
    expect(issued()).toBe(2);
    expect(secrets).toEqual(['t1', 't2']);
  });

  it('a replayed (masked) token is never cached; a recording run skips the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'visp-tokens-'));
    const cache = join(dir, 'cache', 'token.json');
    await writeTokenCache(cache, { token: 'cached', exp: 4102444800, ispId: 42 });
    const recording = fakeHttp('save');
    expect((await tokens(recording.http, cache).holder.get()).token).toBe('t1');
    expect(JSON.parse(await readFile(cache, 'utf8')).token).toBe('t1');
    const replay = fakeHttp('replay');
    await tokens(replay.http, cache).holder.get();
    expect(JSON.parse(await readFile(cache, 'utf8')).token).toBe('t1');
    const live = fakeHttp();
    expect((await tokens(live.http, cache).holder.get()).token).toBe('t1');
    expect(live.issued()).toBe(0);
  });
});

describe('token cache file', () => {
  it('is named like LibreQoS’s, written 0600, and read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'visp-cache-'));
    const path = tokenCachePath(dir, 'client', 'user');
    // The first 16 hex digits of sha256("client|user") name the file.
    expect(path).toBe(join(dir, 'cache', '.visp_token_cache_834fa3c7e1ee5738.json'));
    expect(path).not.toBe(tokenCachePath(dir, 'client', 'other'));
    expect(await writeTokenCache(path, { token: 'abc', exp: 200_000, ispId: 9 })).toBeUndefined();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('{"token":"abc","exp":200000,"isp_id":9}\n');
    expect(await readTokenCache(path)).toEqual({ token: 'abc', exp: 200_000, ispId: 9 });
    expect(await readTokenCache(join(dir, 'missing.json'))).toBeUndefined();
  });

  it('is fresh until a day before it expires', () => {
    const token = { token: 'x', exp: 1_000_000, ispId: 1 };
    expect(isFresh(token, 1_000_000 - 86_401)).toBe(true);
    expect(isFresh(token, 1_000_000 - 86_400)).toBe(false);
  });
});

describe('maskToken', () => {
  it.each([
    ['{"token":"abc.def","payload":{"exp":1}}', '{"token":"***","payload":{"exp":1}}'],
    ['{"token": "abc.def", "payl', '{"token": "***", "payl'],
    ['{"token": "abc.d', '{"token": "***'],
    ['<html>nope</html>', '<html>nope</html>'],
  ])('%s', (body, masked) => {
    expect(maskToken(body)).toBe(masked);
  });
});
