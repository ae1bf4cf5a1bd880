/**
 * Which customer equipment assembly (CPE) a circuit hangs from, scored as LibreQoS does (§9.6
 * step 6): an assembly with an upstream (`parent_id`) wins; then one named like the customer, one
 * the bulk record lists, one whose MAC matches the service, fibre ONUs, VLAN-tagged CPEs; router-
 * mode boxes lose. The winner's `parent_id` is the equipment the circuit is placed under.
 */
import { jsonObject, type Row, safeInt, text, truthy } from './records.js';
import { vispMac } from './values.js';

/** `equipment_data` keys holding a MAC, in the order LibreQoS reads them. */
const MAC_KEYS = ['Fiber MAC', 'mac_address', 'Ethernet MAC', 'WAN MAC', 'MAC Addr', 'radio_mac'];

export interface Scored {
  row: Row;
  id: number;
  score: number;
}

/** The assembly's MACs in VISP's key form, in MAC_KEYS order, blanks left out. */
export function assemblyMacs(row: Row): string[] {
  const data = jsonObject(row.equipment_data);
  const macs: string[] = [];
  for (const key of MAC_KEYS) {
    const mac = vispMac(data[key]);
    if (mac !== '') macs.push(mac);
  }
  return macs;
}

export function scoreAssembly(
  row: Row,
  names: ReadonlySet<string>,
  equipmentIds: ReadonlySet<number>,
  preferredMacs: ReadonlySet<string>,
): number {
  const data = jsonObject(row.equipment_data);
  let score = 0;
  if (truthy(row.parent_id)) score += 100;
  if (names.has(text(row.location_name))) score += 40;
  if (equipmentIds.has(safeInt(row.id))) score += 20;
  if (assemblyMacs(row).some((mac) => preferredMacs.has(mac))) score += 15;
  if (truthy(data['Fiber MAC'])) score += 10;
  if (truthy(data.VLAN) || truthy(data['VLAN-1'])) score += 5;
  if (
    String(data['Router Mode'] ?? '')
      .trim()
      .toLowerCase() === 'true'
  )
    score -= 20;
  if (
    String(row.description ?? '')
      .toLowerCase()
      .includes('router')
  )
    score -= 10;
  return score;
}

/** The best-scoring candidate; a tie goes to the larger id. Candidates are de-duplicated by id. */
export function selectAttachment(
  candidates: readonly Row[],
  names: ReadonlySet<string>,
  equipmentIds: ReadonlySet<number>,
  preferredMacs: ReadonlySet<string>,
): Scored | undefined {
  const seen = new Set<number>();
  let best: Scored | undefined;
  for (const row of candidates) {
    const id = safeInt(row.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const score = scoreAssembly(row, names, equipmentIds, preferredMacs);
    if (best === undefined || score > best.score || (score === best.score && id > best.id)) {
      best = { row, id, score };
    }
  }
  return best;
}

/** Assemblies indexed the two ways LibreQoS looks them up: by id (> 0) and by location name. */
export class AssemblyIndex {
  private readonly byId = new Map<number, Row>();
  private readonly byLocation = new Map<string, Row[]>();

  constructor(rows: readonly Row[]) {
    for (const row of rows) {
      const id = safeInt(row.id);
      if (id > 0) this.byId.set(id, row);
      const location = text(row.location_name);
      const list = this.byLocation.get(location);
      if (list === undefined) this.byLocation.set(location, [row]);
      else list.push(row);
    }
  }

  /** The assemblies the customer's equipment ids name; else those at a location named like them. */
  candidates(equipmentIds: ReadonlySet<number>, names: ReadonlySet<string>): Row[] {
    const byId: Row[] = [];
    for (const id of equipmentIds) {
      const row = this.byId.get(id);
      if (row !== undefined) byId.push(row);
    }
    if (byId.length > 0) return byId;
    const byName: Row[] = [];
    for (const name of names) byName.push(...(this.byLocation.get(name) ?? []));
    return byName;
  }

  /** Assemblies at exactly this location name (the backfill's full-name lookup). */
  atLocation(name: string): Row[] {
    return this.byLocation.get(name) ?? [];
  }
}
