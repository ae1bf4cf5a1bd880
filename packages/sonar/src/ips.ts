import { inspectIp } from '@wispsync/core';

export interface IpVersions {
  ipv4: string[];
  ipv6: string[];
  /** Texts that are not an address or network (e.g. `bogus`). */
  invalid: string[];
}

/** Sorts addresses by family, keeping the original text (host bits and prefixes included). */
export function splitIpVersions(ips: readonly string[]): IpVersions {
  const out: IpVersions = { ipv4: [], ipv6: [], invalid: [] };
  for (const ip of ips) {
    const parsed = inspectIp(ip);
    if (!parsed.ok) out.invalid.push(ip);
    else (parsed.info.family === 4 ? out.ipv4 : out.ipv6).push(ip);
  }
  return out;
}
