import { normalizeMac } from '@wispsync/core';
import type { SonarAccount } from './accounts.js';
import type { StationReport } from './stations.js';

/** MACs compare in one spelling: `24:5a:4c:11:22:33` whatever case or separators Sonar or the AP used. */
export function macKey(mac: string): string {
  return normalizeMac(mac).toLowerCase();
}

export interface MacIndex {
  /** station MAC (macKey) → the AP's inventory item id. */
  apByMac: Map<string, string>;
  /** MACs two APs report, for a warning: `mac` seen on `first`, kept on `last`. */
  conflicts: { mac: string; first: string; last: string }[];
}

/** Station MAC → AP. When two APs report a MAC, the later AP (site and AP order) wins, as in LibreQoS. */
export function indexStations(reports: readonly StationReport[]): MacIndex {
  const apByMac = new Map<string, string>();
  const conflicts: MacIndex['conflicts'] = [];
  for (const report of reports) {
    for (const mac of report.macs) {
      const key = macKey(mac);
      const earlier = apByMac.get(key);
      if (earlier !== undefined && earlier !== report.apRawId) {
        conflicts.push({ mac: key, first: earlier, last: report.apRawId });
      }
      apByMac.set(key, report.apRawId);
    }
  }
  return { apByMac, conflicts };
}

/** The AP of the account's first device whose MAC an AP reports; undefined: none does. */
export function findAccountAp(
  account: SonarAccount,
  apByMac: ReadonlyMap<string, string>,
): string | undefined {
  for (const device of account.devices) {
    if (device.mac === '') continue;
    const ap = apByMac.get(macKey(device.mac));
    if (ap !== undefined) return ap;
  }
  return undefined;
}
