// `pnpm bench [tool…]`: each tool against large synthetic data served by the local mock server.
// Every package with a `bench.mjs` contributes cases; each case prints wall time and the tool's
// own peak RSS (median of the runs) beside its target. Exit code 1 when a target is missed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench-output');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);
const { startMockServer } = await import(
  pathToFileURL(join(root, 'packages/core/dist/testing/index.js')).href
);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One run of a tool's bin in a child process: wall seconds and the child's own peak RSS (MB). */
function runOnce(bin, args, env = {}) {
  const rssFile = join(work, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', join(root, 'scripts/bench-rss-hook.mjs'), bin, ...args],
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
      if (code !== 0) return reject(new Error(`${bin} exited ${code}: ${stderr}`));
      resolvePromise({ seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024 });
    });
  });
}

/** Median wall time and peak RSS over `times` runs (default BENCH_RUNS). */
async function measure(bin, args, { env = {}, times = runs } = {}) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await runOnce(bin, args, env));
  return { seconds: median(results.map((r) => r.seconds)), rssMb: median(results.map((r) => r.rssMb)) };
}

mkdirSync(work, { recursive: true });
const rows = [];
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const file = join(root, 'packages', pkg, 'bench.mjs');
  if (!existsSync(file) || (only.length > 0 && !only.includes(pkg))) continue;
  const { bench } = await import(pathToFileURL(file).href);
  const dir = join(work, pkg);
  mkdirSync(dir, { recursive: true });
  rows.push(...(await bench({ root, dir, measure, startMockServer })));
}

console.log(`\nwispsync benchmark — median of ${runs} runs, node ${process.version}, ${process.platform}\n`);
console.log(`${'case'.padEnd(56)} ${'wall'.padStart(8)} ${'peak RSS'.padStart(9)}  target`);
for (const r of rows) {
  const rss = r.rssMb === undefined ? '' : `${r.rssMb.toFixed(0)} MB`;
  console.log(
    `${r.label.padEnd(56)} ${`${r.seconds.toFixed(2)} s`.padStart(8)} ${rss.padStart(9)}  ${r.target} ${r.ok ? 'ok' : 'MISSED'}`,
  );
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
