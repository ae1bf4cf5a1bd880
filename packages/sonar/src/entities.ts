import { normalizeIp, toText } from '@wispsync/core';

export type Entity = Record<string, unknown>;

/** The objects of a Sonar relation (`{entities: [...]}`); null, missing or odd values give []. */
export function entitiesOf(relation: unknown): Entity[] {
  if (typeof relation !== 'object' || relation === null) return [];
  const list = (relation as { entities?: unknown }).entities;
  if (!Array.isArray(list)) return [];
  return list.filter((item): item is Entity => typeof item === 'object' && item !== null);
}

/** The `subnet` texts of an `ip_assignments` relation, in order (blanks dropped). */
export function subnetsOf(ipAssignments: unknown): string[] {
  const out: string[] = [];
  for (const assignment of entitiesOf(ipAssignments)) {
    const subnet = toText(assignment.subnet);
    if (subnet !== '') out.push(subnet);
  }
  return out;
}

/**
 * The key two spellings of one address share (`100.64.0.1/32` and `100.64.0.1`), so an address
 * a device already has is recognised on another. Unparsable text is its own key.
 */
export function ipKey(subnet: string): string {
  const ip = normalizeIp(subnet);
  return ip.ok ? ip.text : subnet.trim();
}
