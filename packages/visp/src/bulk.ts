/**
 * The wireless bulk records (§9.6 step 4): one record per customer with its wireless services and
 * CPE equipment. Each active service with a number becomes a `<number>_wifi` circuit, addressed from
 * the service, then the subscriber row, then the equipment.
 */
import { bulkIpv4Candidates } from './ips.js';
import { objectRows, type Row, safeInt, text } from './records.js';
import { customerNames, type MapState } from './state.js';
import { serviceIsActive, unitToMbps, vispMac } from './values.js';

export function mapBulk(records: readonly Row[], state: MapState): void {
  const { context, counters } = state;
  for (const [index, record] of records.entries()) {
    const customerId = safeInt(record.customer_id);
    const name = text(record.username);
    const services = record.wireless_services;
    if (name === '') {
      context.warn(
        `VISP bulk record ${customerId > 0 ? `of customer ${customerId}` : `#${index + 1}`} skipped: it has no username`,
      );
      context.skip('no-username');
      continue;
    }
    if (!Array.isArray(services)) {
      if (services !== null && services !== undefined) {
        context.warn(`VISP bulk record "${name}" skipped: wireless_services is not a list`);
        context.skip('invalid-record');
      }
      continue;
    }
    const equipment = objectRows(record.equipment).rows;
    const equipmentIds = new Set<number>();
    const preferredMacs = new Set<string>();
    for (const row of equipment) {
      const id = safeInt(row.equipment_id);
      if (id > 0) equipmentIds.add(id);
      for (const mac of [vispMac(row.mac_address), vispMac(row.radio_mac)]) {
        if (mac !== '') preferredMacs.add(mac);
      }
    }
    const subscriber = customerId > 0 ? state.subscribers.get(customerId) : undefined;
    const names = customerNames(name, subscriber);
    for (const service of objectRows(services).rows) {
      counters.wifiBulkServices++;
      if (!serviceIsActive(service)) {
        counters.skippedInactive++;
        context.skip('inactive');
        continue;
      }
      const circuitId = text(service.service_number);
      if (circuitId === '') {
        context.warn(`VISP bulk service of "${name}" skipped: it has no service_number`);
        context.skip('no-service-number');
        continue;
      }
      const mac = vispMac(service.mac_address);
      if (mac !== '') preferredMacs.add(mac);
      state.builder.add({
        circuitId,
        name,
        downloadMbps: unitToMbps(service.down_speed, service.down_speed_unit),
        uploadMbps: unitToMbps(service.up_speed, service.up_speed_unit),
        ipv4: bulkIpv4Candidates(state.allowed, subscriber, service, equipment),
        mac,
        suffix: 'wifi',
        names,
        equipmentIds,
        preferredMacs,
        onlineIpv4: state.online.lookup(name, text(subscriber?.username)),
        owner: customerId > 0 ? `customer ${customerId}` : `"${name}"`,
      });
    }
  }
}
