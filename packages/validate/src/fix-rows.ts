import { isValidSqm, type LibreQosVersion, parseRate, RATE_FIELDS, type RateField } from '@wispsync/core';
import { fixIpItem } from './fix-ips.js';

/** One ShapedDevices.csv row being fixed: text fields by name, rates as text, IPs as lists. */
export interface FixRow {
  line: number;
  cells: string[];
  circuitId: string;
  circuitName: string;
  deviceId: string;
  deviceName: string;
  parentNode: string;
  parentNodeId: string;
  anchorNodeId: string;
  mac: string;
  comment: string;
  sqm: string;
  rates: Record<RateField, string>;
  ipv4: string[];
  ipv6: string[];
  /** Why the row is left out of the fixed copy. */
  dropped?: string;
}

export type Note = (row: FixRow, subject: 'circuit' | 'device', text: string) => void;

export const TEXT_FIELDS = [
  ['circuitId', 'Circuit ID', 'circuit'],
  ['circuitName', 'Circuit Name', 'circuit'],
  ['deviceId', 'Device ID', 'device'],
  ['deviceName', 'Device Name', 'device'],
  ['parentNode', 'Parent Node', 'circuit'],
  ['parentNodeId', 'Parent Node ID', 'circuit'],
  ['anchorNodeId', 'Anchor Node ID', 'circuit'],
  ['mac', 'MAC', 'device'],
  ['comment', 'Comment', 'circuit'],
  ['sqm', 'sqm', 'circuit'],
] as const;

export const RATE_NAMES: Record<RateField, string> = {
  downloadMin: 'Download Min',
  uploadMin: 'Upload Min',
  downloadMax: 'Download Max',
  uploadMax: 'Upload Max',
};

/** Quoted for a change line, like the problem lines quote values. */
function json(value: string): string {
  return `'${value.replace(/\n/g, '\\n')}'`;
}

/** Edge spaces and line breaks go; a "#" in a Circuit ID goes; a bad sqm becomes the default. */
export function fixText(row: FixRow, note: Note): void {
  for (const [key, label, subject] of TEXT_FIELDS) {
    const value = row[key];
    const clean = value.replace(/[\r\n]+/g, ' ').trim();
    if (clean !== value) {
      row[key] = clean;
      note(row, subject, `${label} ${json(value)} → ${json(clean)} (spaces and line breaks removed)`);
    }
  }
  if (row.circuitId.includes('#')) {
    const clean = row.circuitId.replaceAll('#', '').trim();
    note(row, 'circuit', `Circuit ID ${json(row.circuitId)} → ${json(clean)} ("#" removed)`);
    row.circuitId = clean;
  }
  if (row.circuitId === '') row.dropped = 'it has no Circuit ID';
  if (!isValidSqm(row.sqm)) {
    note(row, 'circuit', `sqm ${json(row.sqm)} → '' (not a valid sqm; empty means LibreQoS's default)`);
    row.sqm = '';
  }
}

const WHOLE = /^\+?\d+$/;
const WITH_UNIT = /^\s*\+?(\d*\.?\d+)\s*(mbps|mbit\/s|mbit|mb|m)?\s*$/i;

/** Floors: LibreQoS 1.4 wants whole Mbps with min ≥ 1 and max ≥ 2; 2.x takes 0.1 and up. */
function floorOf(key: RateField, target: LibreQosVersion): number {
  if (target === '1.4') return key.endsWith('Min') ? 1 : 2;
  return 0.1;
}

/**
 * Rates: units dropped (`25 Mbps` → 25), whole numbers for LibreQoS 1.4, raised to the floor,
 * and min lowered to max when it is above it. A rate that is no number at all drops the row.
 */
export function fixRates(row: FixRow, target: LibreQosVersion, note: Note): void {
  const values = {} as Record<RateField, number>;
  for (const key of RATE_FIELDS) {
    const raw = row.rates[key];
    let value = parseRate(raw);
    if (Number.isNaN(value)) {
      const salvaged = WITH_UNIT.exec(raw)?.[1];
      if (salvaged === undefined) {
        row.dropped = `${RATE_NAMES[key]} ${json(raw)} is not a number`;
        return;
      }
      value = Number(salvaged);
    }
    let why = value === parseRate(raw) ? '' : 'the unit removed';
    if (target === '1.4' && (!Number.isInteger(value) || !WHOLE.test(raw.trim()))) {
      value = Math.round(value);
      why = 'LibreQoS 1.4 reads whole numbers';
    }
    const floor = floorOf(key, target);
    if (value < floor) {
      value = floor;
      why = `raised to LibreQoS ${target}'s minimum`;
    }
    values[key] = value;
    if (why !== '') {
      row.rates[key] = String(value);
      note(row, 'circuit', `${RATE_NAMES[key]} ${json(raw)} → ${json(String(value))} (${why})`);
    } else {
      row.rates[key] = raw.trim();
    }
  }
  for (const [min, max] of [
    ['downloadMin', 'downloadMax'],
    ['uploadMin', 'uploadMax'],
  ] as const) {
    if (values[min] <= values[max]) continue;
    note(
      row,
      'circuit',
      `${RATE_NAMES[min]} ${json(row.rates[min])} → ${json(row.rates[max])} (it was above ${RATE_NAMES[max]})`,
    );
    row.rates[min] = row.rates[max];
  }
}

/** Each IP item parses, sits in its family's column, and is a network address (host bits cleared). */
export function fixIps(row: FixRow, note: Note): void {
  const out: Record<4 | 6, string[]> = { 4: [], 6: [] };
  for (const column of [4, 6] as const) {
    for (const item of column === 4 ? row.ipv4 : row.ipv6) {
      const fixed = fixIpItem(item, column);
      if (fixed.kind === 'invalid') {
        note(row, 'device', `IPv${column} ${json(item)} removed: ${fixed.reason}`);
        continue;
      }
      if (fixed.kind === 'cleared')
        note(row, 'device', `IPv${column} ${json(item)} → ${json(fixed.text)} (host bits cleared)`);
      if (fixed.kind === 'moved')
        note(row, 'device', `${json(item)} moved from the IPv${column} to the IPv${fixed.family} column`);
      out[fixed.family].push(fixed.text);
    }
  }
  row.ipv4 = out[4];
  row.ipv6 = out[6];
}
