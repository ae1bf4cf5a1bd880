import {
  type ColumnKey,
  columnKeyOf,
  csvCell,
  LEGACY_HEADER,
  type LibreQosVersion,
  RATE_FIELDS,
  readShapedDevices,
  type ShapedDevicesFile,
  V22_HEADER,
} from '@wispsync/core';
import type { ReadCsv } from './check.js';
import type { Change } from './finding.js';
import { fixCircuits, fixParents } from './fix-circuits.js';
import type { FixedNetwork } from './fix-network.js';
import { type FixRow, fixIps, fixRates, fixText, type Note } from './fix-rows.js';

export interface FixedCsv {
  text: string;
  changes: Change[];
}

const LEGACY_KEYS = LEGACY_HEADER.map((name) => columnKeyOf(name)!);
const V22_KEYS = V22_HEADER.map((name) => columnKeyOf(name)!);

/**
 * A corrected copy of ShapedDevices.csv for one LibreQoS version. Cells are read by header name
 * (what the operator meant, even where LibreQoS ≤ 2.1 would read by position). The header is kept
 * when that version reads it right, else rewritten in its layout. Blank lines are dropped, comment
 * lines kept, and every change is listed against the original line.
 */
export function fixCsv(
  read: ReadCsv,
  target: LibreQosVersion,
  network: FixedNetwork | undefined,
  headerMissing: boolean,
): FixedCsv {
  const changes: Change[] = [];
  // A file whose first line is data: read it under a legacy header (lines then shift by one).
  const shift = headerMissing ? 1 : 0;
  const text = read.text;
  const file = readShapedDevices(headerMissing ? `${LEGACY_HEADER.join(',')}\n${text}` : text, {
    cells: true,
  });
  const note: Note = (row, subject, change) =>
    changes.push({
      file: read.name,
      line: row.line - shift,
      subject,
      id: subject === 'circuit' ? row.circuitId : row.deviceId,
      path: null,
      change,
    });
  const fileNote = (change: string, line: number | null = null) =>
    changes.push({ file: read.name, line, subject: 'file', id: read.name, path: null, change });
  if (headerMissing) fileNote('header line added: the first line was a device row', 1);
  if (read.encoding !== 'utf-8' && read.encoding !== 'utf-8 with BOM') fileNote('written as UTF-8');
  for (const line of file.blankLines) fileNote('blank line removed', line - shift);

  const cells = file.cells ?? [];
  const rows = file.rows.map((r, i): FixRow => {
    const row: FixRow = {
      line: r.line,
      cells: cells[i] ?? [],
      circuitId: r.circuitId,
      circuitName: r.circuitName,
      deviceId: r.deviceId,
      deviceName: r.deviceName,
      parentNode: r.parentNode,
      parentNodeId: r.parentNodeId,
      anchorNodeId: r.anchorNodeId,
      mac: r.mac,
      comment: r.comment,
      sqm: r.sqm,
      rates: { ...r.rawRates },
      ipv4: [...r.ipv4],
      ipv6: [...r.ipv6],
    };
    fixText(row, note);
    if (row.dropped === undefined) fixRates(row, target, note);
    if (row.dropped === undefined) fixIps(row, note);
    return row;
  });
  for (const row of rows) {
    if (row.dropped === undefined) continue;
    changes.push({
      file: read.name,
      line: row.line - shift,
      subject: 'device',
      id: row.deviceId,
      path: null,
      change: `row removed: ${row.dropped}`,
    });
  }
  const kept = rows.filter((row) => row.dropped === undefined);
  if (network !== undefined) fixParents(kept, network, target, note);
  fixCircuits(kept, note);

  const layout = chooseLayout(file, target, kept);
  for (const row of kept) {
    if (row.cells.length === layout.header.length || row.cells.length === (file.header?.length ?? 0))
      continue;
    note(row, 'device', `the row had ${row.cells.length} fields; written with ${layout.header.length}`);
  }
  if (layout.rewritten) fileNote(layout.rewritten, headerMissing ? null : file.headerLine);
  return { text: render(file, layout, kept), changes };
}

interface OutputLayout {
  header: string[];
  /** The field each column holds; undefined: the original cell (a column LibreQoS ignores). */
  keys: (ColumnKey | undefined)[];
  rewritten?: string;
}

function chooseLayout(file: ShapedDevicesFile, target: LibreQosVersion, rows: FixRow[]): OutputLayout {
  const header = file.header ?? [];
  const names = header.map((name) => columnKeyOf(name));
  const anySqm = rows.some((row) => row.sqm !== '');
  if (target !== '2.2') {
    const width = target === '1.4' ? 13 : names[13] === 'sqm' ? 14 : 13;
    const keeps =
      header.length === width &&
      names.every((key, i) => key === (i === 13 ? 'sqm' : LEGACY_KEYS[i]) || (i === 5 && key === 'username'));
    if (keeps) return { header, keys: names.map((key) => (key === 'username' ? 'mac' : key)) };
    const keys: ColumnKey[] = target !== '1.4' && anySqm ? [...LEGACY_KEYS, 'sqm'] : [...LEGACY_KEYS];
    const left = [
      ...(names.includes('parentNodeId') ? ['Parent Node ID'] : []),
      ...(names.includes('anchorNodeId') ? ['Anchor Node ID'] : []),
      ...(target === '1.4' && anySqm ? ['sqm'] : []),
    ];
    const dropped =
      left.length === 0 ? '' : `; ${left.join(', ')} left out: LibreQoS ${target} does not read them`;
    return {
      header: keys.map((key) => (key === 'sqm' ? 'sqm' : LEGACY_HEADER[LEGACY_KEYS.indexOf(key)]!)),
      keys,
      rewritten: `header rewritten in the legacy layout LibreQoS ${target} reads by position${dropped}`,
    };
  }
  const used = new Map<number, ColumnKey>();
  for (const [key, i] of file.columns) used.set(i, key);
  const required: ColumnKey[] = ['circuitId', 'downloadMin', 'uploadMin', 'downloadMax', 'uploadMax'];
  const duplicates = names.some((key, i) => key !== undefined && names.indexOf(key) !== i);
  const sqmMissing = header.length > 13 && !names.includes('sqm');
  if (required.every((key) => names.includes(key)) && !duplicates && !sqmMissing) {
    return { header, keys: header.map((_, i) => used.get(i)) };
  }
  const v22 = names.includes('parentNodeId') || names.includes('anchorNodeId');
  const keys: ColumnKey[] = v22 ? [...V22_KEYS, 'sqm'] : anySqm ? [...LEGACY_KEYS, 'sqm'] : [...LEGACY_KEYS];
  return {
    header: keys.map((key) =>
      key === 'sqm'
        ? 'sqm'
        : (v22 ? V22_HEADER : LEGACY_HEADER)[(v22 ? V22_KEYS : LEGACY_KEYS).indexOf(key)]!,
    ),
    keys,
    rewritten: `header rewritten in the ${v22 ? '16-column v2.2' : 'legacy'} layout`,
  };
}

function cellOf(row: FixRow, key: ColumnKey): string {
  switch (key) {
    case 'ipv4':
      return row.ipv4.join(', ');
    case 'ipv6':
      return row.ipv6.join(', ');
    case 'username':
      return row.mac;
    default:
      return (RATE_FIELDS as readonly string[]).includes(key)
        ? row.rates[key as (typeof RATE_FIELDS)[number]]
        : row[key as Exclude<ColumnKey, 'ipv4' | 'ipv6' | 'username' | (typeof RATE_FIELDS)[number]>];
  }
}

/** Header, rows and comment lines in their original order; blank lines gone. */
function render(file: ShapedDevicesFile, layout: OutputLayout, rows: FixRow[]): string {
  const lines: { line: number; text: string }[] = [];
  const join = (cells: readonly string[]) => cells.map(csvCell).join(',');
  for (const comment of file.comments) lines.push({ line: comment.line, text: join(comment.cells) });
  lines.push({ line: file.headerLine, text: join(layout.header) });
  for (const row of rows) {
    const cells = layout.keys.map((key, i) => (key === undefined ? (row.cells[i] ?? '') : cellOf(row, key)));
    lines.push({ line: row.line, text: join(cells) });
  }
  lines.sort((a, b) => a.line - b.line);
  return `${lines.map((l) => l.text).join('\n')}\n`;
}
