import type { PlanNode } from '../model/index.js';
import type { RulePolicy } from './policy.js';
import { type ProblemSink, q } from './sink.js';
import { isValidSqm } from './sqm.js';
import { RATE_FIELDS, type RateField, type ShapedDevicesRow } from './types.js';
import { checkRates, RATE_LABEL } from './validate-rates.js';

export interface NodeIndex {
  byName: Map<string, PlanNode>;
  byId: Map<string, PlanNode>;
}

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
    { rule: 'whitespace', hint: `remove the spaces or line breaks around the ${label}` },
  );
}

function checkText(r: ShapedDevicesRow, policy: RulePolicy, sink: ProblemSink): void {
  const cid = r.circuitId;
  const webUi = policy.webUi;
  if (maybeSuspect(cid)) checkField(sink, 'Circuit ID', cid, 'circuit', r);
  if (cid.trim() === '') {
    sink.add(
      'error',
      'device',
      r.deviceId,
      `line ${r.line}: Circuit ID is empty — every row needs one`,
      r.line,
      { rule: 'circuit-id', hint: 'every row needs one' },
    );
  } else if (cid.trimStart().startsWith('#')) {
    sink.add(
      'error',
      'circuit',
      cid,
      'Circuit ID starts with "#", so LibreQoS skips the row as a comment',
      r.line,
      { rule: 'circuit-id', hint: 'remove the "#" from the Circuit ID' },
    );
  } else if (cid.includes('#')) {
    sink.add('error', 'circuit', cid, 'Circuit ID contains "#", which LibreQoS does not allow', r.line, {
      rule: 'circuit-id',
      hint: 'remove the "#" from the Circuit ID',
    });
  }
  if (maybeSuspect(r.circuitName)) checkField(sink, 'Circuit Name', r.circuitName, 'circuit', r);
  if (maybeSuspect(r.deviceId)) checkField(sink, 'Device ID', r.deviceId, 'device', r);
  if (maybeSuspect(r.deviceName)) checkField(sink, 'Device Name', r.deviceName, 'device', r);
  if (maybeSuspect(r.parentNode)) checkField(sink, 'Parent Node', r.parentNode, 'circuit', r);
  if (maybeSuspect(r.mac)) checkField(sink, 'MAC', r.mac, 'device', r);
  if (maybeSuspect(r.comment)) checkField(sink, 'Comment', r.comment, 'circuit', r);
  if (maybeSuspect(r.sqm)) checkField(sink, 'sqm', r.sqm, 'circuit', r);
  if (policy.layout === 'v2.2') {
    if (maybeSuspect(r.parentNodeId)) checkField(sink, 'Parent Node ID', r.parentNodeId, 'circuit', r);
    if (maybeSuspect(r.anchorNodeId)) checkField(sink, 'Anchor Node ID', r.anchorNodeId, 'circuit', r);
  }
  for (const key of RATE_FIELDS)
    if (maybeSuspect(r.rawRates[key])) checkField(sink, RATE_LABEL[key], r.rawRates[key], 'circuit', r);
  for (const ip of r.ipv4) if (maybeSuspect(ip)) checkField(sink, 'IPv4', ip, 'device', r);
  for (const ip of r.ipv6) if (maybeSuspect(ip)) checkField(sink, 'IPv6', ip, 'device', r);

  if (r.circuitName.trim() === '') {
    sink.add(webUi, 'circuit', cid, 'Circuit Name is empty', r.line, {
      rule: 'required-text',
      hint: 'fill in a Circuit Name (the Web UI refuses an empty one)',
    });
  }
  if (r.deviceId.trim() === '') {
    sink.add(webUi, 'device', '', `line ${r.line} (circuit ${q(cid)}): Device ID is empty`, r.line, {
      rule: 'device-id',
      hint: 'give every device a Device ID that is unique in the file',
    });
  }
  if (r.deviceName.trim() === '') {
    sink.add(webUi, 'device', r.deviceId, 'Device Name is empty', r.line, {
      rule: 'required-text',
      hint: 'fill in a Device Name (the Web UI refuses an empty one)',
    });
  }
  if (r.ipv4.length === 0 && r.ipv6.length === 0) {
    sink.add(
      webUi,
      'device',
      r.deviceId,
      'device has no IPv4 or IPv6 address; LibreQoS cannot match its traffic',
      r.line,
      { rule: 'no-ip', hint: "add the device's IPv4 or IPv6 address, or remove the row" },
    );
  }
  if (!isValidSqm(r.sqm)) {
    sink.add(
      'error',
      'circuit',
      cid,
      `sqm ${q(r.sqm)} is not valid (use cake, fq_codel, none, or down/up of those); LibreQoS rejects the whole file`,
      r.line,
      { rule: 'sqm', hint: 'or leave it empty for the default queue' },
    );
  }
}

function checkParent(r: ShapedDevicesRow, policy: RulePolicy, nodes: NodeIndex, sink: ProblemSink): void {
  const cid = r.circuitId;
  if (policy.missingParent === 'ignore') return;
  if (r.parentNode !== '' && !nodes.byName.has(r.parentNode)) {
    sink.add(
      policy.missingParent,
      'circuit',
      cid,
      `Parent Node ${q(r.parentNode)} is not a node in network.json`,
      r.line,
      {
        rule: 'parent-missing',
        hint:
          policy.target === undefined
            ? 'add the node to network.json, or leave Parent Node empty'
            : `add the node to network.json, or leave Parent Node empty (LibreQoS ${policy.target === '2.2' ? '2.2 moves the circuit to a generated parent' : `${policy.target} does not shape these devices`})`,
      },
    );
  }
  if (policy.layout !== 'v2.2') return;
  if (r.parentNodeId !== '') {
    const node = nodes.byId.get(r.parentNodeId);
    if (node === undefined) {
      sink.add(
        'warning',
        'circuit',
        cid,
        `Parent Node ID ${q(r.parentNodeId)} matches no node "id" in network.json`,
        r.line,
        { rule: 'parent-id', hint: 'use the "id" of the parent node, or leave Parent Node ID empty' },
      );
    } else if (r.parentNode !== '' && node.name !== r.parentNode) {
      sink.add(
        'error',
        'circuit',
        cid,
        `Parent Node ID ${q(r.parentNodeId)} is node ${q(node.name)} but Parent Node is ${q(r.parentNode)}`,
        r.line,
        { rule: 'parent-id', hint: 'make Parent Node and Parent Node ID name the same node' },
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
      { rule: 'anchor-id', hint: 'leave it empty' },
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
  policy: RulePolicy,
  sink: ProblemSink,
): void {
  const differs = (severity: 'error' | 'warning', label: string, a: string, b: string) =>
    sink.add(
      severity,
      'circuit',
      r.circuitId,
      `rows disagree on ${label}: ${q(a)} (line ${first.line}, device ${q(first.deviceId)}) vs ${q(b)} (line ${r.line}, device ${q(r.deviceId)}) — every row of a circuit must match`,
      r.line,
      { rule: 'circuit-consistency', hint: 'every row of a circuit must match' },
    );
  if (first.parentNode !== r.parentNode) differs('error', 'Parent Node', first.parentNode, r.parentNode);
  if (policy.layout === 'v2.2') {
    if (first.parentNodeId !== r.parentNodeId)
      differs('error', 'Parent Node ID', first.parentNodeId, r.parentNodeId);
    if (first.anchorNodeId !== r.anchorNodeId)
      differs('error', 'Anchor Node ID', first.anchorNodeId, r.anchorNodeId);
  }
  for (const key of RATE_FIELDS) {
    if (!sameRate(first, r, key))
      differs(policy.rowMismatch, RATE_LABEL[key], first.rawRates[key], r.rawRates[key]);
  }
  if (first.sqm !== r.sqm) differs(policy.rowMismatch, 'sqm', first.sqm, r.sqm);
  // LibreQoS keeps the first comment with a warning; it changes nothing in shaping.
  if (first.comment !== r.comment) differs('warning', 'Comment', first.comment, r.comment);
}

/** Row and circuit rules of ShapedDevices.csv. Returns the first row of each circuit. */
export function checkRows(
  rows: readonly ShapedDevicesRow[],
  policy: RulePolicy,
  nodes: NodeIndex,
  sink: ProblemSink,
): Map<string, ShapedDevicesRow> {
  const firstRows = new Map<string, ShapedDevicesRow>();
  const devices = new Map<string, ShapedDevicesRow>();
  for (const r of rows) {
    checkText(r, policy, sink);
    checkRates(r, policy, sink);
    checkParent(r, policy, nodes, sink);
    const first = firstRows.get(r.circuitId);
    if (first === undefined) firstRows.set(r.circuitId, r);
    else checkConsistency(first, r, policy, sink);
    if (r.deviceId === '') continue;
    const other = devices.get(r.deviceId);
    if (other === undefined) {
      devices.set(r.deviceId, r);
    } else {
      sink.add(
        policy.webUi,
        'device',
        r.deviceId,
        `Device ID is used twice: circuit ${q(other.circuitId)} (line ${other.line}) and circuit ${q(r.circuitId)} (line ${r.line}) — Device IDs must be unique in the file`,
        r.line,
        { rule: 'device-id', hint: 'Device IDs must be unique in the file' },
      );
    }
  }
  return firstRows;
}
