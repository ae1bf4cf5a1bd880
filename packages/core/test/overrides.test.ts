import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../src/model/index.js';
import {
  applyBandwidthOverrides,
  parseBandwidthOverrides,
  readBandwidthOverrides,
} from '../src/overrides/index.js';

const inventory = (): Inventory => ({
  source: 'test',
  nodes: [
    { kind: 'site', id: 's1', name: 'Tower 1', parentId: null, downloadMbps: 1000, uploadMbps: 1000 },
    { kind: 'ap', id: 'a1', name: 'AP One', parentId: 's1' },
  ],
  circuits: [],
});

describe('bandwidth overrides', () => {
  it('parses the header, rows, comments and blank lines', () => {
    const text =
      'ParentNode,Download Mbps,Upload Mbps\n"Tower 1",500,250\n\n# spare,1,1\nAP One, 80.5 , 20\n';
    expect(parseBandwidthOverrides(text, 'x.csv')).toEqual([
      { name: 'Tower 1', downloadMbps: 500, uploadMbps: 250, line: 2 },
      { name: 'AP One', downloadMbps: 80.5, uploadMbps: 20, line: 5 },
    ]);
  });

  it.each([
    ['Header,Down,Up\nTower 1,fast,10', 'x.csv line 2: expected'],
    ['Header,Down,Up\nTower 1,100', 'x.csv line 2: expected'],
    ['Header,Down,Up\nTower 1,0,10', 'x.csv line 2: expected'],
  ])('rejects a malformed row %j naming its line', (text, message) => {
    expect(() => parseBandwidthOverrides(text, 'x.csv')).toThrow(message);
  });

  it('applies by exact then case-insensitive name and returns the unmatched ones', () => {
    const inv = inventory();
    const unmatched = applyBandwidthOverrides(inv, [
      { name: 'tower 1', downloadMbps: 300, uploadMbps: 200, line: 2 },
      { name: 'AP One', downloadMbps: 50, uploadMbps: 25, line: 3 },
      { name: 'Gone', downloadMbps: 5, uploadMbps: 5, line: 4 },
    ]);
    expect(inv.nodes.map((n) => [n.name, n.downloadMbps, n.uploadMbps])).toEqual([
      ['Tower 1', 300, 200],
      ['AP One', 50, 25],
    ]);
    expect(unmatched.map((o) => o.name)).toEqual(['Gone']);
  });

  it('treats a missing file as no overrides', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-overrides-'));
    expect(await readBandwidthOverrides(join(dir, 'none.csv'))).toEqual([]);
    await writeFile(join(dir, 'o.csv'), 'ParentNode,Download Mbps,Upload Mbps\nAP One,10,5\n');
    expect(await readBandwidthOverrides(join(dir, 'o.csv'))).toHaveLength(1);
  });
});
