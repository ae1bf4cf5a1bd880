// Benchmark cases for `pnpm bench` (scripts/bench.mjs): 100,000 and 200,000 customers in 1,000
// zones served by the local mock, plus start-up time.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function bench({ root, dir, measure, startMockServer }) {
  const { generateNetzurExport } = await import(
    pathToFileURL(join(root, 'test-data/generators/netzur.mjs')).href
  );
  const bin = join(root, 'bin/netzur-integration');
  const results = {};
  for (const customers of [100_000, 200_000]) {
    const caseDir = join(dir, String(customers));
    mkdirSync(join(caseDir, 'out'), { recursive: true });
    if (!existsSync(join(caseDir, 'export.json'))) {
      writeFileSync(
        join(caseDir, 'export.json'),
        JSON.stringify(generateNetzurExport({ zones: 1000, customers })),
      );
    }
    writeFileSync(
      join(caseDir, 'mock.json'),
      JSON.stringify({
        routes: [
          {
            method: 'GET',
            path: '/export',
            auth: { header: 'authorization', value: 'Bearer bench' },
            bodyFile: 'export.json',
          },
        ],
      }),
    );
    const server = await startMockServer({ fixtureDir: caseDir });
    const config = join(caseDir, 'lqos.conf');
    writeFileSync(
      config,
      `lqos_directory = "${join(caseDir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
        `[netzur_integration]\napi_url = "${server.url}/export"\napi_key = "bench"\n`,
    );
    results[customers] = await measure(bin, ['--config', config, '--quiet', '--force']);
    await server.close();
  }
  const help = await measure(bin, ['--help'], { times: 9 });
  const r100 = results[100_000];
  const r200 = results[200_000];
  return [
    {
      label: 'netzur: 100,000 customers / 1,000 zones',
      ...r100,
      target: '≤ 2 s, ≤ 400 MB',
      ok: r100.seconds <= 2 && r100.rssMb <= 400,
    },
    {
      label: 'netzur: 200,000 customers / 1,000 zones',
      ...r200,
      target: `≤ 2.2 × the 100k time (${(2.2 * r100.seconds).toFixed(2)} s)`,
      ok: r200.seconds <= 2.2 * r100.seconds,
    },
    { label: 'netzur: --help (start-up)', seconds: help.seconds, target: '≤ 0.3 s', ok: help.seconds <= 0.3 },
  ];
}
