import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFiles, validateFiles } from '../src/index.js';
import { caseInputs, corpusCases, describeCase } from './harness.js';

const update = process.env.UPDATE_GOLDEN === '1';
const cases = corpusCases();
const runs = cases.flatMap((c) =>
  c.targets.map((target) => ({ c, target, label: `${c.name} on ${target}` })),
);

describe('the corpus: one broken file per rule (test-data/validate/corpus)', () => {
  it('covers every rule at least once', () => {
    const rules = new Set<string>();
    for (const { c, target } of runs) {
      for (const f of validateFiles({ ...caseInputs(c.dir), target }).findings) rules.add(f.rule);
    }
    expect([...rules].sort()).toEqual(
      [
        'anchor-id',
        'bandwidth',
        'bandwidth-above-parent',
        'blank-line',
        'capacity',
        'circuit-consistency',
        'circuit-id',
        'column-count',
        'comment-row',
        'csv-syntax',
        'depth',
        'device-id',
        'duplicate-node-id',
        'duplicate-node-name',
        'encoding',
        'header',
        'header-columns',
        'ip-duplicate',
        'ip-family',
        'ip-host-bits',
        'ip-invalid',
        'ip-overlap',
        'json-shape',
        'json-syntax',
        'min-max',
        'name-field',
        'no-ip',
        'node-duplicate-key',
        'node-name',
        'object-key',
        'parent-id',
        'parent-missing',
        'position',
        'rate-floor',
        'rate-number',
        'required-text',
        'reserved-name',
        'sqm',
        'whitespace',
      ].sort(),
    );
  });

  it.each(runs)(
    '$label: the report lines, the exit code and the fixes match expected-<target>.txt',
    async ({ c, target }) => {
      const actual = await describeCase(c, target);
      const path = join(c.dir, `expected-${target}.txt`);
      if (update) writeFileSync(path, actual);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    },
  );

  it.each(runs.filter((r) => r.c.fixable))(
    '$label: the fixed copy passes validation when read back from disk',
    async ({ c, target }) => {
      const result = validateFiles({ ...caseInputs(c.dir), target });
      const dir = await mkdtemp(join(tmpdir(), 'wispsync-fixed-'));
      const fixed = await fixFiles(result, dir);
      const again = validateFiles({ ...caseInputs(dir), target });
      expect(again.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // Only what is listed changes: with no change listed, the files come back byte for byte.
      if (fixed.changes.length === 0) {
        for (const written of fixed.written) {
          const name = written.slice(dir.length + 1);
          expect(await readFile(written, 'utf8')).toBe(await readFile(join(c.dir, name), 'utf8'));
        }
      }
      if (result.errors > 0) expect(fixed.changes.length).toBeGreaterThan(0);
    },
  );

  it.each(runs.filter((r) => !r.c.fixable))(
    '$label: --fix refuses a file it cannot repair',
    async ({ c, target }) => {
      const result = validateFiles({ ...caseInputs(c.dir), target });
      const dir = await mkdtemp(join(tmpdir(), 'wispsync-fixed-'));
      await expect(fixFiles(result, dir)).rejects.toMatchObject({
        kind: 'validation',
        message: /^cannot fix: /,
      });
    },
  );
});
