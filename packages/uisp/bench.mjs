// Benchmark cases for `pnpm bench` (scripts/bench.mjs): a synthetic UISP with 2,000 tower sites,
// 5,000 APs and 100,000 / 200,000 client sites served by the local mock, strategy full; the same
// network with strategy flat (to tell the routing apart from the rest); start-up time.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TOKEN = 'bench-token';

export async function bench({ root, dir, measure, startMockServer }) {
  const { writeUispNetwork } = await import(pathToFileURL(join(root, 'test-data/generators/uisp.mjs')).href);
  const bin = join(root, 'bin/uisp-integration');
  const results = {};
  for (const clients of [100_000, 200_000]) {
    const caseDir = join(dir, String(clients));
    mkdirSync(join(caseDir, 'out'), { recursive: true });
    if (!existsSync(join(caseDir, 'data-links.json'))) {
      writeUispNetwork(caseDir, { towers: 2000, aps: 5000, clients });
    }
    const route = (path, file, query) => ({
      method: 'GET',
      path: `/nms/api/v2.1/${path}`,
      ...(query ? { query } : {}),
      auth: { header: 'x-auth-token', value: TOKEN },
      bodyFile: file,
    });
    writeFileSync(
      join(caseDir, 'mock.json'),
      JSON.stringify({
        routes: [
          route('sites', 'sites.json'),
          route('devices', 'devices.json', { withInterfaces: 'true' }),
          route('data-links', 'data-links.json'),
        ],
      }),
    );
    const server = await startMockServer({ fixtureDir: caseDir });
    const config = join(caseDir, 'lqos.conf');
    writeFileSync(
      config,
      `lqos_directory = "${join(caseDir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
        `[uisp_integration]\nurl = "${server.url}"\ntoken = "${TOKEN}"\nsite = "Core"\nstrategy = "full"\n` +
        'suspended_strategy = "slow"\nairmax_capacity = 0.65\nltu_capacity = 0.9\nbandwidth_overhead_factor = 1.15\n',
    );
    results[clients] = await measure(bin, ['--config', config, '--quiet', '--force']);
    if (clients === 100_000) {
      results.flat = await measure(bin, ['--config', config, '--quiet', '--force', '--strategy', 'flat']);
    }
    await server.close();
  }
  const help = await measure(bin, ['--help'], { times: 9 });
  const r100 = results[100_000];
  const r200 = results[200_000];
  return [
    {
      label: 'uisp: 100,000 clients / 2,000 towers / 5,000 APs, full',
      ...r100,
      target: '≤ 6 s, ≤ 800 MB',
      ok: r100.seconds <= 6 && r100.rssMb <= 800,
    },
    {
      label: 'uisp: the same, flat (no routing)',
      ...results.flat,
      target: 'reference',
      ok: true,
    },
    {
      label: 'uisp: 200,000 clients, full',
      ...r200,
      target: `≤ 2.2 × the 100k time (${(2.2 * r100.seconds).toFixed(2)} s)`,
      ok: r200.seconds <= 2.2 * r100.seconds,
    },
    { label: 'uisp: --help (start-up)', seconds: help.seconds, target: '≤ 0.3 s', ok: help.seconds <= 0.3 },
  ];
}
