// The SNMP side against real net-snmp agents on loopback addresses (127.0.31.x).
import { afterEach, describe, expect, it } from 'vitest';
import { readSnmpSettings } from '../src/settings.js';
import { compareOids, loadSnmp, macFromValue, readApStations, type SnmpTarget } from '../src/snmp.js';
import { walkAll } from '../src/stations.js';
import { testContext } from './context.js';
import { type AgentAp, type Agents, snmpModule } from './harness.js';

const APS: AgentAp[] = [
  {
    host: '127.0.31.1',
    table: 'airmax',
    sysName: 'Tower-AC',
    macs: ['24:5A:4C:00:00:01', '24:5A:4C:00:00:0A'],
  },
  { host: '127.0.31.2', table: 'ltu', sysName: 'Tower-LTU', macs: ['74:83:C2:00:00:02'] },
  { host: '127.0.31.3', table: 'airmax', macs: [] },
  { host: '127.0.31.4', table: 'airmax', macs: ['24:5A:4C:00:00:04'], silent: true },
  { host: '127.0.31.5', table: 'ltu', macs: ['74:83:C2:00:00:05'], community: 'other' },
  { host: '127.0.31.6', table: 'airmax', macs: [], silent: true },
  { host: '127.0.31.7', table: 'airmax', macs: [], silent: true },
  { host: '127.0.31.8', table: 'airmax', macs: [], silent: true },
];

describe('reading an AP over SNMP', () => {
  let agents: Agents | undefined;
  afterEach(async () => agents?.close());

  const target = (host: string, table: 'airmax' | 'ltu', version: '1' | '2c' = '2c'): SnmpTarget => ({
    host,
    table,
    community: 'public',
    port: agents!.port,
    version,
    timeoutMs: 1000,
    retries: 0,
  });

  it.each(['1', '2c'] as const)('SNMPv%s: the airMAX station table and sysName', async (version) => {
    agents = await (await snmpModule()).startApAgents(APS);
    const snmp = await loadSnmp();
    expect(await readApStations(snmp, target('127.0.31.1', 'airmax', version))).toEqual({
      name: 'Tower-AC',
      macs: ['24:5A:4C:00:00:01', '24:5A:4C:00:00:0A'],
    });
  });

  it('the LTU station table (column 11), not the airMAX one', async () => {
    agents = await (await snmpModule()).startApAgents(APS);
    const snmp = await loadSnmp();
    expect(await readApStations(snmp, target('127.0.31.2', 'ltu'))).toEqual({
      name: 'Tower-LTU',
      macs: ['74:83:C2:00:00:02'],
    });
    // Asked for the wrong table, the LTU answers no stations (and sysName is not asked).
    expect(await readApStations(snmp, target('127.0.31.2', 'airmax'))).toEqual({ name: '', macs: [] });
  });

  it.each(['1', '2c'] as const)('SNMPv%s: an empty station table ends the walk', async (version) => {
    agents = await (await snmpModule()).startApAgents(APS);
    const snmp = await loadSnmp();
    expect(await readApStations(snmp, target('127.0.31.3', 'airmax', version))).toEqual({
      name: '',
      macs: [],
    });
  });

  it('an AP that never answers, or wants another community, times out', async () => {
    agents = await (await snmpModule()).startApAgents(APS);
    const snmp = await loadSnmp();
    for (const host of ['127.0.31.4', '127.0.31.5']) {
      const error = await readApStations(snmp, target(host, 'ltu')).catch((e: unknown) => e);
      expect((error as Error).name, host).toBe('RequestTimedOutError');
    }
  });

  it('walkAll reports each AP in order, failures included, and keeps to the concurrency bound', async () => {
    agents = await (await snmpModule()).startApAgents(APS);
    const base = readSnmpSettings(
      (await testContext({ sonar_integration: { snmp_timeout_secs: 0.8, snmp_retries: 0 } })).config,
    );
    const targets = APS.map((ap, index) => ({ apRawId: String(index + 1), host: ap.host, table: ap.table }));
    const bounded = { ...base, port: agents.port, community: 'public', concurrency: 2 };

    let started = performance.now();
    const reports = await walkAll(targets, bounded);
    const boundedMs = performance.now() - started;
    expect(reports.map((r) => [r.apRawId, r.name, r.macs.length, r.error === undefined])).toEqual([
      ['1', 'Tower-AC', 2, true],
      ['2', 'Tower-LTU', 1, true],
      ['3', '', 0, true],
      ['4', '', 0, false],
      ['5', '', 0, false],
      ['6', '', 0, false],
      ['7', '', 0, false],
      ['8', '', 0, false],
    ]);
    expect(reports[3]?.error).toMatch(
      /no SNMP answer within 0\.8 s \(1 try; check the address, \[sonar_integration\]\.snmp_community/,
    );
    // Five silent APs, two at a time: at least three rounds of 0.8 s; all at once: one round.
    expect(boundedMs).toBeGreaterThanOrEqual(2350);

    started = performance.now();
    await walkAll(targets, { ...bounded, concurrency: 8 });
    expect(performance.now() - started).toBeLessThan(boundedMs - 800);
  });
});

describe('station MACs from SNMP values', () => {
  it.each([
    [Buffer.from([0x24, 0x5a, 0x4c, 0x11, 0x22, 0x33]), '24:5A:4C:11:22:33'],
    [Buffer.from('24:5a:4c:11:22:33'), '24:5A:4C:11:22:33'],
    [Buffer.from('245A4C112233'), '24:5A:4C:11:22:33'],
    [Buffer.from([1, 2, 3]), ''],
    [Buffer.from('station 1'), ''],
    [42, ''],
  ])('%o → %s', (value, expected) => {
    expect(macFromValue(value)).toBe(expected);
  });

  it('OIDs compare by sub-identifier, not as text', () => {
    expect(compareOids([1, 3, 6, 10], [1, 3, 6, 9])).toBeGreaterThan(0);
    expect(compareOids([1, 3, 6], [1, 3, 6, 1])).toBeLessThan(0);
    expect(compareOids([1, 3], [1, 3])).toBe(0);
  });
});
