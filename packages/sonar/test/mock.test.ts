// The mock Sonar itself: the semantics the tool relies on (and that break LibreQoS's query).
import { type MockServer, startMockServer } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNTS_QUERY, accountsVariables } from '../src/queries.js';
import { API_KEY, mockModule, readScenario } from './harness.js';

interface AccountOut {
  id: number;
  account_status_id: number;
  child_accounts: { entities: { id: number }[] };
  account_services: { entities: unknown[] };
  all_account_services: { entities: { service: { name: string } }[] };
}

interface Answer {
  data: { accounts: { page_info: unknown; entities: AccountOut[] } };
  errors: { message: string }[];
  message?: string;
}

async function post(
  server: MockServer,
  body: unknown,
  key = API_KEY,
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe('mock Sonar GraphQL', () => {
  let server: MockServer | undefined;
  afterEach(async () => server?.close());

  async function start() {
    const { db } = await readScenario('basic');
    server = await startMockServer({ routes: [(await mockModule()).sonarRoute(db, { apiKey: API_KEY })] });
    return server;
  }

  it("ANDs the fields of one Search and ORs the Searches: LibreQoS's one-Search status filter matches nothing", async () => {
    const mock = await start();
    const ours = await post(mock, {
      query: ACCOUNTS_QUERY,
      variables: accountsVariables(['1', '2'], 1, 100),
    });
    const libreqos = await post(mock, {
      query: ACCOUNTS_QUERY,
      variables: {
        ...accountsVariables([], 1, 100),
        account_search: [
          {
            integer_fields: [1, 2].map((id) => ({
              attribute: 'account_status_id',
              operator: 'EQ',
              search_value: id,
            })),
          },
        ],
      },
    });
    const statuses = (answer: typeof ours) =>
      new Set(
        answer.body.data.accounts.entities.map((a: { account_status_id: number }) => a.account_status_id),
      );
    expect(statuses(ours)).toEqual(new Set([1, 2]));
    expect(libreqos.body.data.accounts.entities).toEqual([]);
  });

  it('an integer search value sent as a string is a GraphQL error, as on Sonar', async () => {
    const mock = await start();
    const answer = await post(mock, {
      query: ACCOUNTS_QUERY,
      variables: {
        ...accountsVariables([], 1, 100),
        account_search: [
          { integer_fields: [{ attribute: 'account_status_id', operator: 'EQ', search_value: '1' }] },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors[0]?.message).toMatch(/Int cannot represent non-integer value: "1"/);
  });

  it('pages by records_per_page with page_info, and nests child accounts', async () => {
    const mock = await start();
    const { db } = await readScenario('basic');
    const active = db.accounts.filter((a) => a.account_status_id === 1 || a.account_status_id === 2);
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) =>
        post(mock, { query: ACCOUNTS_QUERY, variables: accountsVariables(['1', '2'], page, 10) }),
      ),
    );
    expect(pages[0]?.body.data.accounts.page_info).toEqual({
      page: 1,
      records_per_page: 10,
      total_pages: Math.ceil(active.length / 10),
      total_count: active.length,
    });
    const entities = pages.flatMap((answer) => answer.body.data.accounts.entities);
    expect(entities.map((a) => a.id)).toEqual(active.map((a) => a.id));
    const harbor = entities.find((a) => a.id === 126);
    // Children whatever their status (142 is disconnected); the DATA filter leaves no service here.
    expect(harbor?.child_accounts.entities.map((c: { id: number }) => c.id)).toEqual([141, 142, 143]);
    expect(harbor?.account_services.entities).toEqual([]);
    expect(
      harbor?.all_account_services.entities.map((s: { service: { name: string } }) => s.service.name),
    ).toEqual(['Equipment Rental', ' 1 Gig Bulk ']);
    expect(harbor).not.toHaveProperty('services');
    expect(harbor).not.toHaveProperty('parent_account_id');
  });

  it('a wrong key gets 401 {"message": "Unauthenticated."}', async () => {
    const mock = await start();
    const answer = await post(mock, { query: ACCOUNTS_QUERY, variables: {} }, 'nope');
    expect(answer).toEqual({ status: 401, body: { message: 'Unauthenticated.' } });
  });
});
