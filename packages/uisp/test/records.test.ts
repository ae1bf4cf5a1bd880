import { computeCircuitRates, normalizeIp } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { deviceAddresses } from '../src/addresses.js';
import { apiBaseUrl } from '../src/api.js';
import { deviceCapacity } from '../src/capacity.js';
import { burstMbps, planRate } from '../src/circuits.js';
import { dedupeSiteNames, deviceNodeNames } from '../src/names.js';
import { apEnd, linkCapacities } from '../src/orientation.js';
import type { Capacity, UispDevice, UispSettings, UispSite } from '../src/types.js';

function dev(over: Partial<UispDevice>): UispDevice {
  return {
    index: 0,
    id: 'd',
    name: 'd',
    mac: '',
    model: '',
    family: '',
    role: '',
    siteId: '',
    ipAddress: '',
    apDeviceId: '',
    wirelessMode: '',
    downlinkBps: undefined,
    uplinkBps: undefined,
    totalBps: undefined,
    theoreticalTotalBps: undefined,
    activeInterfaceIds: [],
    cidrs: [],
    radios: [],
    ...over,
  };
}

function site(over: Partial<UispSite>): UispSite {
  return {
    index: 0,
    id: 's',
    name: 'S',
    rawName: 'S',
    type: 'endpoint',
    parentId: '',
    suspended: false,
    address: '',
    serviceName: '',
    latitude: undefined,
    longitude: undefined,
    downloadBps: undefined,
    uploadBps: undefined,
    downloadBurstKBps: undefined,
    uploadBurstKBps: undefined,
    ...over,
  };
}

const settings: UispSettings = {
  site: '',
  airmaxCapacity: 1,
  airmaxDownloadRatio: 0.8,
  ltuCapacity: 1,
  ignoreCalculatedCapacity: false,
  usePtmpAsParent: false,
  excludeSites: [],
  defaultMbps: { download: 1000, upload: 1000 },
};

describe('URL normalisation (LibreQoS url_fixup tests, §7.1)', () => {
  it.each([
    ['https://example.com', 'https://example.com/nms/api/v2.1'],
    ['https://example.com/', 'https://example.com/nms/api/v2.1'],
    ['https://example.com/nms/api/v2.1', 'https://example.com/nms/api/v2.1'],
    ['https://example.com/nms/api/v2.1/', 'https://example.com/nms/api/v2.1'],
    ['   https://example.com   ', 'https://example.com/nms/api/v2.1'],
    ['https://example.com////', 'https://example.com/nms/api/v2.1'],
    // LibreQoS keeps this one and then asks for …/devices/sites; we cut back to the API path.
    ['https://example.com/nms/api/v2.1/devices', 'https://example.com/nms/api/v2.1'],
    ['https://uisp.example.net:8443/uisp', 'https://uisp.example.net:8443/uisp/nms/api/v2.1'],
  ])('%s → %s', (input, expected) => {
    expect(apiBaseUrl(input)).toBe(expected);
  });
});

describe('site names (LibreQoS 2.1 de-duplication, §7.2)', () => {
  it('prefers the first address segment', () => {
    const sites = [
      site({ id: 'a', name: 'Pathway Communications', address: '7100 Binational Way, Santa Teresa, NM' }),
      site({ id: 'b', name: 'Pathway Communications', address: '175 Lindburgh Dr, El Paso, TX' }),
    ];
    dedupeSiteNames(sites);
    expect(sites.map((s) => s.name)).toEqual([
      'Pathway Communications (7100 Binational Way)',
      'Pathway Communications (175 Lindburgh Dr)',
    ]);
  });

  it('falls back to the service name, then the short id', () => {
    const byService = [
      site({ id: 'a', name: 'Acme', serviceName: '1000/1000 Mbps - Primary' }),
      site({ id: 'b', name: 'Acme', serviceName: '1000/1000 Mbps - Backup' }),
    ];
    dedupeSiteNames(byService);
    expect(byService.map((s) => s.name)).toEqual([
      'Acme (1000/1000 Mbps - Primary)',
      'Acme (1000/1000 Mbps - Backup)',
    ]);
    const byId = [
      site({ id: 'abcd1234-0000-0000-0000-000000000001', name: 'Acme' }),
      site({ id: 'efgh5678-0000-0000-0000-000000000002', name: 'Acme' }),
      site({ id: 'x', name: 'Unique' }),
    ];
    dedupeSiteNames(byId);
    expect(byId.map((s) => s.name)).toEqual(['Acme (abcd1234)', 'Acme (efgh5678)', 'Unique']);
  });

  it('a device named like a site or another device gets an [AP] suffix (LibreQoS 2.2 export names)', () => {
    const names = deviceNodeNames(
      [
        dev({ id: 'ap-1-xxxxxx', name: 'TrailerCity' }),
        dev({ id: 'ap-2', name: 'AP-2' }),
        dev({ id: 'ap-3-yyyyyy', name: 'TrailerCity' }),
      ],
      ['TrailerCity'],
    );
    expect([...names.values()]).toEqual(['TrailerCity [AP]', 'AP-2', 'TrailerCity [AP ap-3-yyy]']);
  });
});

describe('device capacity', () => {
  const mbps = (d: number, u: number) => ({ downlinkBps: d * 1e6, uplinkBps: u * 1e6 });
  it.each<[string, Partial<UispDevice>, Partial<UispSettings>, Capacity]>([
    // LibreQoS 2.2's airMax flexible-frame tests.
    [
      'flexible frame, dlRatio 75',
      {
        family: 'airmax',
        role: 'ap',
        wirelessMode: 'ap-ptmp',
        totalBps: 200e6,
        radios: [{ name: 'main', wireless: true, dlRatio: 75 }],
        activeInterfaceIds: ['main'],
      },
      {},
      { download: 150, upload: 50 },
    ],
    [
      'flexible frame, no ratio → 0.8',
      {
        family: 'airmax',
        role: 'ap',
        wirelessMode: 'ap-ptmp',
        ...mbps(220, 180),
        theoreticalTotalBps: 500e6,
      },
      {},
      { download: 176, upload: 44 },
    ],
    [
      'airMax PtP keeps its directions',
      { family: 'airmax', role: 'ap', wirelessMode: 'ap-ptp', ...mbps(1617, 1078) },
      {},
      { download: 1617, upload: 1078 },
    ],
    [
      'airMax station × airmax_capacity',
      { family: 'airmax', role: 'station', model: 'LBE-5AC-Gen2', ...mbps(300, 200) },
      { airmaxCapacity: 0.5 },
      { download: 150, upload: 100 },
    ],
    // LibreQoS 2.0/2.1 rules by model; 300 × 0.65 is 195 (LibreQoS's f32 arithmetic gives 194).
    [
      'model 5AC × airmax_capacity',
      { model: 'RP-5AC-Gen2', ...mbps(300, 100) },
      { airmaxCapacity: 0.65 },
      { download: 195, upload: 65 },
    ],
    [
      'LTU × ltu_capacity',
      { model: 'LTU-Rocket', ...mbps(500, 100) },
      { ltuCapacity: 0.9 },
      { download: 450, upload: 90 },
    ],
    [
      'other radios as reported',
      { model: 'AF60-LR', ...mbps(1000, 950) },
      { airmaxCapacity: 0.5 },
      { download: 1000, upload: 950 },
    ],
    ['no overview: unknown', {}, {}, { download: undefined, upload: undefined }],
    ['0 Mbps: unknown', { ...mbps(0, 0.4) }, {}, { download: undefined, upload: undefined }],
    [
      'ignore_calculated_capacity',
      { ...mbps(300, 100) },
      { ignoreCalculatedCapacity: true },
      { download: undefined, upload: undefined },
    ],
  ])('%s', (_label, device, extra, expected) => {
    expect(deviceCapacity(dev(device), { ...settings, ...extra })).toEqual(expected);
  });
});

describe('link orientation (LibreQoS directionality tests, §4.4.4)', () => {
  const caps = new Map<string, Capacity>();
  const capacityOf = (d: UispDevice) => caps.get(d.id)!;
  it('the station names its AP', () => {
    const ap = dev({ id: 'ap' });
    const sta = dev({ id: 'sta', apDeviceId: 'ap' });
    caps.set('ap', { download: 200, upload: 50 }).set('sta', { download: 180, upload: 60 });
    expect(linkCapacities(sta, ap, capacityOf)).toEqual([50, 180]);
    expect(linkCapacities(ap, sta, capacityOf)).toEqual([180, 50]);
  });
  it('roles', () => {
    const ap = dev({ id: 'ap', role: 'ap' });
    const sta = dev({ id: 'sta', role: 'station' });
    caps.set('ap', { download: 300, upload: 80 }).set('sta', { download: 250, upload: 120 });
    expect(linkCapacities(ap, sta, capacityOf)).toEqual([250, 80]);
  });
  it('wireless modes', () => {
    const ap = dev({ id: 'ap', wirelessMode: 'ap-ptmp' });
    const sta = dev({ id: 'sta', wirelessMode: 'sta-ptmp' });
    caps.set('ap', { download: 400, upload: 90 }).set('sta', { download: 350, upload: 100 });
    expect(linkCapacities(ap, sta, capacityOf)).toEqual([350, 90]);
  });
  it('no metadata: undecided', () => {
    expect(apEnd(dev({ id: 'a' }), dev({ id: 'b' }))).toBeUndefined();
  });
});

describe('addresses', () => {
  const normalized = (d: Partial<UispDevice>) => {
    const { ipv4, ipv6 } = deviceAddresses(dev(d));
    return [...ipv4, ...ipv6].map((raw) => {
      const ip = normalizeIp(raw);
      return ip.ok ? ip.text : `invalid ${raw}`;
    });
  };

  it('interface CIDRs: network addresses stay networks, host addresses become hosts (§7.1 is_network_address)', () => {
    const networks = [
      '192.168.1.0/24',
      '10.0.0.0/8',
      '172.16.0.0/16',
      '23.148.208.224/29',
      '5.5.6.0/24',
      '192.168.0.0/23',
      '10.10.10.128/25',
    ];
    expect(normalized({ cidrs: networks })).toEqual(networks);
    const hosts = [
      '192.168.1.1/24',
      '192.168.1.255/24',
      '10.0.0.1/8',
      '23.148.208.225/29',
      '5.5.6.1/24',
      '10.10.10.129/25',
      '192.168.1.1/32',
      '100.64.0.9',
    ];
    expect(normalized({ cidrs: hosts })).toEqual(hosts.map((h) => h.split('/')[0]));
  });

  it('the management address is always a host; repeats collapse', () => {
    expect(
      deviceAddresses(
        dev({
          ipAddress: '100.64.10.5/24',
          cidrs: ['100.64.10.5', '100.64.10.5', '192.168.1.20/24'],
        }),
      ).ipv4,
    ).toEqual(['100.64.10.5', '192.168.1.20/24']);
  });

  it('IPv6: prefixes kept, hosts bare, no brackets; link-local and loopback dropped (§7.3)', () => {
    const device = dev({
      cidrs: [
        '2602:fd47:1a:80::/60',
        '2602:fdca:800:1500::e28/64',
        '2602:fdca::9/128',
        'fe80::1/64',
        '::1',
        '127.0.0.1/8',
      ],
    });
    expect(normalized(device)).toEqual(['2602:fd47:1a:80::/60', '2602:fdca:800:1500::e28', '2602:fdca::9']);
    expect(deviceAddresses(device).dropped).toBe(3);
  });
});

describe('plan rates and burst', () => {
  it.each([
    [6250, 50],
    [12500, 100],
    [25000, 200],
  ])('burst %i kB/s → +%i Mbps', (kBps, mbps) => {
    expect(burstMbps(kBps)).toBe(mbps);
  });

  it('empty burst is no burst', () => {
    expect(burstMbps(undefined)).toBeUndefined();
    expect(burstMbps(0)).toBeUndefined();
  });

  it('Min = plan × commit, Max = (plan + burst) × overhead, each direction on its own', () => {
    const { rate } = planRate(
      site({ downloadBps: 100e6, uploadBps: 20e6, downloadBurstKBps: 12500 }),
      settings.defaultMbps,
    );
    expect(rate).toEqual({
      downloadMbps: 100,
      uploadMbps: 20,
      burstDownloadMbps: 100,
      burstUploadMbps: undefined,
    });
    expect(
      computeCircuitRates(rate, { commitMultiplier: 0.98, overheadFactor: 1.15, clientMultiplier: 1 }),
    ).toEqual({
      downloadMin: 98,
      uploadMin: 19.6,
      downloadMax: 230,
      uploadMax: 23,
    });
  });

  it('bits/s become Mbps exactly; a missing speed falls back to generated_pn', () => {
    expect(planRate(site({ downloadBps: 1_500_000, uploadBps: 500_000 }), settings.defaultMbps)).toEqual({
      rate: { downloadMbps: 1.5, uploadMbps: 0.5, burstDownloadMbps: undefined, burstUploadMbps: undefined },
      missing: false,
    });
    expect(planRate(site({ downloadBps: 50e6 }), { download: 900, upload: 800 }).rate).toMatchObject({
      downloadMbps: 50,
      uploadMbps: 800,
    });
    expect(planRate(site({ downloadBps: 50e6 }), settings.defaultMbps).missing).toBe(true);
    // A speed of 0 is no speed, never a 0 Mbps plan.
    expect(planRate(site({ downloadBps: 0, uploadBps: 0 }), settings.defaultMbps).rate).toMatchObject({
      downloadMbps: 1000,
      uploadMbps: 1000,
    });
  });
});
