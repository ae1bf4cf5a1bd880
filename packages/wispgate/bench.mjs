// Benchmark cases for `pnpm bench` (scripts/bench.mjs): 50,000 circuits (about 70,000 rows)
// served by the local mock, plus start-up time.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CIRCUITS = 50_000;

export async function bench({ root, dir, measure, startMockServer }) {
  const { generateWispgateRows } = await import(
    pathToFileURL(join(root, 'test-data/generators/wispgate.mjs')).href
  );
  const caseDir = join(dir, String(CIRCUITS));
  mkdirSync(join(caseDir, 'out'), { recursive: true });
  if (!existsSync(join(caseDir, 'shaped-devices.json'))) {
    writeFileSync(
      join(caseDir, 'shaped-devices.json'),
      JSON.stringify(generateWispgateRows({ circuits: CIRCUITS })),
    );
  }
  writeFileSync(
    join(caseDir, 'mock.json'),
    JSON.stringify({
      routes: [
        {
          method: 'POST',
          path: '/api/libreqos/shaped-devices',
          form: { api_token: 'wg-bench-token' },
          bodyFile: 'shaped-devices.json',
        },
      ],
    }),
  );
  const server = await startMockServer({ fixtureDir: caseDir });
  const config = join(caseDir, 'lqos.conf');
  writeFileSync(
    config,
    `lqos_directory = "${join(caseDir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
      `[wispgate_integration]\nwispgate_api_url = "${server.url}"\nwispgate_api_token = "wg-bench-token"\n`,
  );
  const bin = join(root, 'bin/wispgate-integration');
  const result = await measure(bin, ['--config', config, '--quiet', '--force']);
  await server.close();
  const help = await measure(bin, ['--help'], { times: 9 });
  return [
    {
      label: 'wispgate: 50,000 circuits',
      ...result,
      target: '≤ 3 s, ≤ 400 MB',
      ok: result.seconds <= 3 && result.rssMb <= 400,
    },
    {
      label: 'wispgate: --help (start-up)',
      seconds: help.seconds,
      target: '≤ 0.3 s',
      ok: help.seconds <= 0.3,
    },
  ];
}
