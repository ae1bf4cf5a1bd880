// Benchmark cases for `pnpm bench` (scripts/bench.mjs): shaping-validate on a 200,000-row
// ShapedDevices.csv with a 5,000-node network.json, plus start-up time.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function bench({ root, dir, measure }) {
  const { generateNetwork, generateShapedDevices } = await import(
    pathToFileURL(join(root, 'test-data/validate/generate.mjs')).href
  );
  const bin = join(root, 'bin/shaping-validate');
  const caseDir = join(dir, '200000');
  mkdirSync(caseDir, { recursive: true });
  if (!existsSync(join(caseDir, 'ShapedDevices.csv'))) {
    const network = generateNetwork({ sites: 50, apsPerSite: 99 });
    writeFileSync(join(caseDir, 'network.json'), network.text);
    writeFileSync(
      join(caseDir, 'ShapedDevices.csv'),
      generateShapedDevices({ rows: 200_000, aps: network.aps }),
    );
  }
  const big = await measure(bin, ['--dir', caseDir, '--target', '2.2']);
  const help = await measure(bin, ['--help'], { times: 9 });
  return [
    {
      label: 'validate: 200,000 rows / 5,000 nodes',
      ...big,
      target: '≤ 3 s, ≤ 500 MB',
      ok: big.seconds <= 3 && big.rssMb <= 500,
    },
    {
      label: 'validate: --help (start-up)',
      seconds: help.seconds,
      target: '≤ 0.3 s',
      ok: help.seconds <= 0.3,
    },
  ];
}
