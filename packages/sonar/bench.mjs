// Benchmark cases for `pnpm bench` (scripts/bench.mjs): 50,000 accounts in 500 GraphQL pages from
// the local mock, 1,000 access points answering SNMP from real net-snmp agents on 127.1.x.y, plus
// start-up time. The mock server and the agents run in this (the bench) process; only the tool's
// own process is measured for memory, and its wall time includes waiting for them. The mock
// serves cached answers (filled by an untimed first run), so its own work stays out of the figure.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function bench({ root, dir, measure, startMockServer }) {
  const load = (file) => import(pathToFileURL(join(root, 'test-data/generators', file)).href);
  const [{ generateSonar }, { sonarRoute }, { startApAgents }] = await Promise.all([
    load('sonar.mjs'),
    load('sonar-mock.mjs'),
    load('sonar-snmp.mjs'),
  ]);
  const bin = join(root, 'bin/sonar-integration');
  const { db, agents: aps } = generateSonar({ sites: 100, aps: 1000, accounts: 50_000 });
  const server = await startMockServer({ routes: [sonarRoute(db, { apiKey: 'bench-key', cache: true })] });
  const agents = await startApAgents(aps, { community: 'bench-community' });
  const rows = [];
  try {
    mkdirSync(join(dir, 'out'), { recursive: true });
    const config = join(dir, 'lqos.conf');
    writeFileSync(
      config,
      `lqos_directory = "${join(dir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
        `[sonar_integration]\nsonar_api_url = "${server.url}"\nsonar_api_key = "bench-key"\n` +
        `snmp_community = "bench-community"\nsnmp_port = ${agents.port}\nairmax_model_ids = ["10"]\nltu_model_ids = ["20"]\n` +
        'recurring_service_rates = [{ enabled = true, service_name = "1 Gig Bulk", download_mbps = 1000, upload_mbps = 1000 }]\n',
    );
    // One untimed run fills the mock's answer cache: what is measured is the tool, not the mock.
    await measure(bin, ['--config', config, '--quiet', '--force'], { times: 1 });
    const result = await measure(bin, ['--config', config, '--quiet', '--force']);
    rows.push({
      label: 'sonar: 50,000 accounts / 500 pages / 1,000 SNMP APs',
      ...result,
      target: '≤ 10 s, ≤ 600 MB',
      ok: result.seconds <= 10 && result.rssMb <= 600,
    });
  } finally {
    await server.close();
    await agents.close();
  }
  const help = await measure(bin, ['--help'], { times: 9 });
  rows.push({
    label: 'sonar: --help (start-up)',
    seconds: help.seconds,
    target: '≤ 0.3 s',
    ok: help.seconds <= 0.3,
  });
  return rows;
}
