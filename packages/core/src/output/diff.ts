/**
 * What a run would change, for `--dry-run`: the plan about to be written against the plan parsed
 * from the current files. Everything is keyed (circuits by id, devices by id within a circuit,
 * nodes by name), so 200k circuits diff in linear time.
 *
 * A PlanDiff holds only strings, numbers, arrays and plain objects: it is JSON-safe as is, so
 * `--dry-run --json` can print `JSON.stringify(diff)` without conversion.
 */
import type { PlanCircuit, PlanDevice, PlanNode } from '../model/index.js';
import { walkNodes } from '../model/index.js';

export interface CircuitRef {
  id: string;
  name: string;
}

/** An added or removed circuit, with enough to recognise it in a report. */
export interface CircuitSummary extends CircuitRef {
  parentNode: string;
  downloadMax: number;
  uploadMax: number;
}

export interface FieldChange {
  /**
   * Circuit fields: name, parentNode, downloadMin, uploadMin, downloadMax, uploadMax, comment, sqm.
   * Device fields (with `device` set): device (added: from '' to the id; removed: the reverse),
   * deviceName, mac, ipv4, ipv6. Node fields: parent, type, id, downloadMbps, uploadMbps.
   */
  field: string;
  /** Old and new value as text; lists (ipv4, ipv6) are sorted and joined with ', '. */
  from: string;
  to: string;
  /** Id of the device a device field belongs to. */
  device?: string;
}

export interface CircuitChange extends CircuitRef {
  changes: FieldChange[];
}

export interface NodeChange {
  name: string;
  changes: FieldChange[];
}

export interface PlanDiff {
  circuits: {
    added: CircuitSummary[];
    removed: CircuitSummary[];
    changed: CircuitChange[];
    unchanged: number;
  };
  nodes: {
    added: string[];
    removed: string[];
    changed: NodeChange[];
  };
}

export interface DiffablePlan {
  circuits: readonly PlanCircuit[];
  nodes: readonly PlanNode[];
}

/** Separator of list values in `from`/`to`; IP addresses never contain it. */
export const LIST_SEPARATOR = ', ';

/**
 * A total, locale-independent order: all-digit ids first, by numeric value (so 9 < 10, which is
 * how most sources number their customers), then every other id in code-unit order.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const aDigits = DIGITS.test(a);
  const bDigits = DIGITS.test(b);
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  if (aDigits && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : 1;
}
const DIGITS = /^\d+$/;

function byId(a: CircuitRef, b: CircuitRef) {
  return compareIds(a.id, b.id);
}

function summary(circuit: PlanCircuit): CircuitSummary {
  return {
    id: circuit.id,
    name: circuit.name,
    parentNode: circuit.parentNode,
    downloadMax: circuit.downloadMax,
    uploadMax: circuit.uploadMax,
  };
}

/** The first of each id wins, like the validator's duplicate handling. */
function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, item);
  }
  return map;
}

export function diffPlans(current: DiffablePlan | null, next: DiffablePlan): PlanDiff {
  return {
    circuits: diffCircuits(current?.circuits ?? [], next.circuits),
    nodes: diffNodes(current?.nodes ?? [], next.nodes),
  };
}

function diffCircuits(current: readonly PlanCircuit[], next: readonly PlanCircuit[]): PlanDiff['circuits'] {
  // One map (next id → position of its first occurrence, hence the backward fill) and a mark per
  // next circuit: at 200k circuits a second map for the current side would double the time.
  const position = new Map<string, number>();
  for (let i = next.length - 1; i >= 0; i--) position.set((next[i] as PlanCircuit).id, i);
  const matched = new Uint8Array(next.length);
  const added: CircuitSummary[] = [];
  let removed: CircuitSummary[] = [];
  const changed: CircuitChange[] = [];
  let unchanged = 0;
  // Reused for every pair so that 200k unchanged circuits allocate nothing.
  const scratch: FieldChange[] = [];

  for (const old of current) {
    const i = position.get(old.id);
    if (i === undefined) {
      removed.push(summary(old));
      continue;
    }
    if (matched[i] === 1) continue; // a repeated current id: the first one counts
    matched[i] = 1;
    const now = next[i] as PlanCircuit;
    scratch.length = 0;
    circuitChanges(scratch, old, now);
    if (scratch.length === 0) unchanged++;
    else changed.push({ id: now.id, name: now.name, changes: scratch.slice() });
  }
  for (let i = 0; i < next.length; i++) {
    if (matched[i] === 1) continue;
    const now = next[i] as PlanCircuit;
    // Skip later repeats of an id (the validator reports them).
    if (position.get(now.id) === i) added.push(summary(now));
  }
  added.sort(byId);
  changed.sort(byId);
  // The sort is stable, so dropping repeats keeps the first of duplicate current ids.
  removed = removed.sort(byId).filter((c, i, all) => i === 0 || all[i - 1]?.id !== c.id);
  return { added, removed, changed, unchanged };
}

function circuitChanges(changes: FieldChange[], old: PlanCircuit, now: PlanCircuit): void {
  text(changes, 'name', old.name, now.name);
  text(changes, 'parentNode', old.parentNode, now.parentNode);
  num(changes, 'downloadMin', old.downloadMin, now.downloadMin);
  num(changes, 'uploadMin', old.uploadMin, now.uploadMin);
  num(changes, 'downloadMax', old.downloadMax, now.downloadMax);
  num(changes, 'uploadMax', old.uploadMax, now.uploadMax);
  text(changes, 'comment', old.comment, now.comment);
  text(changes, 'sqm', old.sqm, now.sqm);
  deviceChanges(changes, old.devices, now.devices);
}

function deviceChanges(changes: FieldChange[], old: readonly PlanDevice[], now: readonly PlanDevice[]) {
  // The common case, one device on both sides with the same id, needs no map.
  const a = old[0];
  const b = now[0];
  if (old.length === 1 && now.length === 1 && a !== undefined && b !== undefined && a.id === b.id) {
    oneDevice(changes, a, b);
    return;
  }
  const before = indexBy(old, (d) => d.id);
  const after = indexBy(now, (d) => d.id);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareIds);
  for (const id of ids) {
    const was = before.get(id);
    const is = after.get(id);
    if (was === undefined) changes.push({ field: 'device', from: '', to: id, device: id });
    else if (is === undefined) changes.push({ field: 'device', from: id, to: '', device: id });
    else oneDevice(changes, was, is);
  }
}

function oneDevice(changes: FieldChange[], was: PlanDevice, is: PlanDevice) {
  const device = is.id;
  if (was.name !== is.name) changes.push({ field: 'deviceName', from: was.name, to: is.name, device });
  if (was.mac !== is.mac) changes.push({ field: 'mac', from: was.mac, to: is.mac, device });
  list(changes, 'ipv4', was.ipv4, is.ipv4, device);
  list(changes, 'ipv6', was.ipv6, is.ipv6, device);
}

function text(changes: FieldChange[], field: string, from: string, to: string) {
  if (from !== to) changes.push({ field, from, to });
}

function num(changes: FieldChange[], field: string, from: number, to: number) {
  if (from !== to) changes.push({ field, from: String(from), to: String(to) });
}

/** Address lists are sets: LibreQoS does not care about their order, so neither does the diff. */
function list(
  changes: FieldChange[],
  field: string,
  from: readonly string[],
  to: readonly string[],
  device: string,
) {
  if (sameInOrder(from, to)) return;
  const a = [...from].sort();
  const b = [...to].sort();
  if (sameInOrder(a, b)) return;
  changes.push({ field, from: a.join(LIST_SEPARATOR), to: b.join(LIST_SEPARATOR), device });
}

function sameInOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface FlatNode {
  node: PlanNode;
  parent: string;
}

function flattenNodes(nodes: readonly PlanNode[]): Map<string, FlatNode> {
  const map = new Map<string, FlatNode>();
  for (const { node, parent } of walkNodes(nodes)) {
    if (!map.has(node.name)) map.set(node.name, { node, parent: parent?.name ?? '' });
  }
  return map;
}

function diffNodes(current: readonly PlanNode[], next: readonly PlanNode[]): PlanDiff['nodes'] {
  const before = flattenNodes(current);
  const after = flattenNodes(next);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: NodeChange[] = [];
  for (const [name, old] of before) {
    const now = after.get(name);
    if (now === undefined) {
      removed.push(name);
      continue;
    }
    const changes: FieldChange[] = [];
    text(changes, 'parent', old.parent, now.parent);
    text(changes, 'type', old.node.type, now.node.type);
    text(changes, 'id', old.node.id ?? '', now.node.id ?? '');
    num(changes, 'downloadMbps', old.node.downloadMbps, now.node.downloadMbps);
    num(changes, 'uploadMbps', old.node.uploadMbps, now.node.uploadMbps);
    if (changes.length > 0) changed.push({ name, changes });
  }
  for (const name of after.keys()) if (!before.has(name)) added.push(name);
  added.sort(compareIds);
  removed.sort(compareIds);
  changed.sort((a, b) => compareIds(a.name, b.name));
  return { added, removed, changed };
}
