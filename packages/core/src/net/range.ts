import type { IpInfo } from './ip.js';

/**
 * Inclusive span of a parsed address or network. IPv4 bounds are numbers; IPv6 bounds are
 * 32-digit lower-case hex strings, which compare with < and > like the numbers they spell
 * (much cheaper than BigInt when done 200k times).
 */
export type IpRange = { family: 4; start: number; end: number } | { family: 6; start: string; end: string };

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function ipRange(info: IpInfo): IpRange {
  const { bytes, prefix } = info;
  if (info.family === 4) {
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    const value = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const size = 2 ** (32 - prefix);
    const start = value - (value % size);
    return { family: 4, start, end: start + size - 1 };
  }
  let start = '';
  let end = '';
  for (let i = 0; i < 16; i++) {
    const networkBits = Math.min(8, Math.max(0, prefix - i * 8));
    const hostMask = 0xff >> networkBits;
    const byte = bytes[i] ?? 0;
    start += HEX[byte & ~hostMask & 0xff];
    end += HEX[(byte | hostMask) & 0xff];
  }
  return { family: 6, start, end };
}
