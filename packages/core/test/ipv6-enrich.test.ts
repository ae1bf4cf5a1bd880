import { describe, expect, it } from 'vitest';
import { applyIpv6Links, collectLinks, globalIpv6Of, type Inventory, macFromDuid } from '../src/index.js';
import { arp, binding, duidLl, M1, M2, router } from './ipv6-enrich-rows.js';

describe('macFromDuid', () => {
  it.each([
    ['0x00030001aabbcc000001', M1, 'DUID-LL as RouterOS prints it'],
    ['00030001AABBCC000001', M1, 'DUID-LL as plain upper-case hex'],
    ['00:03:00:01:aa:bb:cc:00:00:01', M1, 'DUID-LL with colons'],
    ['0x000100012c3d4e5faabbcc000002', M2, 'DUID-LLT: type, hardware, 4-byte time, MAC'],
    ['0x0002000001371234abcd', undefined, 'DUID-EN carries no MAC'],
    [`0x0004${'0'.repeat(32)}`, undefined, 'DUID-UUID carries no MAC'],
    ['0x00030006aabbcc000001', undefined, 'hardware type other than Ethernet'],
    ['0x00030001aabbcc0000', undefined, 'too short'],
    ['not-a-duid', undefined, 'garbage'],
  ])('%s → %s (%s)', (duid, mac, _what) => {
    expect(macFromDuid(duid)).toBe(mac);
  });
});

describe('globalIpv6Of', () => {
  it.each([
    ['2001:DB8:0030::/56', '2001:db8:30::/56'],
    ['2001:db8::5', '2001:db8::5'],
    ['fd00:1::/64', 'fd00:1::/64'],
    ['fe80::1', undefined],
    ['fe80::/64', undefined],
    ['febf::1', undefined],
    ['ff02::1', undefined],
    ['::', undefined],
    ['::1', undefined],
    ['100.64.0.1', undefined],
    ['', undefined],
  ])('%s → %s', (raw, text) => {
    expect(globalIpv6Of(raw)?.text).toBe(text);
  });
});

describe('applyIpv6Links', () => {
  const links = collectLinks([
    router('r1', {
      arp: [
        arp('100.64.0.1', M1),
        arp('100.64.0.2', M1),
        arp('100.64.0.3', M1),
        arp('100.64.0.3', M2),
        arp('100.64.2.0', M2),
      ],
      bindings: [binding('2001:db8:1::/56', duidLl(M1)), binding('2001:db8:2::/56', duidLl(M2))],
    }),
  ]);
  const inventory: Inventory = {
    source: 'test',
    nodes: [],
    circuits: [
      {
        id: 'c1',
        name: 'Ann',
        parentId: null,
        rate: { downloadMbps: 10, uploadMbps: 10 },
        devices: [
          // Two IPv4s leading to the same prefix: added once. The source's IPv6 stays first.
          { id: 'd1', name: 'Ann CPE', ipv4: ['100.64.0.1', ' 100.64.0.2 '], ipv6: ['2001:db8:99::/64'] },
        ],
      },
      {
        id: 'c2',
        name: 'Bo',
        parentId: null,
        rate: { downloadMbps: 10, uploadMbps: 10 },
        // Already there in another spelling: not added again.
        devices: [{ id: 'd2', name: 'Bo CPE', ipv4: ['100.64.0.1'], ipv6: ['2001:DB8:1:0::/56'] }],
      },
      {
        id: 'c3',
        name: 'Cy',
        parentId: null,
        rate: { downloadMbps: 10, uploadMbps: 10 },
        devices: [
          { id: 'd3', name: 'Cy CPE', ipv4: ['100.64.0.3'], ipv6: [] },
          // A CIDR is matched by its address part, as LibreQoS does.
          { id: 'd4', name: 'Cy LAN', ipv4: ['100.64.2.0/29'], ipv6: [] },
        ],
      },
      {
        id: 'c4',
        name: 'Di',
        parentId: null,
        rate: { downloadMbps: 1, uploadMbps: 1 },
        devices: [{ id: 'd5', name: 'x', ipv4: ['100.64.7.7'], ipv6: [] }],
      },
    ],
  };
  const result = applyIpv6Links(inventory, links);
  const ipv6 = (circuit: number, device: number) => result.inventory.circuits[circuit]?.devices[device]?.ipv6;

  it('appends what was found, once, after the source’s own IPv6', () => {
    expect(ipv6(0, 0)).toEqual(['2001:db8:99::/64', '2001:db8:1::/56']);
    expect(ipv6(1, 0)).toEqual(['2001:DB8:1:0::/56']);
    expect(ipv6(2, 1)).toEqual(['2001:db8:2::/56']);
  });

  it('skips ambiguous addresses with a line naming circuit and device', () => {
    expect(ipv6(2, 0)).toEqual([]);
    expect(result.ambiguous).toEqual([
      `circuit "Cy" (c3), device "Cy CPE": 100.64.0.3 is linked to 2 MAC addresses: ${M1} (r1 ARP), ${M2} (r1 ARP)`,
    ]);
  });

  it('counts, and leaves untouched circuits and the input alone', () => {
    expect(result.devicesEnriched).toBe(2);
    expect(result.addressesAdded).toBe(2);
    expect(result.inventory.circuits[3]).toBe(inventory.circuits[3]);
    expect(result.inventory.circuits[1]).toBe(inventory.circuits[1]);
    expect(inventory.circuits[0]?.devices[0]?.ipv6).toEqual(['2001:db8:99::/64']);
  });
});
