// Benchmark cases for `pnpm bench` (scripts/bench.mjs): 100,000 and 200,000 internet services
// under 2,000 APs and 100 sites, strategy `full`, served by the local mock in 10,000-record pages;
// the mapper alone in-process (what this package adds to core's work); start-up time.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const API = '/api/2.0/';
const PATHS = {
  'tariffs.json': 'admin/tariffs/internet',
  'customers.json': 'admin/customers/customer',
  'customers-online.json': 'admin/customers/customers-online',
  'routers.json': 'admin/networking/routers',
  'routers-sectors.json': 'admin/networking/routers-sectors',
  'internet-services.json': 'admin/customers/customer/0/internet-services',
  'monitoring.json': 'admin/networking/monitoring',
  'network-sites.json': 'admin/networking/network-sites',
};

/** Splynx-like list routes: Basic auth, main_attributes filters, limit/offset pages. */
function routes(dir, authorization) {
  return Object.entries(PATHS).map(([file, path]) => {
    const items = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const filtered = new Map();
    return {
      method: 'GET',
      path: `${API}${path}`,
      handler: (request) => {
        if (request.headers.authorization !== authorization) {
          return { status: 401, body: { error: { message: 'Unauthorized', code: 401 } } };
        }
        const filters = Object.entries(request.query).filter(([name]) => name.startsWith('main_attributes['));
        const key = JSON.stringify(filters);
        let rows = filtered.get(key);
        if (rows === undefined) {
          rows = items;
          for (const [name, value] of filters) {
            const field = name.slice('main_attributes['.length, -1);
            rows = rows.filter((row) => String(row[field] ?? '') === value);
          }
          filtered.set(key, rows);
        }
        const offset = Number(request.query.offset ?? 0);
        const limit = request.query.limit === undefined ? rows.length : Number(request.query.limit);
        return { body: rows.slice(offset, offset + limit) };
      },
    };
  });
}

export async function bench({ root, dir, measure, startMockServer }) {
  const { generateSplynx, SPLYNX_FILES } = await import(
    pathToFileURL(join(root, 'test-data/generators/splynx.mjs')).href
  );
  const bin = join(root, 'bin/splynx-integration');
  const authorization = `Basic ${Buffer.from('bench-key:bench-secret').toString('base64')}`;
  const results = {};
  for (const services of [100_000, 200_000]) {
    const caseDir = join(dir, String(services));
    mkdirSync(join(caseDir, 'out'), { recursive: true });
    if (!existsSync(join(caseDir, 'internet-services.json'))) {
      const data = generateSplynx({ services, aps: 2000, sites: 100 });
      for (const [file, list] of Object.entries(SPLYNX_FILES)) {
        writeFileSync(join(caseDir, file), JSON.stringify(data[list]));
      }
    }
    const server = await startMockServer({ routes: routes(caseDir, authorization) });
    const config = join(caseDir, 'lqos.conf');
    writeFileSync(
      config,
      `lqos_directory = "${join(caseDir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
        `[splynx_integration]\nurl = "${server.url}"\napi_key = "bench-key"\napi_secret = "bench-secret"\nstrategy = "full"\n`,
    );
    results[services] = await measure(bin, ['--config', config, '--quiet', '--force']);
    await server.close();
  }
  const mapOnly = await mapStep(root, join(dir, '100000'));
  const help = await measure(bin, ['--help'], { times: 9 });
  const r100 = results[100_000];
  const r200 = results[200_000];
  return [
    {
      label: 'splynx: 100,000 services / 2,000 APs / 100 sites, full',
      ...r100,
      target: '≤ 4 s, ≤ 500 MB',
      ok: r100.seconds <= 4 && r100.rssMb <= 500,
    },
    {
      label: 'splynx: 200,000 services / 2,000 APs / 100 sites, full',
      ...r200,
      target: `≤ 2.2 × the 100k time (${(2.2 * r100.seconds).toFixed(2)} s)`,
      ok: r200.seconds <= 2.2 * r100.seconds,
    },
    {
      label: 'splynx: map step alone, 100,000 services',
      seconds: mapOnly.seconds,
      rssMb: mapOnly.heapMb,
      // Informational: this package's own share of the run (the MB column is the heap it adds).
      target: 'informational (map step, in-process; MB = heap added)',
      ok: true,
    },
    { label: 'splynx: --help (start-up)', seconds: help.seconds, target: '≤ 0.3 s', ok: help.seconds <= 0.3 },
  ];
}

/** mapSplynx in this process on the 100k data: this package's own share of a run (median of 3). */
async function mapStep(root, caseDir) {
  const { mapSplynx } = await import(pathToFileURL(join(root, 'packages/splynx/dist/index.js')).href);
  const read = (file) => JSON.parse(readFileSync(join(caseDir, file), 'utf8'));
  const raw = {
    tariffs: read('tariffs.json'),
    customers: read('customers.json'),
    online: read('customers-online.json'),
    services: read('internet-services.json').filter((s) => s.status === 'active'),
    sectors: read('routers-sectors.json'),
    monitoring: read('monitoring.json'),
    networkSites: read('network-sites.json'),
    hierarchy: true,
  };
  const context = {
    config: {},
    common: { excludeSites: [] },
    strategy: 'full',
    outputDir: join(caseDir, 'out'),
    warn: () => {},
    skip: () => {},
  };
  const times = [];
  let heapMb = 0;
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const inventory = await mapSplynx(raw, context);
    times.push((performance.now() - started) / 1000);
    heapMb = Math.max(heapMb, (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
    if (inventory.circuits.length === 0) throw new Error('splynx bench: the mapper produced no circuits');
  }
  times.sort((a, b) => a - b);
  return { seconds: times[1], heapMb };
}
