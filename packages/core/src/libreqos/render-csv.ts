import type { PlanCircuit } from '../model/index.js';
import { LEGACY_HEADER, V22_HEADER } from './columns.js';
import type { CsvLayout, ShapedDevicesRow } from './types.js';

// RFC 4180 quoting only where needed; edge whitespace is quoted too so no reader trims it away.
// Hand-written instead of papaparse's unparse: it is one regex test per field, ~5× faster.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell as our files write it (RFC 4180 quotes only where needed, and around edge spaces). */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const cell = csvCell;

/** Most devices have one address per family: no join (and no garbage) for those. */
function joinIps(ips: readonly string[]): string {
  return ips.length === 1 ? (ips[0] as string) : ips.join(', ');
}

function headerLine(layout: CsvLayout, withSqm: boolean): string {
  const names: string[] = layout === 'legacy' ? [...LEGACY_HEADER] : [...V22_HEADER];
  if (withSqm) names.push('sqm');
  return `${names.map(cell).join(',')}\n`;
}

/** The legacy layout gets an sqm column only when used (LibreQoS 1.4 crashes on a 14th column). */
function wantsSqm(layout: CsvLayout, sqms: Iterable<string>): boolean {
  if (layout === 'v2.2') return true; // v2.2 misreads Upload Max as sqm without an explicit column
  for (const sqm of sqms) if (sqm !== '') return true;
  return false;
}

interface Fields {
  circuitId: string;
  circuitName: string;
  deviceId: string;
  deviceName: string;
  parentNode: string;
  parentNodeId: string;
  mac: string;
  ipv4: readonly string[];
  ipv6: readonly string[];
  rates: string;
  comment: string;
  sqm: string;
}

function line(layout: CsvLayout, withSqm: boolean, f: Fields): string {
  const head = `${cell(f.circuitId)},${cell(f.circuitName)},${cell(f.deviceId)},${cell(f.deviceName)},${cell(f.parentNode)}`;
  // Anchor Node ID is always empty: an unresolvable anchor unparents the circuit in v2.2.
  const ids = layout === 'v2.2' ? `,${cell(f.parentNodeId)},` : '';
  const ips = `${cell(joinIps(f.ipv4))},${cell(joinIps(f.ipv6))}`;
  const tail = withSqm ? `,${cell(f.sqm)}` : '';
  return `${head}${ids},${cell(f.mac)},${ips},${f.rates},${cell(f.comment)}${tail}\n`;
}

function rateCells(a: number, b: number, c: number, d: number): string {
  return `${cell(String(a))},${cell(String(b))},${cell(String(c))},${cell(String(d))}`;
}

/** ShapedDevices.csv text: one row per device, circuits in the given order. */
export function renderShapedDevices(circuits: readonly PlanCircuit[], layout: CsvLayout): string {
  const withSqm = wantsSqm(
    layout,
    circuits.map((c) => c.sqm),
  );
  const out: string[] = [headerLine(layout, withSqm)];
  for (const c of circuits) {
    const rates = rateCells(c.downloadMin, c.uploadMin, c.downloadMax, c.uploadMax);
    for (const d of c.devices) {
      out.push(
        line(layout, withSqm, {
          circuitId: c.id,
          circuitName: c.name,
          deviceId: d.id,
          deviceName: d.name,
          parentNode: c.parentNode,
          parentNodeId: c.parentNodeId,
          mac: d.mac,
          ipv4: d.ipv4,
          ipv6: d.ipv6,
          rates,
          comment: c.comment,
          sqm: c.sqm,
        }),
      );
    }
  }
  return out.join('');
}

/** The same, from rows (e.g. a parsed file written back); rates use the numbers, not the raw text. */
export function renderShapedDevicesRows(rows: readonly ShapedDevicesRow[], layout: CsvLayout): string {
  const withSqm = wantsSqm(
    layout,
    rows.map((r) => r.sqm),
  );
  const out: string[] = [headerLine(layout, withSqm)];
  for (const r of rows) {
    out.push(
      line(layout, withSqm, {
        ...r,
        rates: rateCells(r.downloadMin, r.uploadMin, r.downloadMax, r.uploadMax),
      }),
    );
  }
  return out.join('');
}
