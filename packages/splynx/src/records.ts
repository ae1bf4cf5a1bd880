import { type MapContext, type RecordValidator, toNumber, toText } from '@wispsync/core';
import { addressList } from './addresses.js';
import { splynxId } from './ids.js';
import type { WarningGroups } from './warnings.js';

export type RawRecord = Record<string, unknown>;

/** The validator's problems as one clause: `speed_upload is missing; ipv4 must be string …`. */
export function problemText(problems: readonly string[]): string {
  return problems.map((problem) => problem.replace(/^record is missing (\S+)$/, '$1 is missing')).join('; ');
}

/**
 * The records that pass `check`; each other one is reported with its id (or position) and what is
 * wrong, and counted as `invalid-record`. Unknown fields are ignored.
 */
export function validRecords(
  list: readonly unknown[],
  check: RecordValidator,
  what: string,
  warnings: WarningGroups,
  context: Pick<MapContext, 'skip'>,
): RawRecord[] {
  const out: RawRecord[] = [];
  list.forEach((record, index) => {
    const problems = check(record);
    if (problems.length === 0) {
      out.push(record as RawRecord);
      return;
    }
    const id = record !== null && typeof record === 'object' ? toText((record as RawRecord).id) : '';
    warnings.add(
      `invalid Splynx ${what} records skipped`,
      `Splynx ${what} ${id || `#${index + 1}`} skipped: ${problemText(problems)}`,
    );
    context.skip('invalid-record');
  });
  return out;
}

export interface Tariff {
  id: string;
  downloadMbps: number;
  uploadMbps: number;
  /** Mbps the fixed burst limit allows above the plan (0 when none). */
  burstDownloadMbps: number;
  burstUploadMbps: number;
}

/** Tariff speeds are kbps. `burst_limit_fixed_*` is the burst speed itself, so it only ever raises the max. */
export function toTariff(record: RawRecord): Tariff {
  const down = (toNumber(record.speed_download) ?? 0) / 1000;
  const up = (toNumber(record.speed_upload) ?? 0) / 1000;
  const burstDown = (toNumber(record.burst_limit_fixed_down) ?? 0) / 1000;
  const burstUp = (toNumber(record.burst_limit_fixed_up) ?? 0) / 1000;
  return {
    id: splynxId(record.id),
    downloadMbps: down,
    uploadMbps: up,
    burstDownloadMbps: Math.max(0, burstDown - down),
    burstUploadMbps: Math.max(0, burstUp - up),
  };
}

export interface Customer {
  name: string;
  record: RawRecord;
}

export function toCustomer(record: RawRecord): Customer {
  return { name: toText(record.name), record };
}

/** Street, city and postcode, for circuit_name_as_address ('' when Splynx has none). */
export function customerAddress(record: RawRecord): string {
  return [record.street_1, record.city, record.zip_code]
    .map((part) => toText(part))
    .filter((part) => part !== '')
    .join(', ');
}

export interface OnlineAddresses {
  ipv4: string[];
  ipv6: string[];
}

/** Session addresses per service id, each address once, in session order. */
export function onlineByService(sessions: readonly RawRecord[]): Map<string, OnlineAddresses> {
  const out = new Map<string, OnlineAddresses>();
  for (const session of sessions) {
    const serviceId = splynxId(session.service_id);
    if (serviceId === '') continue;
    let entry = out.get(serviceId);
    if (entry === undefined) {
      entry = { ipv4: [], ipv6: [] };
      out.set(serviceId, entry);
    }
    for (const ip of addressList(session.ipv4)) if (!entry.ipv4.includes(ip)) entry.ipv4.push(ip);
    for (const ip of addressList(session.ipv6)) if (!entry.ipv6.includes(ip)) entry.ipv6.push(ip);
  }
  return out;
}

/** Sector ids of each router, in list order (the first one is a service's fallback parent). */
export function sectorsByRouter(sectors: readonly RawRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const sector of sectors) {
    const routerId = splynxId(sector.router_id);
    const id = splynxId(sector.id);
    if (routerId === '' || id === '') continue;
    const list = out.get(routerId);
    if (list === undefined) out.set(routerId, [id]);
    else list.push(id);
  }
  return out;
}
