/**
 * A run killed between the two renames must leave whole files: network.json new, ShapedDevices.csv
 * old, plus one fsynced temp file that cleanStaleTempFiles removes. The child runs the shipped
 * source, transpiled on the fly with the repo's TypeScript (no tsx/strip-types on Node 20).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanStaleTempFiles, tempFileName } from '../src/output/index.js';

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Transpile `entry` and every relative module it imports into `outRoot`, keeping the layout. */
async function transpileTree(entry: string, outRoot: string): Promise<string> {
  const todo = [entry];
  const done = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (done.has(file)) continue;
    done.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/from '(\.\.?\/[^']+)\.js'/g)) {
      todo.push(resolve(dirname(file), `${match[1]}.ts`));
    }
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const out = join(outRoot, relative(srcRoot, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
  return join(outRoot, relative(srcRoot, entry)).replace(/\.ts$/, '.js');
}

let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'wispsync-kill-'));
  const module = await transpileTree(join(srcRoot, 'output/atomic-write.ts'), join(work, 'build'));
  child = join(work, 'child.mjs');
  await writeFile(
    child,
    `import { readFileSync } from 'node:fs';
import { writeFilesAtomically } from ${JSON.stringify(module)};
const [dir, net, csv] = process.argv.slice(2);
await writeFilesAtomically(dir, [
  { name: 'network.json', content: readFileSync(net, 'utf8') },
  { name: 'ShapedDevices.csv', content: readFileSync(csv, 'utf8') },
]);
`,
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function big(label: string, lines: number): string {
  const rows: string[] = [];
  for (let i = 0; i < lines; i++) rows.push(`${label},${i},100.64.${(i >> 8) & 255}.${i & 255}`);
  return `${rows.join('\n')}\n`;
}

describe('kill between renames (WISPSYNC_TEST_FAULT)', () => {
  it('leaves network.json new and ShapedDevices.csv old, both whole', async () => {
    const dir = join(work, 'out');
    await mkdir(dir);
    const oldNet = big('old-net', 20_000);
    const oldCsv = big('old-csv', 20_000);
    const newNet = big('new-net', 30_000);
    const newCsv = big('new-csv', 30_000);
    await writeFile(join(dir, 'network.json'), oldNet);
    await writeFile(join(dir, 'ShapedDevices.csv'), oldCsv);
    await writeFile(join(work, 'net.in'), newNet);
    await writeFile(join(work, 'csv.in'), newCsv);

    const run = spawnSync(process.execPath, [child, dir, join(work, 'net.in'), join(work, 'csv.in')], {
      env: { ...process.env, WISPSYNC_TEST_FAULT: 'kill-between-renames' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.stderr).toBe('');
    expect(run.signal).toBe('SIGKILL');

    const leftover = tempFileName('ShapedDevices.csv', run.pid);
    expect(await readFile(join(dir, 'network.json'), 'utf8')).toBe(newNet);
    expect(await readFile(join(dir, 'ShapedDevices.csv'), 'utf8')).toBe(oldCsv);
    expect(await readFile(join(dir, 'network.json.bak'), 'utf8')).toBe(oldNet);
    expect(await readFile(join(dir, 'ShapedDevices.csv.bak'), 'utf8')).toBe(oldCsv);
    expect(await readFile(join(dir, leftover), 'utf8')).toBe(newCsv);

    expect(await cleanStaleTempFiles(dir)).toEqual([join(dir, leftover)]);
    expect((await readdir(dir)).sort()).toEqual(
      ['ShapedDevices.csv', 'ShapedDevices.csv.bak', 'network.json', 'network.json.bak'].sort(),
    );
  });

  it('runs to the end without the fault', async () => {
    const dir = join(work, 'clean');
    await mkdir(dir);
    await writeFile(join(work, 'n.in'), 'net');
    await writeFile(join(work, 'c.in'), 'csv');
    const run = spawnSync(process.execPath, [child, dir, join(work, 'n.in'), join(work, 'c.in')], {
      env: { ...process.env, WISPSYNC_TEST_FAULT: '' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['ShapedDevices.csv', 'network.json']);
  });
});
