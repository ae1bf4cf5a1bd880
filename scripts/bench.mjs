// `pnpm bench`: each tool against large synthetic data served by the local mock server.
// Prints wall time and the tool's own peak RSS (median of the runs). Targets from the issues are
// printed beside the figures; the exit code is 1 when a target is missed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench-output');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const { startMockServer } = await import(join(root, 'packages/core/dist/testing/index.js'));
const { generateNetzurExport } = await import(join(root, 'test-data/generators/netzur.mjs'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runTool(tool, args, env = {}) {
  const rssFile = join(work, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', join(root, 'scripts/bench-rss-hook.mjs'), tool, ...args],
      {
        env: { ...process.env, ...env, WISPSYNC_BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${tool} exited ${code}: ${stderr}`));
      resolvePromise({ seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024 });
    });
  });
}

async function measure(label, tool, args) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runTool(tool, args));
  const seconds = median(results.map((r) => r.seconds));
  const rssMb = median(results.map((r) => r.rssMb));
  return { label, seconds, rssMb };
}

function netzurScenario(customers, zones) {
  const dir = join(work, `netzur-${customers}`);
  mkdirSync(join(dir, 'out'), { recursive: true });
  if (!existsSync(join(dir, 'export.json'))) {
    writeFileSync(join(dir, 'export.json'), JSON.stringify(generateNetzurExport({ zones, customers })));
  }
  writeFileSync(
    join(dir, 'mock.json'),
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
  return dir;
}

async function benchNetzur() {
  const tool = join(root, 'bin/netzur-integration');
  const rows = [];
  for (const customers of [100_000, 200_000]) {
    const dir = netzurScenario(customers, 1000);
    const server = await startMockServer({ fixtureDir: dir });
    const config = join(dir, 'lqos.conf');
    writeFileSync(
      config,
      `lqos_directory = "${join(dir, 'out')}"\n[queues]\ndownlink_bandwidth_mbps = 100000\nuplink_bandwidth_mbps = 100000\n` +
        `[netzur_integration]\napi_url = "${server.url}/export"\napi_key = "bench"\n`,
    );
    rows.push(
      await measure(`netzur ${customers.toLocaleString('en-US')} customers / 1,000 zones`, tool, [
        '--config',
        config,
        '--quiet',
        '--force',
      ]),
    );
    await server.close();
  }
  const help = [];
  for (let i = 0; i < 9; i++) help.push((await runTool(tool, ['--help'])).seconds);
  const [r100, r200] = rows;
  return [
    { ...r100, target: '≤ 2 s, ≤ 400 MB', ok: r100.seconds <= 2 && r100.rssMb <= 400 },
    {
      ...r200,
      target: `≤ 2.2 × 100k time (${(r100.seconds * 2.2).toFixed(2)} s)`,
      ok: r200.seconds <= r100.seconds * 2.2,
    },
    {
      label: 'netzur --help (start-up)',
      seconds: median(help),
      rssMb: NaN,
      target: '≤ 0.3 s',
      ok: median(help) <= 0.3,
    },
  ];
}

mkdirSync(work, { recursive: true });
const results = await benchNetzur();
console.log(
  `\nwispsync benchmark (median of ${runs} runs; start-up: median of 9), node ${process.version}\n`,
);
console.log(`${'case'.padEnd(48)} ${'wall'.padStart(8)} ${'peak RSS'.padStart(10)}  target`);
for (const r of results) {
  const rss = Number.isNaN(r.rssMb) ? '' : `${r.rssMb.toFixed(0)} MB`;
  console.log(
    `${r.label.padEnd(48)} ${`${r.seconds.toFixed(2)} s`.padStart(8)} ${rss.padStart(10)}  ${r.target} ${r.ok ? 'ok' : 'MISSED'}`,
  );
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
