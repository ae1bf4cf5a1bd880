/** IPv4 candidates for a service, as LibreQoS's HEAD VISP integration collects them (§9.4). */
import { canonicalIpv4Value } from '@wispsync/core';
import type { Row } from './records.js';

/** Whether an address may be written (not in ignore_subnets); tests substitute their own rule. */
export type IpAllowed = (ip: string) => boolean;

const UNSPECIFIED = 0;
const BROADCAST = 0xffffffff;

/**
 * One value → its bare IPv4 address (any `/prefix` dropped), or nothing: not an address, the
 * `0.0.0.0` / `255.255.255.255` placeholders, or inside ignore_subnets.
 */
export function extractIpv4(value: string, allowed: IpAllowed): string | undefined {
  const base = (value.trim().split('/', 1)[0] ?? '').trim();
  const number = canonicalIpv4Value(base);
  if (number === undefined || number === UNSPECIFIED || number === BROADCAST) return undefined;
  return allowed(base) ? base : undefined;
}

/**
 * Every IPv4 address in the values, in order, without repeats. A value is a list of items or a
 * comma-separated text; null/undefined are skipped.
 */
export function splitIpv4Candidates(allowed: IpAllowed, ...values: unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const items = Array.isArray(value) ? value : String(value).split(',');
    for (const item of items) {
      if (item === null || item === undefined) continue;
      const text = String(item).trim();
      if (text === '') continue;
      const ip = extractIpv4(text, allowed);
      if (ip !== undefined && !seen.has(ip)) {
        seen.add(ip);
        out.push(ip);
      }
    }
  }
  return out;
}

/**
 * A bulk service's addresses: its own `ip_address`, then the subscriber's package and equipment
 * IPs, then each of the record's equipment IPs.
 */
export function bulkIpv4Candidates(
  allowed: IpAllowed,
  subscriber: Row | undefined,
  service: Row,
  equipment: readonly Row[],
): string[] {
  const values: unknown[] = [service.ip_address];
  if (subscriber !== undefined) values.push(subscriber.package_ip, subscriber.equipment_ip);
  for (const row of equipment) values.push(row.ip_address);
  return splitIpv4Candidates(allowed, ...values);
}
