// `pnpm demo`: run netzur-integration against the bundled demo data, served by the built-in mock
// server on 127.0.0.1, writing into ./demo-output/. No CRM account needed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { startMockServer } = await import(join(root, 'packages/core/dist/testing/index.js')).catch(() => {
  console.error('error: wispsync is not built yet\nhint: run pnpm install && pnpm build');
  process.exit(2);
});

const outputDir = join(root, 'demo-output');
mkdirSync(outputDir, { recursive: true });
const server = await startMockServer({ fixtureDir: join(root, 'test-data/netzur/demo') });
const configPath = join(outputDir, 'lqos.conf');
writeFileSync(
  configPath,
  [
    '# Written by `pnpm demo`: a LibreQoS-style config pointing at the local mock Netzur server.',
    `lqos_directory = ${JSON.stringify(outputDir)}`,
    '',
    '[queues]',
    'downlink_bandwidth_mbps = 10000',
    'uplink_bandwidth_mbps = 10000',
    '',
    '[uisp_integration]',
    'bandwidth_overhead_factor = 1.15',
    'commit_bandwidth_multiplier = 0.98',
    '',
    '[netzur_integration]',
    `api_url = "${server.url}/api/v1/libreqos/export"`,
    'api_key = "nz-test-key-0001"',
    '',
  ].join('\n'),
);

const tool = join(root, 'bin/netzur-integration');

/** The mock server lives in this process, so the tool must run asynchronously beside it. */
function run(args) {
  console.log(`\n$ netzur-integration ${args.join(' ')}`);
  return new Promise((resolvePromise) => {
    spawn(process.execPath, [tool, ...args], { stdio: 'inherit' }).on('close', (code) =>
      resolvePromise(code ?? 1),
    );
  });
}

let code = await run(['--config', configPath]);
if (code === 0) {
  const csv = readFileSync(join(outputDir, 'ShapedDevices.csv'), 'utf8').split('\n');
  console.log(`\n${outputDir}/ShapedDevices.csv, the first of ${csv.length - 2} rows:`);
  console.log(csv.slice(0, 6).join('\n'));
  // A second run against the same data: the dry run shows there is nothing to change.
  code = await run(['--config', configPath, '--dry-run']);
}
await server.close();
process.exit(code);
