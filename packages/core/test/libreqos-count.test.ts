import { describe, expect, it } from 'vitest';
import { countCircuits } from '../src/libreqos/index.js';

const HEADER =
  'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment';

describe('countCircuits', () => {
  it.each([
    ['header only', `${HEADER}\n`, 0],
    [
      'distinct ids, several devices per circuit',
      `${HEADER}\nc1,A,d1,x,,,1.1.1.1,,1,1,2,2,\nc1,A,d2,y,,,1.1.1.2,,1,1,2,2,\nc2,B,d3,z,,,1.1.1.3,,1,1,2,2,\n`,
      2,
    ],
    [
      'comments, blank lines, CRLF, BOM',
      `\uFEFF${HEADER}\r\n# c9,comment\r\n\r\nc1,A,d1,x,,,1.1.1.1,,1,1,2,2,\r\n`,
      1,
    ],
    [
      'quoted fields (full parser)',
      `${HEADER}\n"c,1",A,d1,x,,,"1.1.1.1, 1.1.1.2",,1,1,2,2,\nc2,B,d3,z,,,1.1.1.3,,1,1,2,2,\n`,
      2,
    ],
    [
      'a header with Circuit ID elsewhere (full parser)',
      'Device ID,Circuit ID,Circuit Name\nd1,c1,A\nd2,c1,A\nd3,c2,B\n',
      2,
    ],
    ['no file content', '', 0],
  ])('%s', (_label, text, expected) => {
    expect(countCircuits(text)).toBe(expected);
  });
});
