import { isWispError } from '@wispsync/core';
import { type MockServer, type RecordedRequest, startMockServer } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchSonar } from '../src/api.js';
import { sonarGraphqlUrl } from '../src/url.js';
import { testContext } from './context.js';
import { type Agents, API_KEY, mockModule, readScenario, type SonarDb, snmpModule } from './harness.js';

interface Posted {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

const posted = (server: MockServer): Posted[] => server.requests.map((r) => JSON.parse(r.body) as Posted);
const operations = (server: MockServer) =>
  posted(server).map((body) => {
    const page = (body.variables.pages as { page?: number } | undefined)?.page;
    return page === undefined ? body.operationName : `${body.operationName} ${page}`;
  });

async function sonarServer(db: SonarDb, delay?: (body: Posted) => number): Promise<MockServer> {
  const { sonarGraphqlHandler } = await mockModule();
  const handler = sonarGraphqlHandler(db);
  return startMockServer({
    routes: [
      {
        method: 'POST',
        path: '/api/graphql',
        auth: { header: 'authorization', value: `Bearer ${API_KEY}` },
        unauthorized: { message: 'Unauthenticated.' },
        handler: async (request: RecordedRequest) => {
          const wait = delay?.(JSON.parse(request.body) as Posted) ?? 0;
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          return handler!(request);
        },
      },
    ],
  });
}

function sonarSection(server: MockServer, extra: Record<string, unknown> = {}) {
  return {
    sonar_integration: {
      sonar_api_url: server.url,
      sonar_api_key: API_KEY,
      airmax_model_ids: ['10', '11'],
      ltu_model_ids: ['20'],
      page_size: 5,
      snmp_timeout_secs: 0.3,
      snmp_retries: 0,
      ...extra,
    },
  };
}

describe('sonar-integration fetch', () => {
  let server: MockServer | undefined;
  let agents: Agents | undefined;
  afterEach(async () => {
    await server?.close();
    await agents?.close();
    server = undefined;
    agents = undefined;
  });

  it('asks statuses, then every sites page, then every accounts page, with Bearer auth and Sonar variables', async () => {
    const { db, aps } = await readScenario('basic');
    server = await sonarServer(db);
    agents = await (await snmpModule()).startApAgents(aps);
    const context = await testContext(sonarSection(server, { snmp_port: agents.port }));
    const raw = await fetchSonar(context);

    // Pages after the first are asked page_concurrency (4) at a time: they may arrive in any order.
    const asked = operations(server);
    expect(asked.slice(0, 4)).toEqual([
      'getActiveStatuses',
      'getSitesAndAps 1',
      'getSitesAndAps 2',
      'getAccounts 1',
    ]);
    expect(asked.slice(4).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `getAccounts ${i + 2}`));
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.path).toBe('/api/graphql');
      expect(request.headers['content-type']).toBe('application/json');
    }
    const bodies = posted(server);
    expect(bodies[0]?.variables).toEqual({});
    // One Search per id: Sonar ORs Search objects and ANDs the fields inside one.
    expect(bodies[1]?.variables).toEqual({
      pages: { records_per_page: 5, page: 1 },
      rr_ap_models: {
        relation: 'inventory_items',
        search: [10, 11, 20].map((id) => ({
          integer_fields: [{ attribute: 'inventory_model_id', operator: 'EQ', search_value: id }],
        })),
      },
      ap_models: [10, 11, 20].map((id) => ({
        integer_fields: [{ attribute: 'inventory_model_id', operator: 'EQ', search_value: id }],
      })),
    });
    expect(bodies[3]?.variables).toEqual({
      pages: { records_per_page: 5, page: 1 },
      account_search: [1, 2].map((id) => ({
        integer_fields: [{ attribute: 'account_status_id', operator: 'EQ', search_value: id }],
      })),
      data: {
        relation: 'service',
        search: [{ string_fields: [{ attribute: 'type', match: true, search_value: 'DATA' }] }],
      },
    });
    expect(raw.statusIds).toEqual(['1', '2']);
    expect(raw.sites).toHaveLength(6);
    const wanted = db.accounts.filter((a) => a.account_status_id === 1 || a.account_status_id === 2);
    expect(raw.accounts).toHaveLength(wanted.length);
    expect(raw.stations.map((s) => s.host)).toEqual(aps.map((ap) => ap.host));
  });

  it('pages come back in page order whatever order they arrive in; page_concurrency = 1 asks one by one', async () => {
    const { db } = await readScenario('basic');
    const pageOf = (body: Posted) => (body.variables.pages as { page: number } | undefined)?.page;
    // Page 2 answers slowly; pages asked while it is pending prove the concurrency.
    let slowPending = false;
    const askedMeanwhile: (number | undefined)[] = [];
    server = await sonarServer(db, (body) => {
      if (body.operationName !== 'getAccounts') return 0;
      if (pageOf(body) !== 2) {
        if (slowPending) askedMeanwhile.push(pageOf(body));
        return 0;
      }
      slowPending = true;
      setTimeout(() => {
        slowPending = false;
      }, 300);
      return 300;
    });
    const concurrent = await fetchSonar(
      await testContext(sonarSection(server, { airmax_model_ids: [], ltu_model_ids: [] })),
    );
    expect(askedMeanwhile.length).toBeGreaterThanOrEqual(3);
    const ids = (raw: typeof concurrent) => raw.accounts.map((a) => (a as { id: number }).id);
    expect(ids(concurrent)).toEqual(
      db.accounts.filter((a) => a.account_status_id === 1 || a.account_status_id === 2).map((a) => a.id),
    );

    server.requests.length = 0;
    const sequential = await fetchSonar(
      await testContext(
        sonarSection(server, { airmax_model_ids: [], ltu_model_ids: [], page_concurrency: 1 }),
      ),
    );
    expect(operations(server)).toEqual([
      'getActiveStatuses',
      ...Array.from({ length: 8 }, (_, i) => `getAccounts ${i + 1}`),
    ]);
    expect(ids(sequential)).toEqual(ids(concurrent));
  });

  it('uses configured status ids as given (ignoring blanks) and integer model ids like strings', async () => {
    const { db } = await readScenario('libreqos-example');
    server = await sonarServer(db);
    const context = await testContext(
      sonarSection(server, { active_status_ids: ['', '3'], airmax_model_ids: [10], ltu_model_ids: [] }),
    );
    const raw = await fetchSonar(context);
    expect(operations(server)).toEqual(['getSitesAndAps 1', 'getAccounts 1']);
    expect(raw.accounts.map((a) => (a as { id: number }).id)).toEqual([40]);
    expect(raw.stations.map((s) => s.table)).toEqual(['airmax', 'airmax']); // APs 1001 and 3001
  });

  it('blank active_status_ids (lqos.example ships [""]) means discovery', async () => {
    const { db } = await readScenario('libreqos-example');
    server = await sonarServer(db);
    const context = await testContext(
      sonarSection(server, { active_status_ids: [''], airmax_model_ids: [] }),
    );
    await fetchSonar(context);
    expect(operations(server)[0]).toBe('getActiveStatuses');
  });

  it('no status that activates an account is a config error, not "every account"', async () => {
    const { db } = await readScenario('libreqos-example');
    server = await sonarServer({ ...db, account_statuses: [{ id: 3, activates_account: false }] });
    const context = await testContext(sonarSection(server));
    const error = await fetchSonar(context).catch((e: unknown) => e);
    expect(isWispError(error) && error.exitCode).toBe(2);
    expect(String((error as Error).message)).toMatch(/no account status that activates an account/);
    expect(operations(server)).toEqual(['getActiveStatuses']);
  });

  it('without model ids no site or AP is asked, with a warning', async () => {
    const { db } = await readScenario('libreqos-example');
    server = await sonarServer(db);
    const context = await testContext(
      sonarSection(server, { airmax_model_ids: [], ltu_model_ids: [], page_size: 3 }),
    );
    const raw = await fetchSonar(context);
    expect(operations(server)).toEqual(['getActiveStatuses', 'getAccounts 1', 'getAccounts 2']);
    expect(raw.stations).toEqual([]);
    expect(context.warnings.join('\n')).toMatch(/airmax_model_ids and ltu_model_ids are empty/);
  });

  it('flat asks for no sites and no APs', async () => {
    const { db } = await readScenario('libreqos-example');
    server = await sonarServer(db);
    const context = await testContext(sonarSection(server, { page_size: 3 }), { strategy: 'flat' });
    const raw = await fetchSonar(context);
    expect(operations(server)).toEqual(['getActiveStatuses', 'getAccounts 1', 'getAccounts 2']);
    expect(raw.sites).toEqual([]);
    expect(context.warnings).toEqual([]);
  });

  it('a page that times out is asked again (LibreQoS: ReadTimeout retried)', async () => {
    const { db } = await readScenario('libreqos-example');
    let slow = 2;
    server = await sonarServer(db, (body) =>
      body.operationName === 'getAccounts' &&
      (body.variables.pages as { page: number }).page === 2 &&
      slow-- > 0
        ? 1500
        : 0,
    );
    const context = await testContext(
      sonarSection(server, { timeout_secs: 1, airmax_model_ids: [], ltu_model_ids: [], page_size: 3 }),
    );
    const raw = await fetchSonar(context);
    expect(operations(server)).toEqual([
      'getActiveStatuses',
      'getAccounts 1',
      'getAccounts 2',
      'getAccounts 2',
      'getAccounts 2',
    ]);
    expect(raw.accounts).toHaveLength(5);
  });

  it('a page that times out on every attempt fails with exit 3 once the retries are spent', async () => {
    const { db } = await readScenario('libreqos-example');
    server = await sonarServer(db, (body) => (body.operationName === 'getAccounts' ? 1500 : 0));
    const context = await testContext(
      sonarSection(server, {
        timeout_secs: 1,
        airmax_model_ids: [],
        ltu_model_ids: [],
        active_status_ids: ['1'],
      }),
    );
    const error = await fetchSonar(context).catch((e: unknown) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect((error as Error).message).toMatch(/timed out after 1 s after 4 attempts/);
    expect(server.requests).toHaveLength(4);
  }, 15_000);
});

describe('sonar_api_url', () => {
  it.each([
    ['https://x.sonar.software', 'https://x.sonar.software/api/graphql'],
    ['https://x.sonar.software/', 'https://x.sonar.software/api/graphql'],
    ['  https://x.sonar.software/api/graphql/ ', 'https://x.sonar.software/api/graphql'],
    ['https://proxy.example/sonar', 'https://proxy.example/sonar/api/graphql'],
    ['https://x.sonar.software/?tenant=a#frag', 'https://x.sonar.software/api/graphql?tenant=a#frag'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(sonarGraphqlUrl(input)).toBe(expected);
  });
});
