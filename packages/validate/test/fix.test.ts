import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectIp, type LibreQosVersion } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { clearHostBits, fixIpItem } from '../src/fix-ips.js';
import { type FixRow, fixRates } from '../src/fix-rows.js';
import { type Change, fixFiles, formatChange, validateFiles } from '../src/index.js';

const HEADER =
  'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment';
const NETWORK = '{"AP 1": {"downloadBandwidthMbps": 100, "uploadBandwidthMbps": 100}}\n';

function input(csv: string | undefined, network: string | undefined = NETWORK) {
  return {
    shapedDevices: csv === undefined ? undefined : { path: '/in/ShapedDevices.csv', bytes: Buffer.from(csv) },
    network: network === undefined ? undefined : { path: '/in/network.json', bytes: Buffer.from(network) },
  };
}

/** Fix into a fresh directory; the texts written and the change lines. */
async function fix(csv: string | undefined, network?: string, target: LibreQosVersion = '2.2') {
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-fix-unit-'));
  const fixed = await fixFiles(validateFiles({ ...input(csv, network), target }), dir);
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => undefined);
  return {
    csv: await read('ShapedDevices.csv'),
    network: await read('network.json'),
    changes: fixed.changes.map((c: Change) => formatChange(c)),
    errors: fixed.result.errors,
  };
}

function rateRow(rates: [string, string, string, string]): FixRow {
  const [downloadMin, uploadMin, downloadMax, uploadMax] = rates;
  return {
    line: 2,
    cells: [],
    circuitId: 'c',
    circuitName: 'C',
    deviceId: 'd',
    deviceName: 'D',
    parentNode: '',
    parentNodeId: '',
    anchorNodeId: '',
    mac: '',
    comment: '',
    sqm: '',
    rates: { downloadMin, uploadMin, downloadMax, uploadMax },
    ipv4: [],
    ipv6: [],
  };
}

describe('fix helpers', () => {
  it.each([
    ['100.64.0.5/24', '100.64.0.0/24'],
    ['100.64.1.21/29', '100.64.1.16/29'],
    ['10.1.2.3/0', '0.0.0.0/0'],
    ['2001:db8:20::1/56', '2001:db8:20::/56'],
    ['2001:db8:abcd:12ff::1/60', '2001:db8:abcd:12f0::/60'],
  ])('clearHostBits(%s) = %s', (text, expected) => {
    const parsed = inspectIp(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(clearHostBits(parsed.info)).toBe(expected);
  });

  it('fixIpItem keeps, clears, moves, or gives up', () => {
    expect(fixIpItem('100.64.0.0/24', 4)).toEqual({ kind: 'keep', text: '100.64.0.0/24', family: 4 });
    expect(fixIpItem('100.64.0.9/30', 4)).toEqual({ kind: 'cleared', text: '100.64.0.8/30', family: 4 });
    expect(fixIpItem('2001:db8::1', 4)).toEqual({ kind: 'moved', text: '2001:db8::1', family: 6 });
    expect(fixIpItem('100.64.0.300', 4)).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    ['2.2', ['0', '0.05', '10 Mbps', '5'], ['0.1', '0.1', '10', '5']],
    ['2.2', ['50', '1', '20', '5'], ['20', '1', '20', '5']],
    ['1.4', ['0.5', '1.2', '57.5', '1'], ['1', '1', '58', '2']],
    ['1.4', ['1e1', '+2', '20', '4'], ['10', '+2', '20', '4']],
  ] as const)('fixRates on %s: %j → %j', (target, before, after) => {
    const row = rateRow([...before]);
    const notes: string[] = [];
    fixRates(row, target, (_r, _s, text) => notes.push(text));
    expect([row.rates.downloadMin, row.rates.uploadMin, row.rates.downloadMax, row.rates.uploadMax]).toEqual(
      after,
    );
    expect(notes.length).toBe(before.filter((v, i) => v !== after[i]).length);
    expect(row.dropped).toBeUndefined();
  });

  it('a rate that is no number at all drops the row, with the reason', () => {
    const row = rateRow(['fast', '1', '10', '5']);
    fixRates(row, '2.2', () => {});
    expect(row.dropped).toBe("Download Min 'fast' is not a number");
  });
});

describe('fixFiles', () => {
  it('keeps comment lines, the operator’s header and every untouched byte; drops blank lines', async () => {
    const csv = `# exported by hand\ncircuit_id,circuit_name,device_id,device_name,parent_node,mac,ipv4,ipv6,download_min,upload_min,download_max,upload_max,comment\nc1,"Doe, Jane",d1,CPE,AP 1,,100.64.0.5/24,,1,1,10,5,note\n\nc2,Bob,d2,CPE,AP 1,,100.64.1.1,,1,1,10,5,\n`;
    const out = await fix(csv);
    expect(out.csv).toBe(
      `# exported by hand\ncircuit_id,circuit_name,device_id,device_name,parent_node,mac,ipv4,ipv6,download_min,upload_min,download_max,upload_max,comment\nc1,"Doe, Jane",d1,CPE,AP 1,,100.64.0.0/24,,1,1,10,5,note\nc2,Bob,d2,CPE,AP 1,,100.64.1.1,,1,1,10,5,\n`,
    );
    expect(out.changes).toEqual([
      "fixed ShapedDevices.csv:3: device 'd1': IPv4 '100.64.0.5/24' → '100.64.0.0/24' (host bits cleared)",
      'fixed ShapedDevices.csv:4: blank line removed',
    ]);
    expect(out.network).toBe(
      '{\n    "AP 1": {\n        "downloadBandwidthMbps": 100,\n        "uploadBandwidthMbps": 100\n    }\n}\n',
    );
  });

  it('clears host bits before removing duplicates, keeps the first circuit, and finds a free Device ID', async () => {
    const csv = [
      HEADER,
      'c1,A,d1,CPE,AP 1,,100.64.0.0/24,,1,1,10,5,',
      'c2,B,d1,CPE,AP 1,,"100.64.0.7/24, 100.64.9.9",,1,1,10,5,',
      'c3,C,d1-2,CPE,AP 1,,100.64.3.3,,1,1,10,5,',
    ].join('\n');
    const out = await fix(`${csv}\n`);
    expect(out.csv?.split('\n').slice(1, 4)).toEqual([
      'c1,A,d1,CPE,AP 1,,100.64.0.0/24,,1,1,10,5,',
      'c2,B,d1-3,CPE,AP 1,,100.64.9.9,,1,1,10,5,',
      'c3,C,d1-2,CPE,AP 1,,100.64.3.3,,1,1,10,5,',
    ]);
    expect(out.changes).toEqual([
      "fixed ShapedDevices.csv:3: device 'd1': IPv4 '100.64.0.7/24' → '100.64.0.0/24' (host bits cleared)",
      "fixed ShapedDevices.csv:3: device 'd1': IPv4 '100.64.0.0/24' removed: already used by circuit 'c1' (line 2)",
      "fixed ShapedDevices.csv:3: device 'd1': Device ID 'd1' → 'd1-3' (it was used twice)",
    ]);
    expect(out.errors).toBe(0);
  });

  it('network.json: unknown keys and their order survive; names made unique; a missing rate takes the parent’s', async () => {
    const network = JSON.stringify({
      Tower: {
        virtual: false,
        downloadBandwidthMbps: 1000,
        uploadBandwidthMbps: 500,
        note: 'north hill',
        children: {
          AP: { downloadBandwidthMbps: 300, tags: ['x'], meta: { a: 1 } },
          'AP (2)': { downloadBandwidthMbps: 300, uploadBandwidthMbps: 300 },
        },
      },
      AP: { downloadBandwidthMbps: '200', uploadBandwidthMbps: 200.9 },
    });
    const out = await fix(undefined, network);
    expect(JSON.parse(out.network ?? '')).toEqual({
      Tower: {
        virtual: false,
        downloadBandwidthMbps: 1000,
        uploadBandwidthMbps: 500,
        note: 'north hill',
        children: {
          AP: { downloadBandwidthMbps: 300, uploadBandwidthMbps: 500, tags: ['x'] },
          'AP (2)': { downloadBandwidthMbps: 300, uploadBandwidthMbps: 300 },
        },
      },
      'AP (3)': { downloadBandwidthMbps: 200, uploadBandwidthMbps: 200 },
    });
    expect(Object.keys(JSON.parse(out.network ?? '').Tower)).toEqual([
      'virtual',
      'downloadBandwidthMbps',
      'uploadBandwidthMbps',
      'note',
      'children',
    ]);
    expect(out.errors).toBe(0);
  });

  it('a file for 2.x fixed for 1.4: sqm left out, rates made whole, the header rewritten', async () => {
    const csv = `${HEADER},sqm\nc1,A,d1,CPE,AP 1,,100.64.0.1,,0.5,1,57.5,11.5,,cake\n`;
    const out = await fix(csv, NETWORK, '1.4');
    expect(out.csv).toBe(`${HEADER}\nc1,A,d1,CPE,AP 1,,100.64.0.1,,1,1,58,12,\n`);
    expect(out.changes[0]).toBe(
      'fixed ShapedDevices.csv:1: header rewritten in the legacy layout LibreQoS 1.4 reads by position; sqm left out: LibreQoS 1.4 does not read them',
    );
    expect(out.errors).toBe(0);
  });

  it('a file without a header gets one; change lines still name the original lines', async () => {
    const out = await fix('c1,A,d1,CPE,AP 1,,100.64.0.1/31,,1,1,10,5,\n');
    expect(out.csv).toBe(`${HEADER}\nc1,A,d1,CPE,AP 1,,100.64.0.0/31,,1,1,10,5,\n`);
    expect(out.changes).toEqual([
      'fixed ShapedDevices.csv:1: header line added: the first line was a device row',
      "fixed ShapedDevices.csv:1: device 'd1': IPv4 '100.64.0.1/31' → '100.64.0.0/31' (host bits cleared)",
    ]);
  });
});
