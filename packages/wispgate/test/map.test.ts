import type { MapContext } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { shapedDevicesEndpoint } from '../src/api.js';
import { mapWispgate } from '../src/map.js';

function context() {
  const warnings: string[] = [];
  const skipped: Record<string, number> = {};
  const ctx = {
    config: {},
    warn: (message: string) => warnings.push(message),
    skip: (reason: string, count = 1) => {
      skipped[reason] = (skipped[reason] ?? 0) + count;
    },
  } as unknown as MapContext;
  return { ctx, warnings, skipped };
}

type Rates = [unknown, unknown, unknown, unknown];

const row = (
  circuit: string | number,
  device: string,
  [dmin, umin, dmax, umax]: Rates,
  ip = '100.64.0.1',
) => ({
  'Circuit ID': circuit,
  'Device Name': device,
  IPv4: ip,
  'Download Min Mbps': dmin,
  'Upload Min Mbps': umin,
  'Download Max Mbps': dmax,
  'Upload Max Mbps': umax,
});

async function rateOf(...rows: Record<string, unknown>[]) {
  const { ctx } = context();
  const inventory = await mapWispgate({ rows, kept: { state: 'overwritten' } }, ctx);
  return inventory.circuits[0]?.rate;
}

describe('mapWispgate rates', () => {
  it('Max, else Min, each direction from its own columns', async () => {
    expect(await rateOf(row('a', 'd', [10, 5, 100, 20]))).toEqual({ downloadMbps: 100, uploadMbps: 20 });
    expect(await rateOf(row('a', 'd', [30, 7, null, null]))).toEqual({ downloadMbps: 30, uploadMbps: 7 });
    // LibreQoS puts Upload Min into the download rate here; the upload is the upload.
    expect(await rateOf(row('a', 'd', [null, 7, 100, null]))).toEqual({ downloadMbps: 100, uploadMbps: 7 });
    expect(await rateOf(row('a', 'd', ['12.5', ' 3 ', '', '']))).toEqual({
      downloadMbps: 12.5,
      uploadMbps: 3,
    });
  });

  it('keeps decimals (LibreQoS truncates 20.7 to 20)', async () => {
    expect(await rateOf(row('a', 'd', [null, null, 99.9, 20.7]))).toEqual({
      downloadMbps: 99.9,
      uploadMbps: 20.7,
    });
  });

  it('an unusable Max falls back to Min with a warning; no rate at all skips the circuit', async () => {
    const { ctx, warnings, skipped } = context();
    const inventory = await mapWispgate(
      {
        rows: [row('a', 'd', [40, 8, 'fast', 10]), row('b', 'd', [null, null, null, null], '100.64.0.2')],
        kept: { state: 'overwritten' },
      },
      ctx,
    );
    expect(inventory.circuits.map((c) => [c.id, c.rate])).toEqual([
      ['a', { downloadMbps: 40, uploadMbps: 10 }],
    ]);
    expect(warnings.join('\n')).toMatch(/ignored Download Max Mbps "fast"/);
    expect(warnings.join('\n')).toMatch(/circuit b "b" has no usable download rate: skipped/);
    expect(skipped['no-rate']).toBe(1);
  });

  it('rows of a circuit that disagree: the highest rate, with a warning', async () => {
    const { ctx, warnings } = context();
    const inventory = await mapWispgate(
      {
        rows: [
          row('a', 'd1', [null, null, 50, 30], '100.64.0.1'),
          row('a', 'd2', [null, null, 100, 10], '100.64.0.2'),
        ],
        kept: { state: 'overwritten' },
      },
      ctx,
    );
    expect(inventory.circuits[0]?.rate).toEqual({ downloadMbps: 100, uploadMbps: 30 });
    expect(warnings.join('\n')).toMatch(/its rows give different rates/);
  });
});

describe('mapWispgate ids and names', () => {
  it('device ids are unique even when names repeat or ids would collide', async () => {
    const { ctx } = context();
    const rates: Rates = [null, null, 10, 10];
    const inventory = await mapWispgate(
      {
        rows: [
          row('a:b', 'c', rates, '100.64.0.1'),
          row('a', 'b:c', rates, '100.64.0.2'),
          row('a', 'b:c', rates, '100.64.0.3'),
          row('a', '', rates, '100.64.0.4'),
        ],
        kept: { state: 'overwritten' },
      },
      ctx,
    );
    expect(inventory.circuits.flatMap((c) => c.devices.map((d) => [d.id, d.name]))).toEqual([
      ['wispgate:a:b:c', 'c'],
      ['wispgate:a:b:c#2', 'b:c'],
      ['wispgate:a:b:c#3', 'b:c'],
      ['wispgate:a:device', 'a device'],
    ]);
  });

  it('Circuit Name when present, else the Circuit ID; numeric ids as text', async () => {
    const { ctx } = context();
    const rates: Rates = [null, null, 10, 10];
    const inventory = await mapWispgate(
      {
        rows: [
          { ...row(7, 'r', rates, '100.64.0.1'), 'Circuit Name': ' Ann ' },
          { ...row('8', 'r', rates, '100.64.0.2'), 'Circuit Name': null },
        ],
        kept: { state: 'overwritten' },
      },
      ctx,
    );
    expect(inventory.circuits.map((c) => [c.id, c.name])).toEqual([
      ['7', 'Ann'],
      ['8', '8'],
    ]);
  });

  it('rows without IPv4 and IPv6 are skipped, counted', async () => {
    const { ctx, skipped } = context();
    const inventory = await mapWispgate(
      {
        rows: [
          { ...row('a', 'none', [1, 1, 1, 1]), IPv4: null, IPv6: '' },
          { ...row('a', 'blank', [1, 1, 1, 1]), IPv4: '  ', IPv6: null },
          { ...row('a', 'v6', [1, 1, 1, 1]), IPv4: '', IPv6: '2001:db8::1' },
        ],
        kept: { state: 'overwritten' },
      },
      ctx,
    );
    expect(inventory.circuits[0]?.devices.map((d) => [d.name, d.ipv4, d.ipv6])).toEqual([
      ['v6', [], ['2001:db8::1']],
    ]);
    expect(skipped['device-without-ip']).toBe(2);
  });
});

describe('shapedDevicesEndpoint', () => {
  it.each([
    ['https://wg.example.net', 'https://wg.example.net/api/libreqos/shaped-devices'],
    ['https://wg.example.net/', 'https://wg.example.net/api/libreqos/shaped-devices'],
    ['https://wg.example.net:8443/isp1/', 'https://wg.example.net:8443/isp1/api/libreqos/shaped-devices'],
    [
      'https://wg.example.net/api/libreqos/shaped-devices',
      'https://wg.example.net/api/libreqos/shaped-devices',
    ],
  ])('%s → %s', (input, expected) => {
    expect(shapedDevicesEndpoint(input)).toBe(expected);
  });
});
