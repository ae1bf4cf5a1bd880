import {
  compileRecordValidator,
  type Inventory,
  type InventoryCircuit,
  type InventoryDevice,
  type MapContext,
  toText,
  warnSome,
} from '@wispsync/core';
import type { KeptNetwork } from './kept.js';
import { resolveParents } from './parents.js';
import { type Row, readRow } from './rows.js';
import { rowSchema } from './schema.js';

export interface WispgateData {
  rows: unknown[];
  kept: KeptNetwork;
}

/** All rows of one Circuit ID, merged. */
interface Group {
  id: string;
  name: string;
  parentNode: string;
  /** Lowest and highest rate any row gave (rows normally agree). */
  download: Spread | undefined;
  upload: Spread | undefined;
  devices: InventoryDevice[];
}

interface Spread {
  low: number;
  high: number;
}

interface Notes {
  withoutIp: string[];
  badRates: string[];
  conflicts: string[];
}

/**
 * Rows → circuits grouped by `Circuit ID` (first-seen order), one device per row with an address.
 * Device ids are `wispgate:<circuit id>:<device name>`: stable however rows are added or removed
 * upstream (LibreQoS numbers devices from 10000 in row order, so one new row renumbers the rest).
 */
export async function mapWispgate(raw: WispgateData, context: MapContext): Promise<Inventory> {
  const check = await compileRecordValidator(rowSchema);
  const groups = new Map<string, Group>();
  const deviceIds = new Set<string>();
  const notes: Notes = { withoutIp: [], badRates: [], conflicts: [] };

  raw.rows.forEach((record, index) => {
    const problems = check(record);
    const source = (record ?? {}) as Record<string, unknown>;
    const circuitId = problems.length === 0 ? toText(source['Circuit ID']) : '';
    if (circuitId === '') {
      const who = toText(source['Circuit ID']) || `#${index + 1}`;
      context.warn(`WISPGate row ${who} skipped: ${problems.join('; ') || 'Circuit ID is empty'}`);
      context.skip('invalid-record');
      return;
    }
    const row = readRow(source);
    const group = merge(groups, row, notes);
    const label = `device "${row.deviceName}" of circuit ${circuitId}`;
    if (row.badRates.length > 0) notes.badRates.push(`WISPGate ${label}: ignored ${row.badRates.join(', ')}`);
    if (row.ipv4.length === 0 && row.ipv6.length === 0) {
      notes.withoutIp.push(`WISPGate ${label} has no IP address: not shaped`);
      context.skip('device-without-ip');
      return;
    }
    group.devices.push({
      id: uniqueId(deviceIds, `wispgate:${circuitId}:${row.deviceName || 'device'}`),
      name: row.deviceName || `${row.circuitName || circuitId} device`,
      mac: row.mac,
      ipv4: row.ipv4,
      ipv6: row.ipv6,
    });
  });

  const parents = resolveParents(raw.kept);
  const circuits: InventoryCircuit[] = [];
  const withoutRate: string[] = [];
  for (const group of groups.values()) {
    const name = group.name || group.id;
    const { downloadMbps, uploadMbps } = circuitRate(group, notes);
    if (downloadMbps === undefined || uploadMbps === undefined) {
      const missing = downloadMbps === undefined ? 'download' : 'upload';
      withoutRate.push(`WISPGate circuit ${group.id} "${name}" has no usable ${missing} rate: skipped`);
      context.skip('no-rate');
      continue;
    }
    circuits.push({
      id: group.id,
      name,
      parentId: parents.place(group.parentNode),
      rate: { downloadMbps, uploadMbps },
      devices: group.devices,
    });
  }
  warnSome(context, notes.badRates, 'rows with unusable rate cells');
  warnSome(context, withoutRate, 'circuits without a usable rate');
  warnSome(context, notes.conflicts, 'circuits whose rows disagree');
  warnSome(context, notes.withoutIp, 'devices without an IP address');
  parents.report(context);
  return { source: 'wispgate', nodes: parents.nodes, circuits };
}

/** Adds a row's circuit fields to its group: first non-empty name and parent; every rate. */
function merge(groups: Map<string, Group>, row: Row, notes: Notes): Group {
  let group = groups.get(row.circuitId);
  if (group === undefined) {
    group = {
      id: row.circuitId,
      name: '',
      parentNode: '',
      download: undefined,
      upload: undefined,
      devices: [],
    };
    groups.set(row.circuitId, group);
  }
  if (group.name === '') group.name = row.circuitName;
  if (row.parentNode !== '' && group.parentNode !== row.parentNode) {
    if (group.parentNode === '') group.parentNode = row.parentNode;
    else
      notes.conflicts.push(
        `WISPGate circuit ${row.circuitId}: rows name Parent Node "${group.parentNode}" and "${row.parentNode}"; the first is used`,
      );
  }
  group.download = widen(group.download, row.downloadMbps);
  group.upload = widen(group.upload, row.uploadMbps);
  return group;
}

function widen(spread: Spread | undefined, value: number | undefined): Spread | undefined {
  if (value === undefined) return spread;
  if (spread === undefined) return { low: value, high: value };
  if (value < spread.low) spread.low = value;
  if (value > spread.high) spread.high = value;
  return spread;
}

/** Rows of a circuit normally repeat its rates; if they differ the highest wins, with a warning. */
function circuitRate(group: Group, notes: Notes): { downloadMbps?: number; uploadMbps?: number } {
  const { download, upload } = group;
  const differs = (spread: Spread | undefined) => spread !== undefined && spread.low !== spread.high;
  if (differs(download) || differs(upload)) {
    const text = (spread: Spread | undefined) =>
      spread === undefined ? 'none' : differs(spread) ? `${spread.low} to ${spread.high}` : `${spread.high}`;
    notes.conflicts.push(
      `WISPGate circuit ${group.id}: its rows give different rates (download ${text(download)}, upload ${text(upload)} Mbps); the highest is used`,
    );
  }
  return {
    ...(download === undefined ? {} : { downloadMbps: download.high }),
    ...(upload === undefined ? {} : { uploadMbps: upload.high }),
  };
}

/** A device id no other device has: `#2`, `#3`… in row order for repeats. */
function uniqueId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
  taken.add(id);
  return id;
}
