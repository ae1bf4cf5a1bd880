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
  // Most cells hold one address: no split, map and filter arrays for those (200k cells a file).
  if (!text.includes(',')) {
    const item = text.trim();
    return item === '' ? [] : [item];
  }
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Every field a row holds; toRow reads them by their position in this list. */
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

/** ShapedDevices.csv as read, with what an operator's report and a fixer need besides the rows. */
export interface ShapedDevicesFile {
  /** The header's cells; undefined when the file has no header row. */
  header: string[] | undefined;
  headerLine: number;
  layout: CsvLayout | 'unknown';
  hasSqm: boolean;
  /** Which cell each field was read from. */
  columns: ReadonlyMap<ColumnKey, number>;
  rows: ShapedDevicesRow[];
  /** How many cells each row has, parallel to `rows`. */
  widths: number[];
  /** The cells of each row as found, parallel to `rows` (only with the `cells` option). */
  cells?: string[][];
  /** Rows skipped as comments (their first cell starts with "#"), with their cells. */
  comments: { line: number; cells: string[] }[];
  blankLines: number[];
  /** CSV syntax errors and a missing header (the other file rules are checkShapedDevicesFile's). */
  problems: Problem[];
}

export interface ReadShapedDevicesOptions {
  /** Read cells by position, as LibreQoS ≤ 2.1 does, instead of by header name (2.2). */
  positional?: boolean;
  /** Keep every row's cells (a fixer writes them back); costs memory on a big file. */
  cells?: boolean;
}

/** Positions only: LibreQoS ≤ 2.1 ignore the header's names (sqm is the 14th cell, when there is one). */
function positionalLayout(header: readonly string[]): Layout {
  const named = layoutOf(header);
  const index = new Map<ColumnKey, number>();
  for (const key of KEYS) {
    const position = LEGACY_POSITIONS[key];
    if (position !== undefined && position < Math.max(header.length, 13)) index.set(key, position);
  }
  return { layout: named.layout, hasSqm: header.length > 13, index };
}

/**
 * Read ShapedDevices.csv the way LibreQoS 2.2 does (header-aware, aliases, BOM tolerated), or by
 * position like LibreQoS ≤ 2.1, keeping line numbers, cells, comments and blank lines. Never throws.
 */
export function readShapedDevices(text: string, options: ReadShapedDevicesOptions = {}): ShapedDevicesFile {
  const problems: Problem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const file: ShapedDevicesFile = {
    header: undefined,
    headerLine: 0,
    layout: 'unknown',
    hasSqm: false,
    columns: new Map(),
    rows: [],
    widths: [],
    comments: [],
    blankLines: [],
    problems,
  };
  if (options.cells) file.cells = [];
  let layout: Layout | undefined;
  let columns: Int32Array | undefined;
  let line = 1;
  let record = 0;
  // A trailing newline yields one empty record at the end, which is not a blank line: a blank
  // record is only counted once another record follows it.
  let pendingBlank: number | undefined;
  const take = (fields: string[]): void => {
    const at = line;
    line += 1 + newlinesIn(fields);
    if (isBlank(fields)) {
      if (pendingBlank !== undefined) file.blankLines.push(pendingBlank);
      pendingBlank = at;
      return;
    }
    if (pendingBlank !== undefined) file.blankLines.push(pendingBlank);
    pendingBlank = undefined;
    if ((fields[0] ?? '').startsWith('#')) {
      file.comments.push({ line: at, cells: fields });
      return;
    }
    if (layout === undefined) {
      layout = options.positional ? positionalLayout(fields) : layoutOf(fields);
      columns = Int32Array.from(KEYS, (key) => layout?.index.get(key) ?? -1);
      file.header = fields;
      file.headerLine = at;
      return;
    }
    file.rows.push(toRow(fields, columns!, at));
    file.widths.push(fields.length);
    file.cells?.push(fields);
  };
  // Row by row (papaparse's step): each record's array is garbage as soon as it is read, instead
  // of 200k arrays living until the end of the parse (~70 MB and a third of the parse time).
  papaparse().parse<string[]>(body, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (results) => {
      record++;
      for (const error of results.errors) {
        problems.push({
          severity: 'error',
          subject: 'file',
          id: SHAPED_DEVICES_FILE,
          reason: `CSV syntax: ${error.message} (record ${record})`,
          rule: 'csv-syntax',
          hint: 'check the quotes: a field with a comma or quote must be quoted, and a quote inside it doubled',
        });
      }
      take(results.data);
    },
  });
  if (layout === undefined) {
    problems.push({
      severity: 'error',
      subject: 'file',
      id: SHAPED_DEVICES_FILE,
      reason: 'no header row: LibreQoS requires one as the first non-comment line',
      rule: 'header',
      hint: 'start the file with the header line (Circuit ID,Circuit Name,…)',
    });
  } else {
    file.layout = layout.layout;
    file.hasSqm = layout.hasSqm;
    file.columns = layout.index;
  }
  return file;
}

/**
 * Read ShapedDevices.csv the way LibreQoS 2.2 does, and report what older readers would choke on
 * (blank lines, row widths) instead of throwing.
 */
export function parseShapedDevices(text: string): ParsedShapedDevices {
  const file = readShapedDevices(text);
  const [syntax, missingHeader] = [
    file.problems.filter((p) => p.rule === 'csv-syntax'),
    file.problems.filter((p) => p.rule !== 'csv-syntax'),
  ];
  const byLine: Problem[] = file.blankLines.map((at) => ({
    severity: 'warning',
    subject: 'file',
    id: SHAPED_DEVICES_FILE,
    reason: `line ${at} is blank: LibreQoS 1.4–2.1 crash on blank lines — remove it`,
    line: at,
    rule: 'blank-line',
  }));
  const width = file.header?.length ?? 0;
  file.widths.forEach((fields, i) => {
    if (fields === width) return;
    const row = file.rows[i]!;
    byLine.push({
      severity: 'error',
      subject: 'device',
      id: row.deviceId,
      reason: `line ${row.line} has ${fields} fields but the header has ${width} — every row must match the header`,
      line: row.line,
      rule: 'column-count',
    });
  });
  byLine.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    layout: file.layout,
    hasSqm: file.hasSqm,
    rows: file.rows,
    problems: [...syntax, ...byLine, ...missingHeader],
  };
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && (fields[0] ?? '').trim() === '';
}

/** Index-based (no closure or Map lookup per cell: this runs for every row of a 200k-row file). */
function toRow(fields: readonly string[], columns: Int32Array, line: number): ShapedDevicesRow {
  const at = (k: number): string => {
    const i = columns[k]!;
    return i < 0 ? '' : (fields[i] ?? '');
  };
  const rawRates = { downloadMin: at(10), uploadMin: at(11), downloadMax: at(12), uploadMax: at(13) };
  const mac = at(7);
  return {
    circuitId: at(0),
    circuitName: at(1),
    deviceId: at(2),
    deviceName: at(3),
    parentNode: at(4),
    parentNodeId: at(5),
    anchorNodeId: at(6),
    // v2.2 reads a RADIUS username into MAC only when MAC is empty.
    mac: mac === '' ? at(16) : mac,
    ipv4: splitCsvIps(at(8)),
    ipv6: splitCsvIps(at(9)),
    downloadMin: parseRate(rawRates.downloadMin),
    uploadMin: parseRate(rawRates.uploadMin),
    downloadMax: parseRate(rawRates.downloadMax),
    uploadMax: parseRate(rawRates.uploadMax),
    rawRates,
    comment: at(14),
    sqm: at(15),
    line,
  };
}
