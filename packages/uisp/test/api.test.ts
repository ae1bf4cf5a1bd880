import type { FetchContext, HttpClient, HttpClientOptions } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { fetchUisp } from '../src/api.js';
import { mapContext } from './context.js';

describe('fetchUisp', () => {
  it('sends the three GETs at once, with the token as X-Auth-Token and TLS checks from insecure_ssl', async () => {
    const started: string[] = [];
    const release: (() => void)[] = [];
    let options: HttpClientOptions | undefined;
    const client: HttpClient = {
      source: 'UISP',
      getJson: (path, request) => {
        started.push(
          `${path}${request?.searchParams ? `?${new URLSearchParams(request.searchParams as Record<string, string>)}` : ''}`,
        );
        return new Promise((resolve) => release.push(() => resolve([])));
      },
      getText: async () => '',
      postForm: async () => null,
      postJson: async () => null,
    };
    const base = await mapContext(
      {
        uisp_integration: {
          url: 'https://uisp.example.net/',
          token: 'secret-token',
          insecure_ssl: true,
          timeout_secs: 7,
        },
      },
      'full',
    );
    const context = {
      ...base,
      reporter: undefined as never,
      http: (o: Omit<HttpClientOptions, 'userAgent' | 'record' | 'replay'>) => {
        options = { ...o, userAgent: 'test' };
        return client;
      },
    } as FetchContext;
    const fetching = fetchUisp(context);
    await new Promise((resolve) => setImmediate(resolve));
    // All three are under way before any answer arrives.
    expect(started).toEqual(['sites', 'devices?withInterfaces=true', 'data-links']);
    for (const done of release) done();
    expect(await fetching).toEqual({ sites: [], devices: [], dataLinks: [] });
    expect(options).toMatchObject({
      baseUrl: 'https://uisp.example.net/nms/api/v2.1',
      auth: { type: 'header', name: 'x-auth-token', value: 'secret-token' },
      verifyTls: false,
      timeoutMs: 7000,
      authHint: expect.stringMatching(/\[uisp_integration\]\.token/),
    });
  });
});
