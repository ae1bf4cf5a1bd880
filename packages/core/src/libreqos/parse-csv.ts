import { type ColumnKey, columnKeyOf, LEGACY_POSITIONS } from './columns.js';
import { papaparse } from './papa.js';
import { type CsvLayout, type Problem, SHAPED_DEVICES_FILE, type ShapedDevicesRow } from './types.js';

export interface ParsedShapedDevices {
  layout: CsvLayout | 'unknown';
  hasSqm: boolean;
  rows: ShapedDevicesRow[];
  problems: Problem[];
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Plain decimal numbers only (no `0x10`, `inf`, units or thousands separators); NaN otherwise. */
export function parseRate(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Comma-separated IP list as LibreQoS reads it: items trimmed, empties dropped. */
function splitCsvIps(text: string): string[] {
  if (text.trim() === '') return [];
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const KEYS: readonly ColumnKey[] = [
  'circuitId',
  'circuitName',
  'deviceId',
  'deviceName',
  'parentNode',
  'parentNodeId',
  'anchorNodeId',
  'mac',
  'ipv4',
  'ipv6',
  'downloadMin',
  'uploadMin',
  'downloadMax',
  'uploadMax',
  'comment',
  'sqm',
  'username',
];

interface Layout {
  layout: CsvLayout | 'unknown';
  hasSqm: boolean;
  index: Map<ColumnKey, number>;
}

/** v2.2 header mapping: by name; a field with no named column keeps its legacy position if that cell is unknown. */
function layoutOf(header: readonly string[]): Layout {
  const index = new Map<ColumnKey, number>();
  const known = new Set<number>();
  header.forEach((name, i) => {
    const key = columnKeyOf(name);
    if (key !== undefined && !index.has(key)) {
      index.set(key, i);
      known.add(i);
    }
  });
  const recognised = index.size;
  for (const key of KEYS) {
    const position = LEGACY_POSITIONS[key];
    if (index.has(key) || position === undefined || position >= header.length || known.has(position))
      continue;
    index.set(key, position);
  }
  let layout: CsvLayout | 'unknown' = 'unknown';
  if (recognised > 0 && header.some((n) => ['parentNodeId', 'anchorNodeId'].includes(columnKeyOf(n) ?? ''))) {
    layout = 'v2.2';
  } else if (columnKeyOf(header[0] ?? '') === 'circuitId' && recognised >= 13) {
    layout = 'legacy';
  }
  return { layout, hasSqm: header.some((n) => columnKeyOf(n) === 'sqm'), index };
}

function newlinesIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    if (!field.includes('\n')) continue;
    for (const ch of field) if (ch === '\n') count++;
  }
  return count;
}

/**
 * Read ShapedDevices.csv the way LibreQoS 2.2 does (header-aware, aliases, BOM tolerated), and
 * report what older readers would choke on (blank lines, row widths) instead of throwing.
 */
export function parseShapedDevices(text: string): ParsedShapedDevices {
  const problems: Problem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed = papaparse().parse<string[]>(body, { header: false, delimiter: ',', skipEmptyLines: false });
  for (const error of parsed.errors) {
    problems.push({
      severity: 'error',
      subject: 'file',
      id: SHAPED_DEVICES_FILE,
      reason: `CSV syntax: ${error.message} (record ${error.row === undefined ? '?' : error.row + 1})`,
    });
  }
  const rows: ShapedDevicesRow[] = [];
  let layout: Layout | undefined;
  let headerWidth = 0;
  let line = 1;
  const records = parsed.data;
  // A trailing newline yields one empty record at the end; it is not a blank line.
  const last = records.length - (records.length > 0 && isBlank(records[records.length - 1]!) ? 1 : 0);
  for (let r = 0; r < last; r++, line++) {
    const fields = records[r]!;
    const at = line;
    line += newlinesIn(fields);
    if (isBlank(fields)) {
      problems.push({
        severity: 'warning',
        subject: 'file',
        id: SHAPED_DEVICES_FILE,
        reason: `line ${at} is blank: LibreQoS 1.4–2.1 crash on blank lines — remove it`,
        line: at,
      });
      continue;
    }
    if ((fields[0] ?? '').startsWith('#')) continue;
    if (layout === undefined) {
      layout = layoutOf(fields);
      headerWidth = fields.length;
      continue;
    }
    const get = (key: ColumnKey): string => {
      const i = layout?.index.get(key);
      return i === undefined ? '' : (fields[i] ?? '');
    };
    const row = toRow(get, at);
    if (fields.length !== headerWidth) {
      problems.push({
        severity: 'error',
        subject: 'device',
        id: row.deviceId,
        reason: `line ${at} has ${fields.length} fields but the header has ${headerWidth} — every row must match the header`,
        line: at,
      });
    }
    rows.push(row);
  }
  if (layout === undefined) {
    problems.push({
      severity: 'error',
      subject: 'file',
      id: SHAPED_DEVICES_FILE,
      reason: 'no header row: LibreQoS requires one as the first non-comment line',
    });
  }
  return { layout: layout?.layout ?? 'unknown', hasSqm: layout?.hasSqm ?? false, rows, problems };
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && (fields[0] ?? '').trim() === '';
}

function toRow(get: (key: ColumnKey) => string, line: number): ShapedDevicesRow {
  const rawRates = {
    downloadMin: get('downloadMin'),
    uploadMin: get('uploadMin'),
    downloadMax: get('downloadMax'),
    uploadMax: get('uploadMax'),
  };
  const mac = get('mac');
  return {
    circuitId: get('circuitId'),
    circuitName: get('circuitName'),
    deviceId: get('deviceId'),
    deviceName: get('deviceName'),
    parentNode: get('parentNode'),
    parentNodeId: get('parentNodeId'),
    anchorNodeId: get('anchorNodeId'),
    // v2.2 reads a RADIUS username into MAC only when MAC is empty.
    mac: mac === '' ? get('username') : mac,
    ipv4: splitCsvIps(get('ipv4')),
    ipv6: splitCsvIps(get('ipv6')),
    downloadMin: parseRate(rawRates.downloadMin),
    uploadMin: parseRate(rawRates.uploadMin),
    downloadMax: parseRate(rawRates.downloadMax),
    uploadMax: parseRate(rawRates.uploadMax),
    rawRates,
    comment: get('comment'),
    sqm: get('sqm'),
    line,
  };
}
