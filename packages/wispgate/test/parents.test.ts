import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseShapedDevices } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINT, fixtureDir, type Scenario, startScenario } from './harness.js';

const KEEP = '[integration_common]\nalways_overwrite_network_json = false\n';

// An operator's own network.json: Tower North sits inside a region; Tower South is small.
const KEPT = `{
  "Region 1": {
    "downloadBandwidthMbps": 5000,
    "uploadBandwidthMbps": 5000,
    "type": "site",
    "id": "ops:region:1",
    "children": {
      "Tower North": { "downloadBandwidthMbps": 2000, "uploadBandwidthMbps": 2000, "type": "site", "id": "ops:tower:n" }
    }
  },
  "Tower South": { "downloadBandwidthMbps": 60, "uploadBandwidthMbps": 30, "type": "ap" }
}
`;

async function read(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

/** Circuit ID → Parent Node, read with core's own CSV parser. */
async function parents(dir: string): Promise<Map<string, string>> {
  const { rows } = parseShapedDevices(await read(dir, 'ShapedDevices.csv'));
  expect(rows.length).toBeGreaterThan(20);
  return new Map(rows.map((row) => [row.circuitId, row.parentNode]));
}

describe('wispgate-integration Parent Node', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('kept network.json: circuits go under the nodes it has; the file stays byte for byte', async () => {
    scenario = await startScenario('realistic', KEEP);
    await writeFile(join(scenario.outputDir, 'network.json'), KEPT);
    const mtime = (await stat(join(scenario.outputDir, 'network.json'))).mtimeMs;
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe(KEPT);
    expect((await stat(join(scenario.outputDir, 'network.json'))).mtimeMs).toBe(mtime);
    const parent = await parents(scenario.outputDir);
    expect(parent.get('1001')).toBe('Tower North'); // nested in the kept file: found all the same
    expect(parent.get('1003')).toBe('Tower South');
    expect(parent.get('1019')).toBe('Tower North'); // its first row's parent
    expect(parent.get('1006')).toBe(''); // Tower East is not in the kept file
    expect(parent.get('1005')).toBe(''); // no Parent Node at all
    expect(result.stderr).toMatch(
      /\d+ circuit\(s\) name a Parent Node \("Tower East", "Tower West", "Tour Nord"\) that .*network\.json does not have: they are placed at the top level/,
    );
    // A circuit above its kept parent's capacity is capped to it, like under any source's node.
    expect(result.stderr).toMatch(/capped-to-parent: .*circuit 1003 100\/100 → 60\/30 under "Tower South"/);
    expect((await read(scenario.outputDir, 'ShapedDevices.csv')).split('\n')).toContain(
      '1003,"Riverside Dental, LLC",wispgate:1003:MikroTik,MikroTik,Tower South,b8:69:f4:00:10:03,100.64.20.3,,60,30,60,30,',
    );
  });

  it('v2.2 layout: Parent Node ID comes from the kept node', async () => {
    scenario = await startScenario('realistic', KEEP);
    await writeFile(join(scenario.outputDir, 'network.json'), KEPT);
    expect((await scenario.run(['--csv-layout', 'v2.2'])).code).toBe(0);
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toMatch(
      /^1001,Maria Lopez,wispgate:1001:Router,Router,Tower North,ops:tower:n,,/m,
    );
  });

  it('--json with a kept network.json shows the kept tree and the circuits under it', async () => {
    scenario = await startScenario('realistic', KEEP);
    await writeFile(join(scenario.outputDir, 'network.json'), KEPT);
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.network.map((n: { name: string }) => n.name)).toEqual(['Region 1', 'Tower South']);
    const circuit = plan.circuits.find((c: { id: string }) => c.id === '1001');
    expect(circuit.parentNode).toBe('Tower North');
  });

  it('keeping is on but there is no network.json yet: {} is written, circuits at the top level', async () => {
    scenario = await startScenario('realistic', KEEP);
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe('{}\n');
    expect([...(await parents(scenario.outputDir)).values()].every((p) => p === '')).toBe(true);
    expect(result.stderr).toMatch(/but there is no .*network\.json to keep yet \(one is written as \{\}\)/);
  });

  it('always_overwrite_network_json = true (default): {} replaces the file, circuits at the top level', async () => {
    scenario = await startScenario('realistic');
    await writeFile(join(scenario.outputDir, 'network.json'), KEPT);
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe('{}\n');
    expect([...(await parents(scenario.outputDir)).values()].every((p) => p === '')).toBe(true);
  });

  it('exclude_sites naming a kept node leaves its circuits out', async () => {
    scenario = await startScenario(
      'realistic',
      `${KEEP}[uisp_integration]\nexclude_sites = ["tower south"]\n`,
    );
    await writeFile(join(scenario.outputDir, 'network.json'), KEPT);
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    const ids = JSON.parse(result.stdout).circuits.map((c: { id: string }) => c.id);
    expect(ids).not.toContain('1003');
    expect(ids).toContain('1001');
  });
});

describe('wispgate-integration device ids', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('stay the same when rows are added or removed upstream', async () => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    const before = (await read(scenario.outputDir, 'ShapedDevices.csv')).split('\n');
    const rows = JSON.parse(await read(fixtureDir('realistic'), 'shaped-devices.json')) as Record<
      string,
      unknown
    >[];
    const changed = [
      { ...rows[0], 'Circuit ID': '0999', 'Circuit Name': 'New Customer', IPv4: '100.64.21.1', MAC: '' },
      ...rows.filter((row) => row['Circuit ID'] !== '1004'),
    ];
    scenario.server.fault({ path: ENDPOINT, status: 200, body: JSON.stringify(changed), times: 1 });
    expect((await scenario.run()).code).toBe(0);
    const after = (await read(scenario.outputDir, 'ShapedDevices.csv')).split('\n');
    expect(after).toContain('0999,New Customer,wispgate:0999:Router,Router,,,100.64.21.1,,24.5,4.9,25,5,');
    // Every other device row is unchanged, ids included.
    expect(after.filter((line) => !line.startsWith('0999,'))).toEqual(
      before.filter((line) => !line.startsWith('1004,')),
    );
  });
});
