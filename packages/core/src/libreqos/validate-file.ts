import { type ColumnKey, columnKeyOf, LEGACY_HEADER, LEGACY_POSITIONS } from './columns.js';
import type { ShapedDevicesFile } from './parse-csv.js';
import { crashesOnBlankLines, type LibreQosVersion, readsHeaderNames } from './policy.js';
import { type ProblemSink, q } from './sink.js';
import { SHAPED_DEVICES_FILE } from './types.js';

const LEGACY_COLUMNS = LEGACY_HEADER.length;
const LABELS: Record<ColumnKey, string> = {
  circuitId: 'Circuit ID',
  circuitName: 'Circuit Name',
  deviceId: 'Device ID',
  deviceName: 'Device Name',
  parentNode: 'Parent Node',
  parentNodeId: 'Parent Node ID',
  anchorNodeId: 'Anchor Node ID',
  mac: 'MAC',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  downloadMin: 'Download Min Mbps',
  uploadMin: 'Upload Min Mbps',
  downloadMax: 'Download Max Mbps',
  uploadMax: 'Upload Max Mbps',
  comment: 'Comment',
  sqm: 'sqm',
  username: 'RADIUS username',
};
const POSITION_KEYS = new Map<number, ColumnKey>(
  Object.entries(LEGACY_POSITIONS).map(([key, position]) => [position, key as ColumnKey]),
);
/** Without these LibreQoS 2.2 rejects every row; the other legacy columns just read as empty. */
const REQUIRED: readonly ColumnKey[] = ['circuitId', 'downloadMin', 'uploadMin', 'downloadMax', 'uploadMax'];
const LEGACY_HINT = `use the legacy header: ${LEGACY_HEADER.join(',')}`;

/**
 * The rules of ShapedDevices.csv as a file, for one LibreQoS version: the header and how it is
 * read (by position up to 2.1, by name in 2.2), row widths, blank lines, commented-out rows.
 * Row values are checkRows'.
 */
export function checkShapedDevicesFile(
  file: ShapedDevicesFile,
  target: LibreQosVersion,
  sink: ProblemSink,
): void {
  const header = file.header;
  const add = (
    severity: 'error' | 'warning',
    reason: string,
    line: number,
    rule: 'header' | 'header-columns' | 'blank-line' | 'column-count' | 'comment-row',
    hint: string,
  ) => sink.add(severity, 'file', SHAPED_DEVICES_FILE, reason, line, { rule, hint });
  if (header !== undefined) {
    if (!header.some((name) => columnKeyOf(name) !== undefined)) {
      add(
        'error',
        `line ${file.headerLine} is not a header (no known column name): LibreQoS skips it as the header, so that row is lost`,
        file.headerLine,
        'header',
        `put the header line first (${LEGACY_HEADER.slice(0, 3).join(',')},…)`,
      );
    } else if (readsHeaderNames(target)) {
      checkNamedHeader(file, header, add);
    } else {
      checkPositionalHeader(file, header, target, add);
    }
  }
  if (crashesOnBlankLines(target)) {
    for (const line of file.blankLines) {
      add(
        'error',
        `line ${line} is blank: LibreQoS ${target} crashes on blank lines`,
        line,
        'blank-line',
        'remove it',
      );
    }
  }
  const width = header?.length ?? 0;
  file.widths.forEach((cells, i) => {
    if (cells === width) return;
    const line = file.rows[i]!.line;
    const counts = `line ${line} has ${cells} fields but the header has ${width}`;
    const hint = 'give every row as many fields as the header (empty fields are fine: ,,)';
    if (target === '1.4')
      add('error', `${counts}; LibreQoS 1.4 rejects the file`, line, 'column-count', hint);
    else if (target !== '2.2' && cells < LEGACY_COLUMNS)
      add(
        'error',
        `${counts}; LibreQoS ${target} fails on rows of fewer than 13`,
        line,
        'column-count',
        hint,
      );
    else {
      const effect = cells < width ? 'the missing fields are read as empty' : 'the extra fields are ignored';
      add('warning', `${counts}; ${effect}`, line, 'column-count', hint);
    }
  });
  for (const comment of file.comments) {
    if (comment.cells.length < LEGACY_COLUMNS) continue;
    add(
      'warning',
      `line ${comment.line} starts with "#", so LibreQoS skips this row as a comment`,
      comment.line,
      'comment-row',
      'remove the "#" if it is a device that should be shaped',
    );
  }
}

type Add = (
  severity: 'error' | 'warning',
  reason: string,
  line: number,
  rule: 'header-columns',
  hint: string,
) => void;

/** LibreQoS ≤ 2.1 ignore the names: each position must hold what the name says. */
function checkPositionalHeader(
  file: ShapedDevicesFile,
  header: readonly string[],
  target: LibreQosVersion,
  add: Add,
): void {
  const line = file.headerLine;
  const read = target === '1.4' ? LEGACY_COLUMNS : LEGACY_COLUMNS + 1;
  const misread: string[] = [];
  const unknown: string[] = [];
  header.slice(0, read).forEach((name, i) => {
    const expected = POSITION_KEYS.get(i);
    const key = columnKeyOf(name);
    if (expected === undefined || key === expected || (key === 'username' && expected === 'mac')) return;
    (key === undefined ? unknown : misread).push(`column ${i + 1} ${q(name)} is read as ${LABELS[expected]}`);
  });
  // One line each: a v2.2 header on 2.1 would otherwise give one error per column.
  if (misread.length > 0) {
    add(
      'error',
      `LibreQoS ${target} reads columns by position, not by name, so every row is misread: ${misread.join(', ')}`,
      line,
      'header-columns',
      LEGACY_HINT,
    );
  }
  if (unknown.length > 0) {
    add(
      'warning',
      `header names LibreQoS does not know (it reads by position): ${unknown.join(', ')}`,
      line,
      'header-columns',
      LEGACY_HINT,
    );
  }
  if (header.length < LEGACY_COLUMNS) {
    add(
      'error',
      `the header has ${header.length} columns; LibreQoS ${target} needs 13`,
      line,
      'header-columns',
      LEGACY_HINT,
    );
  } else if (target === '1.4' && header.length > LEGACY_COLUMNS) {
    add(
      'error',
      `the header has ${header.length} columns; LibreQoS 1.4 reads exactly 13 (column 14 ${q(header[13] ?? '')} makes it fail)`,
      line,
      'header-columns',
      'remove the sqm column and any after it',
    );
  } else if (header.length > LEGACY_COLUMNS + 1) {
    add(
      'warning',
      `the header has ${header.length} columns; LibreQoS ${target} ignores every column after the 14th`,
      line,
      'header-columns',
      LEGACY_HINT,
    );
  }
}

/** LibreQoS 2.2 maps names (aliases, any case); a field it cannot find reads as empty. */
function checkNamedHeader(file: ShapedDevicesFile, header: readonly string[], add: Add): void {
  const line = file.headerLine;
  const used = new Map<number, ColumnKey>();
  for (const [key, i] of file.columns) used.set(i, key);
  const firstOf = new Map<ColumnKey, number>();
  header.forEach((name, i) => {
    const key = columnKeyOf(name);
    if (key === undefined) {
      const readAs = used.get(i);
      const effect =
        readAs === undefined ? 'it is ignored' : `it is read as ${LABELS[readAs]} by its position`;
      add(
        'warning',
        `header column ${i + 1} ${q(name)} is not a column name LibreQoS 2.2 knows; ${effect}`,
        line,
        'header-columns',
        'use the names of the v2.2 header',
      );
      return;
    }
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else {
      add(
        'warning',
        `header columns ${first + 1} and ${i + 1} are both ${LABELS[key]}; LibreQoS 2.2 reads column ${first + 1}`,
        line,
        'header-columns',
        'remove one of them',
      );
    }
  });
  for (const key of Object.keys(LEGACY_POSITIONS) as ColumnKey[]) {
    if (key === 'sqm' || file.columns.has(key)) continue;
    const required = REQUIRED.includes(key);
    add(
      required ? 'error' : 'warning',
      `the header has no ${LABELS[key]} column; LibreQoS 2.2 reads it as empty${required ? ' and rejects every row' : ''}`,
      line,
      'header-columns',
      `add a ${LABELS[key]} column`,
    );
  }
  if (!firstOf.has('sqm') && header.length > LEGACY_COLUMNS) {
    add(
      'warning',
      `the header has ${header.length} columns but no sqm column; LibreQoS 2.2's fallback loader reads column 14 (${q(header[13] ?? '')}) as sqm`,
      line,
      'header-columns',
      'add an sqm column (empty values are fine)',
    );
  }
}
