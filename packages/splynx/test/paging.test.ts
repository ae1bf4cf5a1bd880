import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MockReply, RecordedRequest } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, API_SECRET, DATA, type Scenario, startScenario } from './harness.js';
import { LISTS, type ListFile, listReply, pathOf, splynxRoutes } from './mock.js';

const SERVICES = pathOf('internet-services.json');
const GOLDEN = join(DATA, 'realistic/expected/full');

async function outputs(scenario: Scenario): Promise<string[]> {
  return Promise.all(
    ['network.json', 'ShapedDevices.csv'].map((f) => readFile(join(scenario.outputDir, f), 'utf8')),
  );
}

async function golden(): Promise<string[]> {
  return Promise.all(['network.json', 'ShapedDevices.csv'].map((f) => readFile(join(GOLDEN, f), 'utf8')));
}

/** The mock's routes with the internet-services list answered by `handler` instead. */
async function replaceServices(
  scenario: Scenario,
  handler: (items: unknown[], request: RecordedRequest) => MockReply,
) {
  const items = JSON.parse(
    await readFile(join(DATA, 'realistic/internet-services.json'), 'utf8'),
  ) as unknown[];
  const active = items.filter((item) => (item as { status: string }).status === 'active');
  scenario.server.setRoutes(
    splynxRoutes({ dir: join(DATA, 'realistic'), key: API_KEY, secret: API_SECRET }).map((route) =>
      route.path === SERVICES ? { ...route, handler: (request) => handler(active, request) } : route,
    ),
  );
}

const serviceRequests = (scenario: Scenario) => scenario.server.requests.filter((r) => r.path === SERVICES);

describe('splynx-integration paging', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('reads every list in limit/offset pages, with the active-status filter, to the same files', async () => {
    scenario = await startScenario('realistic', { splynx: 'page_size = 7\nstrategy = "full"' });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await outputs(scenario)).toEqual(await golden());
    // 40 active services: five full pages of 7, then a short one.
    expect(serviceRequests(scenario).map((r) => r.query)).toEqual(
      [0, 7, 14, 21, 28, 35].map((offset) => ({
        'main_attributes[status]': 'active',
        limit: '7',
        offset: String(offset),
      })),
    );
    // Every list is paged (37 customers → 6 pages).
    expect(scenario.server.requests.filter((r) => r.path === pathOf('customers.json'))).toHaveLength(6);
  });

  it('a list that is an exact multiple of the page size ends with an empty page', async () => {
    scenario = await startScenario('realistic', { splynx: 'page_size = 8\nstrategy = "full"' });
    expect((await scenario.run()).code).toBe(0);
    expect(await outputs(scenario)).toEqual(await golden());
    expect(serviceRequests(scenario).map((r) => r.query.offset)).toEqual(['0', '8', '16', '24', '32', '40']);
  });

  it('page_size = 0: one request per list, no paging parameters, as LibreQoS does', async () => {
    scenario = await startScenario('realistic', { splynx: 'page_size = 0\nstrategy = "full"' });
    expect((await scenario.run()).code).toBe(0);
    expect(await outputs(scenario)).toEqual(await golden());
    expect(serviceRequests(scenario).map((r) => r.query)).toEqual([{ 'main_attributes[status]': 'active' }]);
    expect(scenario.server.requests).toHaveLength(7);
  });

  it('only the lists the strategy needs are read; routers never', async () => {
    const paths = (s: Scenario) => [...new Set(s.server.requests.map((r) => r.path))].sort();
    const all = (files: ListFile[]) => files.map(pathOf).sort();
    scenario = await startScenario('realistic', { splynx: 'strategy = "flat"' });
    expect((await scenario.run()).code).toBe(0);
    expect(paths(scenario)).toEqual(
      all(['tariffs.json', 'customers.json', 'customers-online.json', 'internet-services.json']),
    );
    await scenario.close();
    scenario = await startScenario('realistic', { splynx: 'strategy = "ap_only"' });
    expect((await scenario.run()).code).toBe(0);
    const hierarchy = (Object.keys(LISTS) as ListFile[]).filter((file) => file !== 'routers.json');
    expect(paths(scenario)).toEqual(all(hierarchy));
    // The credentials are checked with the tariff list before anything else is asked for.
    expect(scenario.server.requests[0]?.path).toBe(pathOf('tariffs.json'));
  });

  it('a server that ignores limit: the first answer is the whole list', async () => {
    scenario = await startScenario('realistic', { splynx: 'page_size = 7\nstrategy = "full"' });
    await replaceServices(scenario, (items) => ({ body: items }));
    expect((await scenario.run()).code).toBe(0);
    expect(await outputs(scenario)).toEqual(await golden());
    expect(serviceRequests(scenario)).toHaveLength(1);
  });

  it('a server that ignores offset: exit 3 with the page_size fix, not an endless loop', async () => {
    scenario = await startScenario('realistic', { splynx: 'page_size = 7' });
    await replaceServices(scenario, (items, request) =>
      listReply(items, { limit: request.query.limit ?? '' }),
    );
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /internet-services ignored the "offset" parameter \(page 2 repeats page 1\)[\s\S]*hint: set \[splynx_integration\]\.page_size = 0/,
    );
    expect(serviceRequests(scenario)).toHaveLength(2);
  });
});
