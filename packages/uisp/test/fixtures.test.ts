import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fixtureDir, ROOT } from './harness.js';
import { strictDataLink, strictDevice, strictSite } from './strict-schemas.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const schemas = {
  'sites.json': ajv.compile({ type: 'array', items: strictSite }),
  'devices.json': ajv.compile({ type: 'array', items: strictDevice }),
  'data-links.json': ajv.compile({ type: 'array', items: strictDataLink }),
};

async function scenarios(): Promise<string[]> {
  const entries = await readdir(join(ROOT, 'test-data/uisp'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

describe('UISP mock fixtures', () => {
  it('every scenario answers like a real UISP (LibreQoS’s serde strictness, §2.4/§2.5), except bad-records', async () => {
    const names = await scenarios();
    expect(names).toEqual(expect.arrayContaining(['network', 'worked-example', 'routes', 'bad-records']));
    for (const name of names) {
      for (const [file, validate] of Object.entries(schemas)) {
        const body = JSON.parse(await readFile(join(fixtureDir(name), file), 'utf8'));
        const ok = validate(body);
        if (name === 'bad-records') {
          // Records LibreQoS chokes on (the whole answer fails there; we skip just them).
          expect(ok, `${name}/${file}`).toBe(false);
        } else {
          expect(ok, `${name}/${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      }
    }
  });

  it('every scenario’s mock checks X-Auth-Token and asks devices for their interfaces', async () => {
    for (const name of await scenarios()) {
      const mock = JSON.parse(await readFile(join(fixtureDir(name), 'mock.json'), 'utf8'));
      const byPath = new Map(mock.routes.map((r: { path: string }) => [r.path, r]));
      expect([...byPath.keys()].sort()).toEqual([
        '/nms/api/v2.1/data-links',
        '/nms/api/v2.1/devices',
        '/nms/api/v2.1/sites',
      ]);
      for (const route of mock.routes) expect(route.auth.header).toBe('x-auth-token');
      expect((byPath.get('/nms/api/v2.1/devices') as { query: unknown }).query).toEqual({
        withInterfaces: 'true',
      });
    }
  });
});
