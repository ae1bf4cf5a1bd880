import { describe, expect, it } from 'vitest';
import { collectLinks, lookupIpv6, type RouterTables } from '../src/index.js';
import { arp, binding, duidLl, lease, M1, M2, neighbor, router } from './ipv6-enrich-rows.js';

describe('lookupIpv6: sources, preference and ambiguity', () => {
  const cases: [string, RouterTables[], string, ReturnType<typeof lookupIpv6>['kind'], string?][] = [
    [
      'ARP → DHCPv6 delegated prefix (DUID-LL)',
      [router('r1', { arp: [arp('100.64.0.1', M1)], bindings: [binding('2001:db8:1::/56', duidLl(M1))] })],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    ['no link for the IPv4', [router('r1', { arp: [arp('100.64.0.1', M1)] })], '100.64.0.9', 'none'],
    ['a MAC with no IPv6', [router('r1', { arp: [arp('100.64.0.1', M1)] })], '100.64.0.1', 'none'],
    [
      'DHCPv4 lease beats ARP for IPv4 → MAC',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M2)],
          leases: [lease('100.64.0.1', M1)],
          bindings: [binding('2001:db8:1::/56', duidLl(M1)), binding('2001:db8:2::/56', duidLl(M2))],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    [
      'two MACs in ARP for one IPv4: ambiguous',
      [router('r1', { arp: [arp('100.64.0.1', M1), arp('100.64.0.1', M2)] })],
      '100.64.0.1',
      'ambiguous',
    ],
    [
      'two routers, same IPv4 and MAC in ARP: one link',
      [
        router('r1', { arp: [arp('100.64.0.1', M1)], bindings: [binding('2001:db8:1::/56', duidLl(M1))] }),
        router('r2', { arp: [arp('100.64.0.1', M1.toUpperCase())] }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    [
      'two DHCPv4 leases with different MACs: ambiguous even with ARP agreeing with one',
      [
        router('r1', {
          leases: [lease('100.64.0.1', M1), lease('100.64.0.1', M2)],
          arp: [arp('100.64.0.1', M1)],
        }),
      ],
      '100.64.0.1',
      'ambiguous',
    ],
    [
      'a disabled lease does not count',
      [
        router('r1', {
          leases: [lease('100.64.0.1', M2, { disabled: 'true' })],
          arp: [arp('100.64.0.1', M1)],
          bindings: [binding('2001:db8:1::/56', duidLl(M1))],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    [
      'invalid or incomplete ARP entries do not count',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M2, { invalid: 'true' }), { address: '100.64.0.1' }, arp('100.64.0.1', M1)],
          bindings: [binding('2001:db8:1::/56', duidLl(M1))],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    [
      'delegated prefix beats a DHCPv6 address beats a neighbour',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M1)],
          neighbors: [neighbor('2001:db8:ffff::10', M1)],
          bindings: [binding('2001:db8:ffff::20/128', duidLl(M1)), binding('2001:db8:1::/56', duidLl(M1))],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    [
      'a DHCPv6 address beats a neighbour',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M1)],
          neighbors: [neighbor('2001:db8:ffff::10', M1)],
          bindings: [binding('2001:db8:ffff::20/128', duidLl(M1))],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:ffff::20',
    ],
    [
      'a neighbour alone gives the host address; link-local neighbours never count',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M1)],
          neighbors: [
            neighbor('fe80::1', M1),
            neighbor('2001:db8:ffff::10', M1),
            neighbor('2001:db8::99', M2, { status: 'failed' }),
          ],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:ffff::10',
    ],
    [
      'only link-local neighbours: nothing',
      [router('r1', { arp: [arp('100.64.0.1', M1)], neighbors: [neighbor('fe80::1', M1)] })],
      '100.64.0.1',
      'none',
    ],
    [
      'two global neighbours for one MAC: ambiguous',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M1)],
          neighbors: [neighbor('2001:db8::1', M1), neighbor('2001:db8::2', M1)],
        }),
      ],
      '100.64.0.1',
      'ambiguous',
    ],
    [
      'two delegated prefixes for one MAC (two routers): ambiguous',
      [
        router('r1', { arp: [arp('100.64.0.1', M1)], bindings: [binding('2001:db8:1::/56', duidLl(M1))] }),
        router('r2', { bindings: [binding('2001:db8:2::/56', duidLl(M1))] }),
      ],
      '100.64.0.1',
      'ambiguous',
    ],
    [
      'a binding that names its MAC directly',
      [
        router('r1', {
          arp: [arp('100.64.0.1', M1)],
          bindings: [{ address: '2001:db8:1::/56', 'mac-address': M1 }],
        }),
      ],
      '100.64.0.1',
      'found',
      '2001:db8:1::/56',
    ],
    [
      'PPP: the session’s own DHCPv6-PD binding (server <pppoe-name>), whatever its DUID',
      [
        router('bras', {
          pppActive: [{ name: 'alice', service: 'pppoe', 'caller-id': M1, address: '100.64.9.1' }],
          bindings: [binding('2001:db8:a::/56', '0x0002000001371234abcd', { server: '<pppoe-alice>' })],
        }),
      ],
      '100.64.9.1',
      'found',
      '2001:db8:a::/56',
    ],
    [
      'PPP: caller-id MAC → DUID binding when the server name does not match',
      [
        router('bras', {
          pppActive: [{ name: 'bob', service: 'pppoe', 'caller-id': M2, address: '100.64.9.2' }],
          bindings: [binding('2001:db8:b::/56', duidLl(M2))],
        }),
      ],
      '100.64.9.2',
      'found',
      '2001:db8:b::/56',
    ],
    [
      'PPP session beats an ARP entry for the same IPv4',
      [
        router('bras', {
          pppActive: [{ name: 'bob', service: 'pppoe', 'caller-id': M2, address: '100.64.9.2' }],
          arp: [arp('100.64.9.2', M1)],
          bindings: [binding('2001:db8:b::/56', duidLl(M2)), binding('2001:db8:c::/56', duidLl(M1))],
        }),
      ],
      '100.64.9.2',
      'found',
      '2001:db8:b::/56',
    ],
    [
      'PPP direct prefix beats the MAC path',
      [
        router('bras', {
          pppActive: [{ name: 'carol', service: 'pppoe', 'caller-id': M1, address: '100.64.9.3' }],
          bindings: [
            binding('2001:db8:d::/56', '', { server: '<pppoe-carol>' }),
            binding('2001:db8:e::/56', duidLl(M1)),
          ],
        }),
      ],
      '100.64.9.3',
      'found',
      '2001:db8:d::/56',
    ],
    [
      'an L2TP caller-id is an IP address, not a MAC',
      [
        router('bras', {
          pppActive: [{ name: 'dave', service: 'l2tp', 'caller-id': '198.51.100.7', address: '100.64.9.4' }],
          bindings: [binding('2001:db8:f::/56', '', { server: '<l2tp-dave>' })],
        }),
      ],
      '100.64.9.4',
      'found',
      '2001:db8:f::/56',
    ],
  ];

  it.each(cases)('%s', (_name, tables, ipv4, kind, ipv6) => {
    const result = lookupIpv6(collectLinks(tables), ipv4);
    expect(result.kind).toBe(kind);
    if (result.kind === 'found') expect(result.ipv6).toBe(ipv6);
  });

  it('says what is ambiguous and where it was seen', () => {
    const result = lookupIpv6(
      collectLinks([
        router('r1', { arp: [arp('100.64.0.1', M1)] }),
        router('r2', { arp: [arp('100.64.0.1', M2)] }),
      ]),
      '100.64.0.1',
    );
    expect(result).toEqual({
      kind: 'ambiguous',
      reason: `100.64.0.1 is linked to 2 MAC addresses: ${M1} (r1 ARP), ${M2} (r2 ARP)`,
    });
  });
});
