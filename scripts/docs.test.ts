// Keeps docs/ true: the generated config-key tables must match the schemas in the code.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { renderConfigKeys, spliceConfigKeys } from './config-docs.mjs';

const root = join(import.meta.dirname, '..');

describe('docs', () => {
  it('docs/configuration.md lists every config key with its current default (pnpm docs:config)', async () => {
    const page = await readFile(join(root, 'docs/configuration.md'), 'utf8');
    expect(page).toBe(spliceConfigKeys(page, await renderConfigKeys()));
  });

  it('every tool has a docs page linked from the README', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const packages = (await readdir(join(root, 'packages'))).filter((name) => name !== 'core');
    expect(packages.length).toBeGreaterThan(0);
    for (const name of packages) {
      // A page is named after the tool an operator types; only shaping-validate differs from its package.
      const page = name === 'validate' ? 'shaping-validate' : name;
      expect(readme).toContain(`docs/${page}.md`);
      await expect(readFile(join(root, `docs/${page}.md`), 'utf8')).resolves.toMatch(
        /## Differences from LibreQoS/,
      );
    }
  });
});
