// Benchmark cases for `pnpm bench` (scripts/bench.mjs): 50,000 customers (about 75,000 devices)
// served by a local mock of the Preseem endpoint, plus start-up time.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CUSTOMERS = 50_000;

export async function bench({ root, dir, measure, startMockServer }) {
  const { generatePowercode } = await import(
    pathToFileURL(join(root, 'test-data/generators/powercode.mjs')).href
  );
  const caseDir = join(dir, String(CUSTOMERS));
  mkdirSync(join(caseDir, 'out'), { recursive: true });
  const files = {
    list_customers: join(caseDir, 'customers.json'),
    list_services: join(caseDir, 'services.json'),
  };
  if (!existsSync(files.list_customers)) {
    const data = generatePowercode({ customers: CUSTOMERS });
    writeFileSync(files.list_customers, JSON.stringify(data.customers));
    writeFileSync(files.list_services, JSON.stringify(data.services));
  }
  const bodies = {
    list_customers: readFileSync(files.list_customers, 'utf8'),
    list_services: readFileSync(files.list_services, 'utf8'),
  };
  const server = await startMockServer({
    routes: [
      {
        method: 'POST',
        path: '/api/preseem/index.php',
        handler: (request) => {
          const form = new URLSearchParams(request.body);
          if (form.get('apiKey') !== 'pc-bench-key') return { body: { message: 'Invalid API key' } };
          return {
            bodyText: bodies[form.get('action')] ?? '{}',
            headers: { 'content-type': 'application/json' },
          };
        },
      },
    ],
  });
  const config = join(caseDir, 'lqos.conf');
  writeFileSync(
    config,
    `lqos_directory = "${join(caseDir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
      `[powercode_integration]\npowercode_api_url = "${server.url}"\npowercode_api_key = "pc-bench-key"\n`,
  );
  const result = await measure(join(root, 'bin/powercode-integration'), [
    '--config',
    config,
    '--quiet',
    '--force',
  ]);
  await server.close();
  const help = await measure(join(root, 'bin/powercode-integration'), ['--help'], { times: 9 });
  return [
    {
      label: 'powercode: 50,000 customers',
      ...result,
      target: '≤ 3 s, ≤ 400 MB',
      ok: result.seconds <= 3 && result.rssMb <= 400,
    },
    {
      label: 'powercode: --help (start-up)',
      seconds: help.seconds,
      target: '≤ 0.3 s',
      ok: help.seconds <= 0.3,
    },
  ];
}
