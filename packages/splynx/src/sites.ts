import type { Strategy } from '@wispsync/core';
import { splynxId } from './ids.js';
import { type Coordinates, disambiguateNames, firstText, parseGps } from './names.js';
import type { RawRecord } from './records.js';
import type { WarningGroups } from './warnings.js';

/** A Splynx Network Site (Networking › Network Sites). */
export interface NetworkSite {
  id: string;
  /** `title`, else `description`, whitespace-normalised; `(<id>)` added when shared. */
  name: string;
  /** The same as typed in Splynx, for override files. */
  rawName: string;
  coordinates: Coordinates | undefined;
}

export function readNetworkSites(records: readonly RawRecord[], warnings: WarningGroups): NetworkSite[] {
  const rawNames = new Map<string, string>();
  const coordinates = new Map<string, Coordinates | undefined>();
  for (const record of records) {
    const id = splynxId(record.id);
    if (id === '' || rawNames.has(id)) {
      warnings.add(
        'network sites skipped',
        `Splynx network site ${id || '0'} skipped: ${id === '' ? 'it has no id' : 'its id appears twice'}`,
      );
      continue;
    }
    rawNames.set(id, firstText(record.title, record.description) || id);
    coordinates.set(id, parseGps(record.gps));
  }
  const names = disambiguateNames(rawNames);
  return [...rawNames].map(([id, rawName]) => ({
    id,
    name: names.get(id) ?? id,
    rawName,
    coordinates: coordinates.get(id),
  }));
}

/**
 * `ap_site` builds site → AP from Network Sites when Splynx has any and at least one monitoring
 * device is assigned to one; otherwise (and always for `full`) from the monitoring hierarchy.
 */
export function usesNetworkSites(
  strategy: Strategy,
  sites: readonly unknown[],
  monitoring: readonly unknown[],
): boolean {
  if (strategy !== 'ap_site' || sites.length === 0) return false;
  return monitoring.some(
    (device) =>
      device !== null && typeof device === 'object' && splynxId((device as RawRecord).network_site_id) !== '',
  );
}
