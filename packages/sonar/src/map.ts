import {
  compileRecordValidator,
  type FetchContext,
  type Inventory,
  type InventoryCircuit,
  type InventoryDevice,
  type InventoryNode,
  type MapContext,
  warnSome,
} from '@wispsync/core';
import { buildAccounts, type SonarAccount } from './accounts.js';
import type { SonarRaw } from './api.js';
import { splitIpVersions } from './ips.js';
import { findAccountAp, indexStations } from './placement.js';
import { accountSchema, siteSchema } from './records.js';
import { readRateRules } from './settings.js';
import { readSites, type SonarAp, type SonarSite } from './sites.js';
import type { StationReport } from './stations.js';
import { importSummary } from './summary.js';

const SKIP_TEXT: Record<string, string> = {
  'no-address': 'it has no address (and no parent account with one)',
  'no-devices':
    'it has no inventory item, RADIUS account, IP assignment or uninventoried MAC with an address',
  'no-rate': 'it has no data service and no recurring service named in recurring_service_rates',
  'duplicate-account': 'it appears twice in the account list (the first is kept)',
};

/**
 * Sonar's sites, APs and accounts → Inventory (§8.6): sites at the top, each AP that reported
 * stations under its site, each account under the AP one of its devices is associated with (by
 * MAC), else at the top level. Ids as LibreQoS's Sonar integration: `sonar:account:<id>`,
 * `sonar:device:<item>` …, nodes `sonar:site:<id>` and `sonar:ap:<item>`.
 */
export async function mapSonar(raw: SonarRaw, context: MapContext): Promise<Inventory> {
  const [checkSite, checkAccount] = await Promise.all([
    compileRecordValidator(siteSchema),
    compileRecordValidator(accountSchema),
  ]);
  const siteWarnings: string[] = [];
  const { sites, aps } = readSites(raw.sites, checkSite, (message) => siteWarnings.push(message));
  warnSome(context, siteWarnings, 'network sites skipped');

  const reports = reportsOf(raw.stations, aps, context);
  const nodes = [...siteNodes(sites), ...apNodes(aps, reports)];
  const answered = aps.flatMap((ap) => {
    const report = reports.get(ap.rawId);
    return report !== undefined && report.macs.length > 0 ? [report] : [];
  });
  const { apByMac, conflicts } = indexStations(answered);
  warnSome(
    context,
    conflicts.map(
      ({ mac, first, last }) =>
        `station ${mac} is reported by AP ${first} and AP ${last}: placed under AP ${last}`,
    ),
    'stations reported by two APs',
  );

  const skipped = new Map<string, string[]>();
  const accounts = buildAccounts(raw.accounts, {
    rules: readRateRules(context.config),
    check: checkAccount,
    onSkip: (reason, who, detail) => {
      context.skip(reason);
      const lines = skipped.get(reason) ?? [];
      lines.push(`Sonar ${who} skipped: ${detail ?? SKIP_TEXT[reason] ?? reason}`);
      skipped.set(reason, lines);
    },
  });
  for (const [reason, lines] of skipped) warnSome(context, lines, `accounts skipped (${reason})`);

  const invalid: string[] = [];
  const placed: { account: SonarAccount; parent: string | undefined }[] = [];
  const circuits: InventoryCircuit[] = accounts.map((account) => {
    const ap = findAccountAp(account, apByMac);
    placed.push({ account, parent: ap });
    return {
      id: account.id,
      name: account.name,
      address: account.address,
      parentId: ap === undefined ? null : apNodeId(ap),
      rate: account.rate,
      devices: account.devices.map((device): InventoryDevice => {
        const split = splitIpVersions(device.ips);
        if (split.invalid.length > 0) {
          context.skip('invalid-ip', split.invalid.length);
          invalid.push(
            `Sonar ${device.id} of ${account.id}: invalid IP assignment(s) skipped: ${split.invalid.join(', ')}`,
          );
        }
        return { id: device.id, name: device.name, mac: device.mac, ipv4: split.ipv4, ipv6: split.ipv6 };
      }),
    };
  });
  warnSome(context, invalid, 'devices with invalid IP assignments');

  info(
    context,
    importSummary({
      sites,
      aps,
      accounts: placed.map(({ account, parent }) => ({ parent, devices: account.devices })),
    }),
  );
  return { source: 'sonar', nodes, circuits };
}

/** Station reports by AP, each failure warned about once (in AP order). */
function reportsOf(
  stations: readonly StationReport[],
  aps: readonly SonarAp[],
  context: MapContext,
): Map<string, StationReport> {
  const byAp = new Map(stations.map((report) => [report.apRawId, report]));
  const failures: string[] = [];
  for (const ap of aps) {
    const report = byAp.get(ap.rawId);
    if (report?.error !== undefined) {
      context.skip('ap-not-answering');
      failures.push(
        `Sonar AP ${ap.rawId} (${ap.host}) skipped: ${report.error}; its accounts go to the top level`,
      );
    }
  }
  warnSome(context, failures, 'access points that did not answer SNMP');
  return byAp;
}

function siteNodes(sites: readonly SonarSite[]): InventoryNode[] {
  return sites.map((site) => ({
    kind: 'site',
    id: siteNodeId(site.rawId),
    name: site.name,
    parentId: null,
    networkJsonId: `sonar:site:${site.rawId}`,
  }));
}

/** APs that reported at least one station (an AP without stations has no accounts to hold). */
function apNodes(aps: readonly SonarAp[], reports: ReadonlyMap<string, StationReport>): InventoryNode[] {
  const nodes: InventoryNode[] = [];
  for (const ap of aps) {
    const report = reports.get(ap.rawId);
    if (report === undefined || report.macs.length === 0) continue;
    nodes.push({
      kind: 'ap',
      id: apNodeId(ap.rawId),
      name: report.name || `AP ${ap.host}`,
      parentId: siteNodeId(ap.siteRawId),
      networkJsonId: `sonar:ap:${ap.rawId}`,
    });
  }
  return nodes;
}

export function siteNodeId(rawId: string): string {
  return `site_${rawId}`;
}

export function apNodeId(rawId: string): string {
  return `ap_${rawId}`;
}

/** The import summary is information, not a warning: printed when the runner gave a reporter. */
function info(context: MapContext, message: string): void {
  const reporter = (context as Partial<FetchContext>).reporter;
  reporter?.info(message);
}
