/**
 * Customers the bulk query missed (§9.6 step 8): their active internet services from the
 * per-customer lookup become `<number>_backfill` circuits, addressed from the service, the
 * subscriber row, and, when those have none, the customer's IP list.
 */
import { assemblyMacs } from './attachment.js';
import { splitIpv4Candidates } from './ips.js';
import { type BackfillAnswer, fullName, jsonObject, type Row, safeInt, text } from './records.js';
import { customerNames, type MapState } from './state.js';
import { serviceIsActive, serviceIsShapable, unitToMbps, vispMac } from './values.js';

export function mapBackfill(
  answers: readonly BackfillAnswer[],
  allowlist: ReadonlySet<string>,
  state: MapState,
): void {
  const { context, counters } = state;
  for (const answer of answers) {
    counters.backfillCustomers++;
    const id = answer.customerId;
    if (answer.error !== undefined) {
      context.warn(`VISP customer ${id} skipped: the customerServices lookup failed: ${answer.error}`);
      context.skip('lookup-failed');
      continue;
    }
    const subscriber = state.subscribers.get(id) as Row;
    let ipCache = splitIpv4Candidates(state.allowed, subscriber.package_ip, subscriber.equipment_ip);
    const full = fullName(subscriber);
    const customerName = text(subscriber.username) || full || String(id);
    const equipmentIds = new Set<number>();
    const preferredMacs = new Set<string>();
    if (full !== '') {
      for (const row of state.assemblies.atLocation(full)) {
        const assemblyId = safeInt(row.id);
        if (assemblyId > 0) equipmentIds.add(assemblyId);
        for (const mac of assemblyMacs(row)) preferredMacs.add(mac);
      }
    }
    for (const service of answer.services) {
      counters.backfillServiceCandidates++;
      const details = jsonObject(service.service_details);
      if (!serviceIsShapable(service.service_type, details, allowlist)) {
        context.skip('not-internet-service');
        continue;
      }
      if (!serviceIsActive({ status: service.status })) {
        counters.skippedInactive++;
        context.skip('inactive');
        continue;
      }
      const circuitId = text(details.service_number) || text(service.id);
      if (circuitId === '') {
        context.warn(`VISP service of customer ${id} skipped: it has neither a service_number nor an id`);
        context.skip('no-service-number');
        continue;
      }
      if (state.builder.has(circuitId)) {
        context.warn(
          `VISP service ${circuitId} of customer ${id} skipped: circuit ${circuitId} already exists`,
        );
        context.skip('duplicate-service');
        continue;
      }
      let ipv4 = splitIpv4Candidates(state.allowed, details.ip_address, ipCache);
      if (ipv4.length === 0 && answer.ipList !== undefined) {
        ipCache = splitIpv4Candidates(
          state.allowed,
          ipCache,
          answer.ipList.package_ip,
          answer.ipList.equipment_ip,
        );
        ipv4 = ipCache;
      }
      const name = text(details.username) || customerName;
      const added = state.builder.add({
        circuitId,
        name,
        downloadMbps: unitToMbps(details.down_speed, details.down_speed_unit),
        uploadMbps: unitToMbps(details.up_speed, details.up_speed_unit),
        ipv4,
        mac: vispMac(details.mac_address) || ([...preferredMacs].sort()[0] ?? ''),
        suffix: 'backfill',
        names: customerNames(name, subscriber),
        equipmentIds,
        preferredMacs,
        onlineIpv4: state.online.lookup(name, text(subscriber.username)),
        owner: `customer ${id}`,
      });
      if (added) counters.backfillShaped++;
    }
  }
}
