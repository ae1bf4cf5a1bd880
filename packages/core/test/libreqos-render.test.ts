import { describe, expect, it } from 'vitest';
import { parseShapedDevices, renderNetworkJson, renderShapedDevices } from '../src/libreqos/index.js';
import type { PlanCircuit, PlanNode } from '../src/model/index.js';
import { smallCircuits, smallNodes } from './libreqos-fixture.js';

const LEGACY_HEADER =
  'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment';
const V22_HEADER =
  'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,Parent Node ID,Anchor Node ID,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment,sqm';

describe('renderShapedDevices', () => {
  it('legacy layout, no sqm: 13 columns, quoting only where needed', () => {
    expect(renderShapedDevices(smallCircuits(), 'legacy')).toBe(
      [
        LEGACY_HEADER,
        'crm:svc:1001,Jane Doe - 12 Oak St,crm:dev:5001,Jane CPE,AP_North_1,aa:bb:cc:00:11:22,"100.64.1.10, 100.64.1.11",2001:db8:10::/56,1,1,115,23,',
        'crm:svc:1001,Jane Doe - 12 Oak St,crm:dev:5002,Jane router,AP_North_1,,100.64.9.0/29,,1,1,115,23,',
        'crm:svc:1002,"Smith, ""Bob""",crm:dev:5003,Bob CPE,123,,,2001:db8:20::1,49.5,10,57.5,11.5,VIP; call first',
        'crm:svc:1003,Suspended Sam,crm:dev:5004,Sam CPE,,,100.64.2.1,,0.1,0.1,0.1,0.1,',
        '',
      ].join('\n'),
    );
  });

  it('legacy layout adds a 14th sqm column when any circuit sets sqm', () => {
    const circuits = smallCircuits();
    circuits[1]!.sqm = 'cake/fq_codel';
    expect(renderShapedDevices(circuits, 'legacy')).toBe(
      [
        `${LEGACY_HEADER},sqm`,
        'crm:svc:1001,Jane Doe - 12 Oak St,crm:dev:5001,Jane CPE,AP_North_1,aa:bb:cc:00:11:22,"100.64.1.10, 100.64.1.11",2001:db8:10::/56,1,1,115,23,,',
        'crm:svc:1001,Jane Doe - 12 Oak St,crm:dev:5002,Jane router,AP_North_1,,100.64.9.0/29,,1,1,115,23,,',
        'crm:svc:1002,"Smith, ""Bob""",crm:dev:5003,Bob CPE,123,,,2001:db8:20::1,49.5,10,57.5,11.5,VIP; call first,cake/fq_codel',
        'crm:svc:1003,Suspended Sam,crm:dev:5004,Sam CPE,,,100.64.2.1,,0.1,0.1,0.1,0.1,,',
        '',
      ].join('\n'),
    );
  });

  it('v2.2 layout: 16 columns with an explicit sqm column, Anchor Node ID empty', () => {
    expect(renderShapedDevices(smallCircuits(), 'v2.2')).toBe(
      [
        V22_HEADER,
        'crm:svc:1001,Jane Doe - 12 Oak St,crm:dev:5001,Jane CPE,AP_North_1,crm:ap:301,,aa:bb:cc:00:11:22,"100.64.1.10, 100.64.1.11",2001:db8:10::/56,1,1,115,23,,',
        'crm:svc:1001,Jane Doe - 12 Oak St,crm:dev:5002,Jane router,AP_North_1,crm:ap:301,,,100.64.9.0/29,,1,1,115,23,,',
        'crm:svc:1002,"Smith, ""Bob""",crm:dev:5003,Bob CPE,123,,,,,2001:db8:20::1,49.5,10,57.5,11.5,VIP; call first,',
        'crm:svc:1003,Suspended Sam,crm:dev:5004,Sam CPE,,,,,100.64.2.1,,0.1,0.1,0.1,0.1,,',
        '',
      ].join('\n'),
    );
  });

  it.each(['legacy', 'v2.2'] as const)('%s: every row has the header width', (layout) => {
    const circuits = smallCircuits();
    circuits[0]!.name = 'multi\nline "name", with comma';
    const text = renderShapedDevices(circuits, layout);
    const parsed = parseShapedDevices(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.rows[0]!.circuitName).toBe('multi\nline "name", with comma');
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it('quotes edge whitespace and line breaks', () => {
    const circuits: PlanCircuit[] = [{ ...smallCircuits()[2]!, name: ' padded ', comment: 'a\nb' }];
    const row = renderShapedDevices(circuits, 'legacy').split('\n').slice(1).join('\n');
    expect(row).toBe('crm:svc:1003," padded ",crm:dev:5004,Sam CPE,,,100.64.2.1,,0.1,0.1,0.1,0.1,"a\nb"\n');
  });

  it('an empty plan is just the header', () => {
    expect(renderShapedDevices([], 'legacy')).toBe(`${LEGACY_HEADER}\n`);
    expect(renderShapedDevices([], 'v2.2')).toBe(`${V22_HEADER}\n`);
  });
});

describe('renderNetworkJson', () => {
  it('is {} for a flat network', () => {
    expect(renderNetworkJson([])).toBe('{}\n');
  });

  it('is byte-exact: key order, 4-space indent, "123" kept in place, lat/long only in pairs', () => {
    expect(renderNetworkJson(smallNodes())).toBe(`{
    "Tower_North": {
        "downloadBandwidthMbps": 2000,
        "uploadBandwidthMbps": 2000,
        "type": "site",
        "id": "crm:site:17",
        "latitude": 45.12,
        "longitude": -111.75,
        "children": {
            "AP_North_1": {
                "downloadBandwidthMbps": 500,
                "uploadBandwidthMbps": 150,
                "type": "ap",
                "id": "crm:ap:301"
            },
            "123": {
                "downloadBandwidthMbps": 300,
                "uploadBandwidthMbps": 100,
                "type": "ap"
            }
        }
    },
    "Backhaul \\"East\\"": {
        "downloadBandwidthMbps": 1000,
        "uploadBandwidthMbps": 1000,
        "type": "site"
    }
}
`);
  });

  it('is valid JSON equal to the tree', () => {
    const parsed = JSON.parse(renderNetworkJson(smallNodes()));
    expect(Object.keys(parsed.Tower_North.children)).toEqual(['123', 'AP_North_1']); // JS reorders, the text does not
    expect(parsed.Tower_North.children['123'].downloadBandwidthMbps).toBe(300);
  });

  it('handles a 500-deep chain and 10,000 nodes quickly', () => {
    let chain: PlanNode = { name: 'n0', type: 'site', downloadMbps: 1, uploadMbps: 1, children: [] };
    for (let i = 1; i < 500; i++) {
      chain = { name: `n${i}`, type: 'site', downloadMbps: 1, uploadMbps: 1, children: [chain] };
    }
    const started = performance.now();
    const text = renderNetworkJson([chain]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(text.startsWith('{\n    "n499": {\n')).toBe(true);
    const wide: PlanNode[] = Array.from({ length: 100 }, (_, s) => ({
      name: `site${s}`,
      type: 'site',
      downloadMbps: 1000,
      uploadMbps: 1000,
      children: Array.from({ length: 99 }, (_, a) => ({
        name: `ap${s}_${a}`,
        type: 'ap' as const,
        downloadMbps: 100,
        uploadMbps: 100,
        children: [],
      })),
    }));
    const t0 = performance.now();
    const wideText = renderNetworkJson(wide);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(Object.keys(JSON.parse(wideText))).toHaveLength(100);
  });
});
