// Benchmark cases for `pnpm bench` (scripts/bench.mjs): two routers with 20,000 PPP sessions
// each, served over the binary API by core's RouterOS mock in this process, plus start-up time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function bench({ root, dir, measure }) {
  const { generateRouterMenus } = await import(
    pathToFileURL(join(root, 'test-data/generators/mikrotik.mjs')).href
  );
  const { startRouterOsApiServer } = await import(
    pathToFileURL(join(root, 'packages/core/dist/testing/index.js')).href
  );
  const bin = join(root, 'bin/mikrotik-integration');
  const caseDir = join(dir, '2x20000');
  mkdirSync(join(caseDir, 'out'), { recursive: true });
  const servers = [];
  for (const router of [0, 1]) {
    servers.push(
      await startRouterOsApiServer({
        users: { bench: 'bench-pass' },
        menus: generateRouterMenus({ router, sessions: 20_000 }),
      }),
    );
  }
  const routers = join(caseDir, 'routers.toml');
  writeFileSync(
    routers,
    servers
      .map(
        (server, i) =>
          `[[router]]\nname = "bras-${i + 1}"\nhost = "${server.host}"\nport = ${server.port}\nusername = "bench"\npassword = "bench-pass"\ntransport = "api"\n`,
      )
      .join('\n'),
  );
  const config = join(caseDir, 'lqos.conf');
  writeFileSync(
    config,
    `lqos_directory = "${join(caseDir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
      `[mikrotik_integration]\nrouters_file = "${routers}"\nplan_nodes = true\ntimeout_secs = 30\n`,
  );
  let result;
  try {
    result = await measure(bin, ['--config', config, '--quiet', '--force']);
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
  const help = await measure(bin, ['--help'], { times: 9 });
  return [
    {
      label: 'mikrotik: 2 routers × 20,000 PPP sessions (API)',
      ...result,
      target: '≤ 5 s, ≤ 400 MB',
      ok: result.seconds <= 5 && result.rssMb <= 400,
    },
    {
      label: 'mikrotik: --help (start-up)',
      seconds: help.seconds,
      target: '≤ 0.3 s',
      ok: help.seconds <= 0.3,
    },
  ];
}
