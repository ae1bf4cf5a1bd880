// Benchmark cases for `pnpm bench` (scripts/bench.mjs): 50,000 subscribers with their services in
// the wireless bulk answer (100 sites × 10 APs, one CPE assembly each), served by the local VISP
// mock: 100 subscriber pages, one 50,000-row assembly answer, the bulk answer. Plus start-up time.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CREDENTIALS = {
  clientId: 'bench-client',
  clientSecret: 'bench-secret',
  username: 'bench',
  password: 'bench-pass',
};

export async function bench({ root, dir, measure, startMockServer }) {
  const generators = join(root, 'test-data/generators');
  const { generateVisp } = await import(pathToFileURL(join(generators, 'visp.mjs')).href);
  const { vispMock } = await import(pathToFileURL(join(generators, 'visp-mock.mjs')).href);
  const bin = join(root, 'bin/visp-integration');
  const subscribers = 50_000;
  const caseDir = join(dir, String(subscribers));
  mkdirSync(join(caseDir, 'out'), { recursive: true });
  if (!existsSync(join(caseDir, 'bulk.json'))) {
    for (const [file, value] of Object.entries(generateVisp({ subscribers, sites: 100, apsPerSite: 10 }))) {
      writeFileSync(join(caseDir, file), JSON.stringify(value));
    }
  }
  const mock = await vispMock({ dir: caseDir, credentials: CREDENTIALS });
  const server = await startMockServer({ routes: mock.routes });
  const config = join(caseDir, 'lqos.conf');
  writeFileSync(
    config,
    [
      `lqos_directory = "${join(caseDir, 'out')}"`,
      `state_directory = "${join(caseDir, 'state')}"`,
      '[queues]',
      'downlink_bandwidth_mbps = 100000',
      'uplink_bandwidth_mbps = 100000',
      '[visp_integration]',
      `client_id = "${CREDENTIALS.clientId}"`,
      `client_secret = "${CREDENTIALS.clientSecret}"`,
      `username = "${CREDENTIALS.username}"`,
      `password = "${CREDENTIALS.password}"`,
      `token_url = "${server.url}/token"`,
      `graphql_url = "${server.url}/graphql"`,
      '',
    ].join('\n'),
  );
  // Every run asks for a token, as a first run on a new host does.
  rmSync(join(caseDir, 'state'), { recursive: true, force: true });
  const result = await measure(bin, ['--config', config, '--quiet', '--force']);
  await server.close();
  const help = await measure(bin, ['--help'], { times: 9 });
  return [
    {
      label: 'visp: 50,000 subscribers, bulk services',
      ...result,
      target: '≤ 6 s, ≤ 500 MB',
      ok: result.seconds <= 6 && result.rssMb <= 500,
    },
    { label: 'visp: --help (start-up)', seconds: help.seconds, target: '≤ 0.3 s', ok: help.seconds <= 0.3 },
  ];
}
