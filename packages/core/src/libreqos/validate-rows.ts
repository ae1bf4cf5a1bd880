import type { PlanNode } from '../model/index.js';
import { type ProblemSink, q } from './sink.js';
import { isValidSqm } from './sqm.js';
import { type CsvLayout, RATE_FIELDS, type RateField, type ShapedDevicesRow } from './types.js';

export interface NodeIndex {
  byName: Map<string, PlanNode>;
  byId: Map<string, PlanNode>;
}

export const RATE_LABEL: Record<RateField, string> = {
  downloadMin: 'Download Min',
  uploadMin: 'Upload Min',
  downloadMax: 'Download Max',
  uploadMax: 'Upload Max',
};

const SUSPECT = /^\s|\s$|[\r\n]/;

/** Cheap pre-check (runs ~15 times per row): only strings that might be suspect reach the regex. */
function maybeSuspect(value: string): boolean {
  const n = value.length;
  if (n === 0) return false;
  return (
    value.charCodeAt(0) <= 32 ||
    value.charCodeAt(n - 1) <= 32 ||
    value.includes('\n') ||
    value.includes('\r') ||
    value.charCodeAt(0) > 127 ||
    value.charCodeAt(n - 1) > 127
  );
}

/** LibreQoS's Rust reader trims fields and its Python one does not, so edge whitespace is an error. */
function checkField(
  sink: ProblemSink,
  label: string,
  value: string,
  subject: 'circuit' | 'device',
  r: ShapedDevicesRow,
): void {
  if (!SUSPECT.test(value)) return;
  const issue =
    value.includes('\n') || value.includes('\r')
      ? 'contains a line break'
      : 'has leading or trailing whitespace (LibreQoS’s Rust and Python readers disagree on it)';
  sink.add(
    'error',
    subject,
    subject === 'circuit' ? r.circuitId : r.deviceId,
    `${label} ${q(value)} ${issue}`,
    r.line,
  );
}

function checkText(r: ShapedDevicesRow, layout: CsvLayout, sink: ProblemSink): void {
  const cid = r.circuitId;
  if (maybeSuspect(cid)) checkField(sink, 'Circuit ID', cid, 'circuit', r);
  if (cid.trim() === '') {
    sink.add(
      'error',
      'device',
      r.deviceId,
      `line ${r.line}: Circuit ID is empty — every row needs one`,
      r.line,
    );
  } else if (cid.trimStart().startsWith('#')) {
    sink.add(
      'error',
      'circuit',
      cid,
      'Circuit ID starts with "#", so LibreQoS skips the row as a comment',
      r.line,
    );
  } else if (cid.includes('#')) {
    sink.add('error', 'circuit', cid, 'Circuit ID contains "#", which LibreQoS does not allow', r.line);
  }
  if (maybeSuspect(r.circuitName)) checkField(sink, 'Circuit Name', r.circuitName, 'circuit', r);
  if (maybeSuspect(r.deviceId)) checkField(sink, 'Device ID', r.deviceId, 'device', r);
  if (maybeSuspect(r.deviceName)) checkField(sink, 'Device Name', r.deviceName, 'device', r);
  if (maybeSuspect(r.parentNode)) checkField(sink, 'Parent Node', r.parentNode, 'circuit', r);
  if (maybeSuspect(r.mac)) checkField(sink, 'MAC', r.mac, 'device', r);
  if (maybeSuspect(r.comment)) checkField(sink, 'Comment', r.comment, 'circuit', r);
  if (maybeSuspect(r.sqm)) checkField(sink, 'sqm', r.sqm, 'circuit', r);
  if (layout === 'v2.2') {
    if (maybeSuspect(r.parentNodeId)) checkField(sink, 'Parent Node ID', r.parentNodeId, 'circuit', r);
    if (maybeSuspect(r.anchorNodeId)) checkField(sink, 'Anchor Node ID', r.anchorNodeId, 'circuit', r);
  }
  for (const key of RATE_FIELDS)
    if (maybeSuspect(r.rawRates[key])) checkField(sink, RATE_LABEL[key], r.rawRates[key], 'circuit', r);
  for (const ip of r.ipv4) if (maybeSuspect(ip)) checkField(sink, 'IPv4', ip, 'device', r);
  for (const ip of r.ipv6) if (maybeSuspect(ip)) checkField(sink, 'IPv6', ip, 'device', r);

  if (r.circuitName.trim() === '') sink.add('error', 'circuit', cid, 'Circuit Name is empty', r.line);
  if (r.deviceId.trim() === '') {
    sink.add('error', 'device', '', `line ${r.line} (circuit ${q(cid)}): Device ID is empty`, r.line);
  }
  if (r.deviceName.trim() === '') sink.add('error', 'device', r.deviceId, 'Device Name is empty', r.line);
  if (r.ipv4.length === 0 && r.ipv6.length === 0) {
    sink.add(
      'error',
      'device',
      r.deviceId,
      'device has no IPv4 or IPv6 address; LibreQoS cannot match its traffic',
      r.line,
    );
  }
  if (!isValidSqm(r.sqm)) {
    sink.add(
      'error',
      'circuit',
      cid,
      `sqm ${q(r.sqm)} is not valid (use cake, fq_codel, none, or down/up of those); LibreQoS rejects the whole file`,
      r.line,
    );
  }
}

const MIN_MAX_PAIRS = [
  ['downloadMin', 'downloadMax'],
  ['uploadMin', 'uploadMax'],
] as const;

function checkRates(r: ShapedDevicesRow, layout: CsvLayout, sink: ProblemSink): void {
  const cid = r.circuitId;
  let usable = true;
  for (const key of RATE_FIELDS) {
    const value = r[key];
    if (!Number.isFinite(value)) {
      sink.add(
        'error',
        'circuit',
        cid,
        `${RATE_LABEL[key]} ${q(r.rawRates[key])} is not a number of Mbps`,
        r.line,
      );
      usable = false;
    } else if (value < 0.1) {
      sink.add(
        'error',
        'circuit',
        cid,
        `${RATE_LABEL[key]} ${value} is below 0.1 Mbps, LibreQoS's minimum`,
        r.line,
      );
      usable = false;
    }
  }
  for (const [min, max] of MIN_MAX_PAIRS) {
    if (r[min] > r[max]) {
      sink.add(
        'error',
        'circuit',
        cid,
        `${RATE_LABEL[min]} ${r[min]} is above ${RATE_LABEL[max]} ${r[max]}`,
        r.line,
      );
    }
  }
  // LibreQoS 1.4 reads only the legacy layout and wants min ≥ 1, max ≥ 2.
  if (!usable || layout !== 'legacy') return;
  if (r.downloadMin >= 1 && r.uploadMin >= 1 && r.downloadMax >= 2 && r.uploadMax >= 2) return;
  const low = RATE_FIELDS.filter((key) => r[key] < (key.endsWith('Min') ? 1 : 2));
  if (low.length > 0) {
    const list = low.map((key) => `${RATE_LABEL[key]} ${r[key]}`).join(', ');
    sink.add(
      'warning',
      'circuit',
      cid,
      `${list}: below LibreQoS 1.4's limits (min ≥ 1, max ≥ 2 Mbps)`,
      r.line,
    );
  }
}

function checkParent(
  r: ShapedDevicesRow,
  layout: CsvLayout,
  nodes: NodeIndex,
  sink: ProblemSink,
  missing: 'error' | 'warning',
): void {
  const cid = r.circuitId;
  if (r.parentNode !== '' && !nodes.byName.has(r.parentNode)) {
    sink.add(missing, 'circuit', cid, `Parent Node ${q(r.parentNode)} is not a node in network.json`, r.line);
  }
  if (layout !== 'v2.2') return;
  if (r.parentNodeId !== '') {
    const node = nodes.byId.get(r.parentNodeId);
    if (node === undefined) {
      sink.add(
        'warning',
        'circuit',
        cid,
        `Parent Node ID ${q(r.parentNodeId)} matches no node "id" in network.json`,
        r.line,
      );
    } else if (r.parentNode !== '' && node.name !== r.parentNode) {
      sink.add(
        'error',
        'circuit',
        cid,
        `Parent Node ID ${q(r.parentNodeId)} is node ${q(node.name)} but Parent Node is ${q(r.parentNode)}`,
        r.line,
      );
    }
  }
  if (r.anchorNodeId !== '' && !nodes.byId.has(r.anchorNodeId)) {
    sink.add(
      'warning',
      'circuit',
      cid,
      `Anchor Node ID ${q(r.anchorNodeId)} matches no node "id"; LibreQoS 2.2 would leave the circuit unparented — leave it empty`,
      r.line,
    );
  }
}

function sameRate(a: ShapedDevicesRow, b: ShapedDevicesRow, key: RateField): boolean {
  if (Number.isNaN(a[key]) || Number.isNaN(b[key])) return a.rawRates[key] === b.rawRates[key];
  return a[key] === b[key];
}

/** Every row of a circuit must carry the same circuit-level values (the first row is the reference). */
function checkConsistency(
  first: ShapedDevicesRow,
  r: ShapedDevicesRow,
  layout: CsvLayout,
  sink: ProblemSink,
): void {
  const differs = (severity: 'error' | 'warning', label: string, a: string, b: string) =>
    sink.add(
      severity,
      'circuit',
      r.circuitId,
      `rows disagree on ${label}: ${q(a)} (line ${first.line}, device ${q(first.deviceId)}) vs ${q(b)} (line ${r.line}, device ${q(r.deviceId)}) — every row of a circuit must match`,
      r.line,
    );
  if (first.parentNode !== r.parentNode) differs('error', 'Parent Node', first.parentNode, r.parentNode);
  if (layout === 'v2.2') {
    if (first.parentNodeId !== r.parentNodeId)
      differs('error', 'Parent Node ID', first.parentNodeId, r.parentNodeId);
    if (first.anchorNodeId !== r.anchorNodeId)
      differs('error', 'Anchor Node ID', first.anchorNodeId, r.anchorNodeId);
  }
  for (const key of RATE_FIELDS) {
    if (!sameRate(first, r, key)) differs('error', RATE_LABEL[key], first.rawRates[key], r.rawRates[key]);
  }
  if (first.sqm !== r.sqm) differs('error', 'sqm', first.sqm, r.sqm);
  // LibreQoS keeps the first comment with a warning; it changes nothing in shaping.
  if (first.comment !== r.comment) differs('warning', 'Comment', first.comment, r.comment);
}

/** Row and circuit rules of ShapedDevices.csv. Returns the first row of each circuit. */
export function checkRows(
  rows: readonly ShapedDevicesRow[],
  layout: CsvLayout,
  nodes: NodeIndex,
  sink: ProblemSink,
  missingParent: 'error' | 'warning',
): Map<string, ShapedDevicesRow> {
  const firstRows = new Map<string, ShapedDevicesRow>();
  const devices = new Map<string, ShapedDevicesRow>();
  for (const r of rows) {
    checkText(r, layout, sink);
    checkRates(r, layout, sink);
    checkParent(r, layout, nodes, sink, missingParent);
    const first = firstRows.get(r.circuitId);
    if (first === undefined) firstRows.set(r.circuitId, r);
    else checkConsistency(first, r, layout, sink);
    if (r.deviceId === '') continue;
    const other = devices.get(r.deviceId);
    if (other === undefined) {
      devices.set(r.deviceId, r);
    } else {
      sink.add(
        'error',
        'device',
        r.deviceId,
        `Device ID is used twice: circuit ${q(other.circuitId)} (line ${other.line}) and circuit ${q(r.circuitId)} (line ${r.line}) — Device IDs must be unique in the file`,
        r.line,
      );
    }
  }
  return firstRows;
}
