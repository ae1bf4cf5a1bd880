import { describe, expect, it } from 'vitest';
import { createSubnetMatcher, normalizeIp, normalizeMac, splitIpList } from '../src/net/index.js';

describe('normalizeIp', () => {
  it.each([
    ['100.64.0.1', 4, '100.64.0.1'],
    ['  100.64.0.1 ', 4, '100.64.0.1'],
    ['100.64.0.1/32', 4, '100.64.0.1'],
    ['100.64.0.0/24', 4, '100.64.0.0/24'],
    ['100.64.0.5/24', 4, '100.64.0.5'],
    ['0.0.0.0/0', 4, '0.0.0.0/0'],
    ['10.0.0.0/8', 4, '10.0.0.0/8'],
    ['2001:DB8::1', 6, '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 6, '2001:db8::1'],
    ['2001:db8::1/128', 6, '2001:db8::1'],
    ['2001:db8:10::/56', 6, '2001:db8:10::/56'],
    ['2001:db8:0:0::/64', 6, '2001:db8::/64'],
    ['fdd7::1/64', 6, 'fdd7::1'],
    ['[2001:db8::1]', 6, '2001:db8::1'],
    ['[2001:db8::]/64', 6, '2001:db8::/64'],
    ['fe80::1%eth0', 6, 'fe80::1'],
    ['[fe80::1%eth0]', 6, 'fe80::1'],
    ['::ffff:1.2.3.4', 6, '::ffff:1.2.3.4'],
    ['::', 6, '::'],
    ['2001:db8:0:1:0:0:0:1', 6, '2001:db8:0:1::1'],
  ] as const)('%s → IPv%s %s', (raw, family, text) => {
    expect(normalizeIp(raw)).toEqual({ ok: true, family, text });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['garbage', /not an IP address/],
    ['256.1.1.1', /not an IP address/],
    ['10', /not an IP address/],
    ['0x0a.0.0.1', /not an IP address/],
    ['010.0.0.1', /not an IP address/],
    ['1.2.3', /not an IP address/],
    ['1::2::3', /not an IP address/],
    ['1.2.3.4/33', /invalid prefix/],
    ['2001:db8::/129', /invalid prefix/],
    ['1.2.3.4/', /invalid prefix/],
    ['1.2.3.4/x', /invalid prefix/],
    ['1.2.3.4/-1', /invalid prefix/],
    ['[2001:db8::1', /unclosed/],
    ['[2001:db8::1]x', /not an IP address/],
    ['100.64.0.1;100.64.0.2', /not an IP address/],
  ])('%j is rejected', (raw, reason) => {
    const result = normalizeIp(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('splitIpList', () => {
  it.each([
    ['100.64.0.1, 100.64.0.2', ['100.64.0.1', '100.64.0.2']],
    ['100.64.0.1;100.64.0.2 100.64.0.3\n100.64.0.1', ['100.64.0.1', '100.64.0.2', '100.64.0.3']],
    [' , ;', []],
    ['', []],
    [
      ['a', ' b ', 'a', '', 'c, d'],
      ['a', 'b', 'c', 'd'],
    ],
    [null, []],
    [42, []],
    [['x', 7, null], ['x']],
  ] as const)('%j', (value, expected) => {
    expect(splitIpList(value)).toEqual(expected);
  });
});

describe('normalizeMac', () => {
  it.each([
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['aa-bb-cc-dd-ee-ff', 'aa:bb:cc:dd:ee:ff'],
    ['aabb.ccdd.eeff', 'aa:bb:cc:dd:ee:ff'],
    ['AABBCCDDEEFF', 'aa:bb:cc:dd:ee:ff'],
    ['  aa:bb:cc:dd:ee:ff  ', 'aa:bb:cc:dd:ee:ff'],
    ['radius-user@isp', 'radius-user@isp'],
    [' jane ', 'jane'],
    ['aa:bb:cc:dd:ee', 'aa:bb:cc:dd:ee'],
    ['gg:bb:cc:dd:ee:ff', 'gg:bb:cc:dd:ee:ff'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeMac(raw)).toBe(expected);
  });
});

describe('createSubnetMatcher', () => {
  const matcher = createSubnetMatcher(['10.0.0.0/8', '100.64.0.0/10', '192.168.1.7', '2001:db8::/32']);

  it.each([
    ['10.1.2.3', true],
    ['11.0.0.1', false],
    ['100.127.255.255', true],
    ['100.128.0.0', false],
    ['192.168.1.7', true],
    ['192.168.1.8', false],
    ['10.9.0.0/16', true],
    ['10.0.0.0/7', false],
    ['2001:db8:ffff::1', true],
    ['2001:db9::1', false],
    ['::ffff:10.0.0.1', false],
    ['[2001:db8::1]', true],
    ['not an ip', false],
  ])('%s → %s', (ip, expected) => {
    expect(matcher.contains(ip)).toBe(expected);
  });

  it('never matches an IPv6 address against IPv4 networks', () => {
    expect(createSubnetMatcher(['0.0.0.0/0']).contains('::1')).toBe(false);
    expect(createSubnetMatcher(['::/0']).contains('1.2.3.4')).toBe(false);
  });

  it('an empty list matches nothing', () => {
    expect(createSubnetMatcher([]).contains('10.0.0.1')).toBe(false);
  });

  it('throws a plain Error naming an invalid entry', () => {
    expect(() => createSubnetMatcher(['10.0.0.0/8', '10.0.0.0/40'])).toThrow(/'10\.0\.0\.0\/40'/);
    expect(() => createSubnetMatcher(['nope'])).toThrow(Error);
  });

  it('is fast enough for 200k lookups', () => {
    const m = createSubnetMatcher([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '100.64.0.0/10',
      'fd00::/8',
    ]);
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 200_000; i++) {
      if (m.contains(`100.${64 + (i % 2) * 64}.${(i >> 8) & 255}.${i & 255}`)) hits++;
    }
    expect(hits).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
