import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WispError } from '../src/errors/index.js';
import { createGraphqlClient, graphqlAll, graphqlData } from '../src/graphql/index.js';
import { createHttpClient } from '../src/http/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
const PER_PAGE = 3;
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    routes: [
      {
        method: 'POST',
        path: '/api/graphql',
        auth: { header: 'authorization', value: 'Bearer gql-key-1234' },
        handler: (req) => {
          const body = JSON.parse(req.body) as { query: string; variables: { page?: number } };
          if (body.query.includes('broken'))
            return { body: { errors: [{ message: 'Cannot query field "broken"' }] } };
          if (body.query.includes('nodata')) return { body: { something: 1 } };
          const page = body.variables.page ?? 1;
          const entities = ITEMS.slice((page - 1) * PER_PAGE, page * PER_PAGE);
          const total_pages = Math.ceil(ITEMS.length / PER_PAGE);
          return { body: { data: { things: { entities, page_info: { page, total_pages } } } } };
        },
      },
    ],
  });
});

afterAll(async () => {
  await server.close();
});

function client() {
  const http = createHttpClient({
    source: 'Test',
    baseUrl: server.url,
    timeoutMs: 2000,
    userAgent: 'wispsync/test',
    retryDelayMs: 0,
    auth: { type: 'bearer', token: 'gql-key-1234' },
  });
  return createGraphqlClient(http, '/api/graphql');
}

describe('GraphQL client', () => {
  it('posts query, variables and operationName and returns data', async () => {
    const before = server.requests.length;
    const data = await client().request({
      query: 'query Q { things }',
      variables: { page: 2 },
      operationName: 'Q',
    });
    expect(data).toEqual({
      things: { entities: [{ id: 4 }, { id: 5 }, { id: 6 }], page_info: { page: 2, total_pages: 3 } },
    });
    const sent = JSON.parse(server.requests[before]?.body ?? '{}');
    expect(sent).toEqual({ query: 'query Q { things }', variables: { page: 2 }, operationName: 'Q' });
  });

  it('turns an errors array into a source error carrying the upstream message', async () => {
    const failure = await client()
      .request({ query: 'query { broken }', operationName: 'Broken' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WispError);
    expect((failure as WispError).kind).toBe('source');
    expect((failure as WispError).message).toBe('Test GraphQL Broken failed: Cannot query field "broken"');
  });

  it('rejects an answer without data', async () => {
    await expect(client().request({ query: 'query { nodata }' })).rejects.toThrow(/no "data" object/);
    expect(() => graphqlData('X', undefined, [1, 2])).toThrow(/not a JSON object/);
    expect(() => graphqlData('X', undefined, { data: {}, errors: [] })).not.toThrow();
    expect(() => graphqlData('X', undefined, { data: {}, errors: 'boom' })).toThrow(/failed: "boom"/);
  });

  it('iterates pages until the rule says stop', async () => {
    const pagesAsked: number[] = [];
    const rows = await graphqlAll(client(), {
      request: (index) => {
        pagesAsked.push(index + 1);
        return { query: 'query { things }', variables: { page: index + 1 } };
      },
      read: (data) => {
        const things = data.things as {
          entities: Array<{ id: number }>;
          page_info: { page: number; total_pages: number };
        };
        return { rows: things.entities, more: things.page_info.page < things.page_info.total_pages };
      },
    });
    expect(pagesAsked).toEqual([1, 2, 3]);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops a server that never announces the last page', async () => {
    await expect(
      graphqlAll(client(), {
        request: () => ({ query: 'query { things }', variables: { page: 1 } }),
        read: () => ({ rows: [], more: true }),
        maxPages: 4,
      }),
    ).rejects.toThrow(/more than 4 pages/);
  });
});
