import {
  compileRecordValidator,
  type Inventory,
  type MapContext,
  type RecordValidator,
} from '@wispsync/core';
import type { SplynxRaw } from './api.js';
import { readHardware } from './hardware.js';
import { splynxId } from './ids.js';
import { applySplynxOverrides, OVERRIDES_FILE } from './overrides.js';
import { type Customer, onlineByService, sectorsByRouter, toCustomer, validRecords } from './records.js';
import {
  customerSchema,
  monitoringSchema,
  networkSiteSchema,
  onlineSchema,
  sectorSchema,
  serviceSchema,
  tariffSchema,
} from './schema.js';
import { mapServices } from './services.js';
import { readNetworkSites, usesNetworkSites } from './sites.js';
import { readTariffs } from './tariffs.js';
import { buildInfrastructure, type TreeShape } from './topology.js';
import { WarningGroups } from './warnings.js';

const NO_RECORDS: RecordValidator = () => [];

/**
 * Splynx lists → Inventory. Infrastructure comes from the monitoring hierarchy (or Network Sites
 * for ap_site); each active service becomes one circuit with one device, placed under its access
 * device, router or router sector. Core then applies the strategy, exclusions, promote_to_root,
 * address checks and rate math.
 */
export async function mapSplynx(raw: SplynxRaw, context: MapContext): Promise<Inventory> {
  const warnings = new WarningGroups();
  // Compiling a validator costs a few milliseconds each: only for lists that have records.
  const lists = [
    [raw.tariffs, tariffSchema],
    [raw.customers, customerSchema],
    [raw.online, onlineSchema],
    [raw.services, serviceSchema],
    [raw.sectors, sectorSchema],
    [raw.monitoring, monitoringSchema],
    [raw.networkSites, networkSiteSchema],
  ] as const;
  const [checkTariff, checkCustomer, checkOnline, checkService, checkSector, checkDevice, checkSite] =
    (await Promise.all(
      lists.map(([list, schema]) => (list.length === 0 ? NO_RECORDS : compileRecordValidator(schema))),
    )) as [
      RecordValidator,
      RecordValidator,
      RecordValidator,
      RecordValidator,
      RecordValidator,
      RecordValidator,
      RecordValidator,
    ];
  const valid = (list: unknown[], check: RecordValidator, what: string) =>
    validRecords(list, check, what, warnings, context);

  const tariffs = readTariffs(raw.tariffs, checkTariff, warnings, context);
  const customers = new Map<string, Customer>();
  for (const record of valid(raw.customers, checkCustomer, 'customer')) {
    const id = splynxId(record.id);
    if (id !== '' && !customers.has(id)) customers.set(id, toCustomer(record));
  }
  const online = onlineByService(valid(raw.online, checkOnline, 'online session'));
  const services = valid(raw.services, checkService, 'service');

  const monitoring = valid(raw.monitoring, checkDevice, 'monitoring device');
  const siteRecords = valid(raw.networkSites, checkSite, 'network site');
  const accessDeviceIds = new Set<string>();
  for (const service of services) {
    const id = splynxId(service.access_device);
    if (id !== '') accessDeviceIds.add(id);
  }
  const shape: TreeShape = !raw.hierarchy
    ? 'none'
    : usesNetworkSites(context.strategy, siteRecords, monitoring)
      ? 'network-sites'
      : 'monitoring';
  const infrastructure = buildInfrastructure({
    shape,
    apParentsOnly: context.strategy === 'ap_only' || shape === 'network-sites',
    devices: readHardware(monitoring, accessDeviceIds, warnings),
    sites: shape === 'network-sites' ? readNetworkSites(siteRecords, warnings) : [],
    sectors: sectorsByRouter(valid(raw.sectors, checkSector, 'router sector')),
    excludeSites: context.common.excludeSites,
    warnings,
  });

  const { circuits } = mapServices({
    services,
    tariffs: tariffs.usable,
    brokenTariffs: tariffs.broken,
    customers,
    online,
    withAddress: context.common.circuitNameAsAddress,
    parentOf: infrastructure.parentOf,
    excludes: infrastructure.excludes,
    warnings,
    context,
  });
  const inventory: Inventory = { source: 'splynx', nodes: infrastructure.nodes, circuits };

  if (context.strategy !== 'flat') {
    const unmatched = await applySplynxOverrides(inventory, infrastructure.rawNames, context.outputDir);
    for (const row of unmatched) {
      warnings.add(
        'override rows unmatched',
        `${OVERRIDES_FILE} line ${row.line}: no site or AP is named "${row.name}"; the row is ignored`,
      );
    }
  }
  warnings.flush(context.warn);
  return inventory;
}
