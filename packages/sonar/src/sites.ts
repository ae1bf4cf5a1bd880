import { inspectIp, type RecordValidator, toText } from '@wispsync/core';
import { type Entity, entitiesOf, subnetsOf } from './entities.js';

export interface SonarSite {
  /** Sonar's network site id. */
  rawId: string;
  name: string;
}

export interface SonarAp {
  /** Sonar's inventory item id. */
  rawId: string;
  siteRawId: string;
  /** `inventory_model_id` as text: compared as text with the configured ids. */
  modelId: string;
  /** The first assigned address, as Sonar gives it (it may carry a `/prefix`). */
  ip: string;
  /** The address SNMP is sent to: `ip` without its prefix; '' when `ip` is not an address. */
  host: string;
}

export interface SiteList {
  sites: SonarSite[];
  aps: SonarAp[];
}

/**
 * Network sites → sites and APs (§8.3). An inventory item with an address is an AP: its
 * addresses are those of its field data, then its own; the first one is used. A site is kept when
 * it has at least one AP; sites without AP addresses are dropped, as LibreQoS does.
 */
export function readSites(
  entities: readonly unknown[],
  check: RecordValidator,
  warn: (message: string) => void,
): SiteList {
  const sites: SonarSite[] = [];
  const aps: SonarAp[] = [];
  const seenSites = new Set<string>();
  entities.forEach((record, index) => {
    const site = (record ?? {}) as Entity;
    const problems = check(record);
    const rawId = toText(site.id);
    if (problems.length > 0 || rawId === '') {
      warn(
        `Sonar network site ${rawId || `#${index + 1}`} skipped: ${problems.join('; ') || 'it has no id'}`,
      );
      return;
    }
    if (seenSites.has(rawId)) return; // a repeat on a later page (records moved while paging)
    const found: SonarAp[] = [];
    for (const item of entitiesOf(site.inventory_items)) {
      const ips = [
        ...entitiesOf(item.inventory_model_field_data).flatMap((data) => subnetsOf(data.ip_assignments)),
        ...subnetsOf(item.ip_assignments),
      ];
      const ip = ips[0];
      if (ip === undefined) continue;
      found.push({
        rawId: toText(item.id),
        siteRawId: rawId,
        modelId: toText(item.inventory_model_id),
        ip,
        host: hostOf(ip),
      });
    }
    if (found.length === 0) return;
    seenSites.add(rawId);
    sites.push({ rawId, name: toText(site.name) || `Site ${rawId}` });
    aps.push(...found);
  });
  return { sites, aps };
}

/** `10.1.0.1/24` → `10.1.0.1` (LibreQoS hands the whole text to snmpwalk, which cannot resolve it). */
export function hostOf(ip: string): string {
  const parsed = inspectIp(ip);
  return parsed.ok ? parsed.info.address : '';
}
