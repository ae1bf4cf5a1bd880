import { type InventoryCircuit, type MapContext, toText } from '@wispsync/core';
import { AddressBook, addressList, describeService, type ServiceLabel } from './addresses.js';
import { serviceDeviceId, splynxId } from './ids.js';
import {
  type Customer,
  customerAddress,
  type OnlineAddresses,
  type RawRecord,
  type Tariff,
} from './records.js';
import type { WarningGroups } from './warnings.js';

export interface ServicesInput {
  services: readonly RawRecord[];
  tariffs: ReadonlyMap<string, Tariff>;
  /** Tariffs Splynx sent that cannot be used, with the reason. */
  brokenTariffs: ReadonlyMap<string, string>;
  customers: ReadonlyMap<string, Customer>;
  online: ReadonlyMap<string, OnlineAddresses>;
  /** Fill in circuit addresses (only read with circuit_name_as_address). */
  withAddress?: boolean;
  parentOf(service: RawRecord): string | null;
  /** Services removed by exclude_sites before they claim any address. */
  excludes?(service: RawRecord): boolean;
  warnings: WarningGroups;
  context: Pick<MapContext, 'skip'>;
}

export interface ServicesResult {
  circuits: InventoryCircuit[];
  counts: { active: number; static: number; supplemented: number; fallback: number };
}

interface Pending extends ServiceLabel {
  record: RawRecord;
  customer: Customer | undefined;
  tariff: Tariff;
  ipv4: string[];
  ipv6: string[];
}

/**
 * Active services → circuits, one per service (circuit id = service id). Static addresses first,
 * in service order; then customers-online sessions fill in the address family a service has none
 * of; then services with no static address at all are created from their sessions. A service
 * with no address anywhere is left out (`no-ip`). An address is held by the first service that
 * claims it; a later claim is refused with a warning naming both customers.
 */
export function mapServices(input: ServicesInput): ServicesResult {
  const { warnings, context } = input;
  const book = new AddressBook(({ address, kind, owner, loser }) => {
    warnings.add(
      'duplicate addresses dropped',
      `Splynx ${describeService(loser)}: ${kind} ${address} is already used by ${describeService(owner)}; dropped from service ${loser.serviceId}`,
    );
    context.skip('duplicate-ip');
  });

  const pending = collectActive(input);
  for (const entry of pending) {
    const { record } = entry;
    book.claim(entry, addressList(record.ipv4), 'IPv4', entry.ipv4);
    book.claim(entry, addressList(record.ipv4_route), 'IPv4 route', entry.ipv4);
    book.claim(entry, addressList(record.ipv6), 'IPv6', entry.ipv6);
    book.claim(entry, addressList(record.ipv6_delegated), 'IPv6 delegation', entry.ipv6);
  }
  const handled = pending.filter((entry) => entry.ipv4.length > 0 || entry.ipv6.length > 0);
  const unhandled = pending.filter((entry) => entry.ipv4.length === 0 && entry.ipv6.length === 0);

  let supplemented = 0;
  for (const entry of handled) {
    const session = input.online.get(entry.serviceId);
    if (session === undefined) continue;
    let added = false;
    if (entry.ipv4.length === 0 && session.ipv4.length > 0) {
      entry.ipv4 = book.claimFree(entry, session.ipv4, 'online IPv4');
      added ||= entry.ipv4.length > 0;
    }
    if (entry.ipv6.length === 0 && session.ipv6.length > 0) {
      entry.ipv6 = book.claimFree(entry, session.ipv6, 'online IPv6');
      added ||= entry.ipv6.length > 0;
    }
    if (added) supplemented++;
  }

  const fallback: Pending[] = [];
  for (const entry of unhandled) {
    const session = input.online.get(entry.serviceId);
    if (session !== undefined) {
      entry.ipv4 = book.claimFree(entry, session.ipv4, 'online IPv4');
      entry.ipv6 = book.claimFree(entry, session.ipv6, 'online IPv6');
    }
    if (entry.ipv4.length > 0 || entry.ipv6.length > 0) fallback.push(entry);
    else context.skip('no-ip');
  }

  const circuits = [...handled, ...fallback].map((entry) =>
    toCircuit(entry, input.parentOf(entry.record), input.withAddress === true),
  );
  return {
    circuits,
    counts: { active: pending.length, static: handled.length, supplemented, fallback: fallback.length },
  };
}

/** Active services with a usable tariff, each id once, in Splynx order. */
function collectActive(input: ServicesInput): Pending[] {
  const { warnings, context } = input;
  const seen = new Set<string>();
  const out: Pending[] = [];
  for (const record of input.services) {
    const id = splynxId(record.id);
    if (toText(record.status).toLowerCase() !== 'active') {
      context.skip('inactive-service');
      continue;
    }
    if (id === '' || seen.has(id)) {
      warnings.add(
        'services skipped',
        `Splynx service ${id || '0'} skipped: ${id === '' ? 'it has no id' : 'its id appears twice (the first is used)'}`,
      );
      context.skip(id === '' ? 'invalid-record' : 'duplicate-service');
      continue;
    }
    seen.add(id);
    const customerId = splynxId(record.customer_id);
    const customer = input.customers.get(customerId);
    const name = customer?.name || customerId || id;
    if (customer === undefined) {
      warnings.add(
        'services of unknown customers',
        customerId === ''
          ? `Splynx service ${id} has no customer_id: its circuit is named "${name}"`
          : `Splynx service ${id} names customer ${customerId}, which is not in the customer list: its circuit is named "${name}"`,
      );
    }
    const tariffId = splynxId(record.tariff_id);
    const tariff = input.tariffs.get(tariffId);
    if (tariff === undefined) {
      const broken = input.brokenTariffs.get(tariffId);
      const why =
        tariffId === ''
          ? 'it has no tariff_id'
          : broken !== undefined
            ? `its tariff ${tariffId} is unusable (${broken})`
            : `its tariff ${tariffId} is not in the internet tariff list`;
      warnings.add(
        'services without a usable tariff skipped',
        `Splynx ${describeService({ serviceId: id, customerId, name })} skipped: ${why}`,
      );
      context.skip(broken !== undefined ? 'invalid-tariff' : 'unknown-tariff');
      continue;
    }
    if (input.excludes?.(record)) {
      context.skip('excluded');
      continue;
    }
    out.push({ serviceId: id, customerId, name, record, customer, tariff, ipv4: [], ipv6: [] });
  }
  return out;
}

function toCircuit(entry: Pending, parentId: string | null, withAddress: boolean): InventoryCircuit {
  const { serviceId, name, tariff } = entry;
  return {
    id: serviceId,
    name,
    address: withAddress && entry.customer !== undefined ? customerAddress(entry.customer.record) : undefined,
    parentId,
    rate: {
      downloadMbps: tariff.downloadMbps,
      uploadMbps: tariff.uploadMbps,
      burstDownloadMbps: tariff.burstDownloadMbps,
      burstUploadMbps: tariff.burstUploadMbps,
    },
    devices: [
      {
        id: serviceDeviceId(serviceId),
        name,
        mac: toText(entry.record.mac),
        ipv4: entry.ipv4,
        ipv6: entry.ipv6,
      },
    ],
  };
}
