import { createRequire } from 'node:module';
import { type IpInfo, inspectIp, normalizeIp } from '@wispsync/core';
import type * as IpaddrModule from 'ipaddr.js';

// ipaddr.js is CommonJS (`export =`) and the tsconfig has no synthetic default imports.
const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof IpaddrModule;

/** `100.64.0.5/24` → `100.64.0.0/24`: the host bits cleared, the prefix kept. */
export function clearHostBits(info: IpInfo): string {
  const bytes = info.bytes.map((byte, i) => {
    const keep = Math.min(8, Math.max(0, info.prefix - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  const address = ipaddr.fromByteArray(bytes);
  const text = info.family === 4 ? address.toString() : (address as IpaddrModule.IPv6).toRFC5952String();
  return `${text}/${info.prefix}`;
}

export type IpFix =
  | { kind: 'keep'; text: string; family: 4 | 6 }
  | { kind: 'cleared'; text: string; family: 4 | 6 }
  | { kind: 'moved'; text: string; family: 4 | 6 }
  | { kind: 'invalid'; reason: string };

/** One IP item of the given column, corrected where it can be. */
export function fixIpItem(item: string, column: 4 | 6): IpFix {
  const parsed = inspectIp(item);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
  const info = parsed.info;
  const text = info.network ? item.trim() : clearHostBits(info);
  if (!info.network) return { kind: 'cleared', text, family: info.family };
  return { kind: info.family === column ? 'keep' : 'moved', text, family: info.family };
}

/** The key two items share when they are the same network (`100.64.0.1` = `100.64.0.1/32`). */
export function ipKey(text: string): string {
  const normal = normalizeIp(text);
  return normal.ok ? normal.text : text;
}
