/** VISP's field conventions: speeds with units, service statuses, service types, MAC spelling. */
import { toNumber } from '@wispsync/core';
import { type Row, text } from './records.js';

/** A speed with its unit (`k`/`kb`/`kbps`, `m`…, `g`…; anything else is Mbps) → Mbps; ≤ 0 → none. */
export function unitToMbps(value: unknown, unit: unknown): number | undefined {
  const number = toNumber(value);
  if (number === undefined || number <= 0) return undefined;
  switch (
    String(unit ?? '')
      .trim()
      .toLowerCase()
  ) {
    case 'kbps':
    case 'kb':
    case 'k':
      return number / 1000;
    case 'gbps':
    case 'gb':
    case 'g':
      return number * 1000;
    default:
      return number;
  }
}

const ACTIVE = new Set(['ACTIVE', 'CURRENT', 'ENABLED', 'ONLINE']);
const ENDED = new Set(['CANCELLED', 'CANCELED', 'TERMINATED', 'DELETED']);

function statusOf(value: unknown): boolean | undefined {
  const status = text(value).toUpperCase();
  if (ACTIVE.has(status)) return true;
  if (ENDED.has(status)) return false;
  return undefined;
}

/**
 * Only hard stops end a service: a cancelled/terminated/deleted package or status. Anything else
 * (INACTIVE, SUSPENDED, blank) is shaped, as LibreQoS does: VISP uses those for billing states.
 */
export function serviceIsActive(record: { status?: unknown; package_status?: unknown }): boolean {
  if (statusOf(record.package_status) === false) return false;
  return statusOf(record.status) ?? true;
}

/** `"wifi"` → `servicetypewifi`, the lower-cased GraphQL type name it stands for. */
function typeNameOf(serviceType: string): string {
  return `servicetype${serviceType.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/**
 * An internet service worth shaping: its GraphQL type (`service_details.__typename`) or its
 * `service_type` (`wifi` ↔ `ServiceTypeWifi`) is in the allowlist (lower-cased).
 */
export function serviceIsShapable(
  serviceType: unknown,
  details: Row,
  allowlist: ReadonlySet<string>,
): boolean {
  const typename = text(details.__typename).toLowerCase();
  if (typename !== '' && allowlist.has(typename)) return true;
  const type = text(serviceType);
  return type !== '' && allowlist.has(typeNameOf(type));
}

/** VISP's MAC key: separators dropped, upper case (`aa:bb:…` → `AABBCCDDEEFF`); blank → ''. */
export function vispMac(value: unknown): string {
  return text(value).replace(/[:-]/g, '').toUpperCase();
}
