/** The counters of LibreQoS's `[VISP] shaped=… elapsed_s=…` summary line (§9.6 step 10). */

export interface Counters {
  shaped: number;
  wifiBulkServices: number;
  subscribersRows: number;
  bulkCustomers: number;
  backfillCustomers: number;
  backfillServiceCandidates: number;
  backfillShaped: number;
  topologySites: number;
  topologyEquipment: number;
  topologyAttached: number;
  skippedInactive: number;
  skippedNoIp: number;
  skippedNoSpeed: number;
  /** Not in LibreQoS: services whose only address came from an online RADIUS session. */
  onlineAddresses: number;
}

export function newCounters(): Counters {
  return {
    shaped: 0,
    wifiBulkServices: 0,
    subscribersRows: 0,
    bulkCustomers: 0,
    backfillCustomers: 0,
    backfillServiceCandidates: 0,
    backfillShaped: 0,
    topologySites: 0,
    topologyEquipment: 0,
    topologyAttached: 0,
    skippedInactive: 0,
    skippedNoIp: 0,
    skippedNoSpeed: 0,
    onlineAddresses: 0,
  };
}

/** LibreQoS's line, same names and order (without `elapsed_s`: the run summary has the time). */
export function summaryLine(counters: Counters): string {
  const fields: [string, number][] = [
    ['shaped', counters.shaped],
    ['wifi_bulk_services', counters.wifiBulkServices],
    ['subscribers_rows', counters.subscribersRows],
    ['bulk_customers', counters.bulkCustomers],
    ['backfill_customers', counters.backfillCustomers],
    ['backfill_service_candidates', counters.backfillServiceCandidates],
    ['backfill_shaped', counters.backfillShaped],
    ['topology_sites', counters.topologySites],
    ['topology_equipment', counters.topologyEquipment],
    ['topology_attached', counters.topologyAttached],
    ['skipped_inactive', counters.skippedInactive],
    ['skipped_no_ip', counters.skippedNoIp],
    ['skipped_no_speed', counters.skippedNoSpeed],
    ['online_addresses', counters.onlineAddresses],
  ];
  return `VISP: ${fields.map(([name, value]) => `${name}=${value}`).join(' ')}`;
}
