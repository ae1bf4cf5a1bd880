import { canonicalIpv4Value, formatIpInfo, inspectIp, ipRange } from '../net/index.js';
import type { RulePolicy, Severity } from './policy.js';
import { type ProblemSink, q } from './sink.js';
import type { ShapedDevicesRow } from './types.js';

interface Entry<T extends number | string> {
  family: 4 | 6;
  /**
   * The item as written; `canonical` when that is already its canonical text. Only the text is
   * kept (not the parsed address): a message re-parses it, which is rare, and 200k parsed
   * addresses held until the sweep cost ~100 MB.
   */
  ip: string;
  canonical: boolean;
  start: T;
  end: T;
  row: ShapedDevicesRow;
}

function label(entry: Entry<number | string>): string {
  if (entry.canonical) return entry.ip;
  const parsed = inspectIp(entry.ip);
  return parsed.ok ? formatIpInfo(parsed.info) : entry.ip;
}

function owner(row: ShapedDevicesRow): string {
  return `circuit ${q(row.circuitId)} (device ${q(row.deviceId)}, line ${row.line})`;
}

/**
 * IP rules: each item parses, sits in its family's column, and is a network address or a bare
 * host; no address is listed twice anywhere in the file (same network after normalising); and a
 * prefix inside another circuit's prefix is a warning. One sort per family finds both.
 */
export function checkIps(rows: readonly ShapedDevicesRow[], policy: RulePolicy, sink: ProblemSink): void {
  const v4: Entry<number>[] = [];
  const v6: Entry<string>[] = [];
  const collect = (row: ShapedDevicesRow, family: 4 | 6, item: string): void => {
    // Nearly every item is a canonical IPv4 host: skip the full parse (200k items a run).
    const value = family === 4 ? canonicalIpv4Value(item) : undefined;
    if (value !== undefined) {
      v4.push({ family: 4, ip: item, canonical: true, start: value, end: value, row });
      return;
    }
    const parsed = inspectIp(item);
    if (!parsed.ok) {
      sink.add(
        'error',
        'device',
        row.deviceId,
        `IPv${family} ${q(item)} is not valid: ${parsed.reason}`,
        row.line,
        { rule: 'ip-invalid', hint: 'write a plain address or network/prefix; separate several with commas' },
      );
      return;
    }
    const info = parsed.info;
    if (info.family !== family) {
      sink.add(
        'error',
        'device',
        row.deviceId,
        `${q(item)} is an IPv${info.family} address in the IPv${family} column`,
        row.line,
        { rule: 'ip-family', hint: `move it to the IPv${info.family} column` },
      );
      return;
    }
    if (!info.network) {
      sink.add(
        'error',
        'device',
        row.deviceId,
        `IPv${family} ${q(item)} has host bits set below /${info.prefix}; LibreQoS rejects it — write the network address or the bare host ${info.address}`,
        row.line,
        { rule: 'ip-host-bits', hint: 'write the network address or the bare host' },
      );
      return;
    }
    const range = ipRange(info);
    const ip = item.trim();
    if (range.family === 4)
      v4.push({ family: 4, ip, canonical: false, start: range.start, end: range.end, row });
    else v6.push({ family: 6, ip, canonical: false, start: range.start, end: range.end, row });
  };
  for (const row of rows) {
    for (const item of row.ipv4) collect(row, 4, item);
    for (const item of row.ipv6) collect(row, 6, item);
  }
  sweep(v4, policy.duplicateIpv4, sink);
  sweep(v6, 'error', sink);
}

/**
 * Sorted by start, wider first (the sort is stable, so equal networks stay in row order).
 * Equal neighbours are duplicates of the first; otherwise, since CIDR ranges are either nested or
 * disjoint, a stack of open ranges gives each range its innermost container. O(n log n).
 */
function sweep<T extends number | string>(entries: Entry<T>[], duplicate: Severity, sink: ProblemSink): void {
  entries.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : a.end < b.end ? 1 : 0,
  );
  const open: Entry<T>[] = [];
  let previous: Entry<T> | undefined;
  for (const entry of entries) {
    if (previous !== undefined && previous.start === entry.start && previous.end === entry.end) {
      sink.add(
        duplicate,
        'circuit',
        entry.row.circuitId,
        `IPv${entry.family} ${label(entry)} of ${owner(entry.row)} is already used by ${owner(previous.row)}`,
        entry.row.line,
        { rule: 'ip-duplicate', hint: 'keep the address in one circuit only' },
      );
      continue;
    }
    previous = entry;
    while (open.length > 0 && open[open.length - 1]!.end < entry.start) open.pop();
    const container = open[open.length - 1];
    // Inside one circuit an overlap changes nothing: both land in the same queue.
    if (container !== undefined && container.row.circuitId !== entry.row.circuitId) {
      sink.add(
        'warning',
        'circuit',
        entry.row.circuitId,
        `${label(entry)} of ${owner(entry.row)} lies inside ${label(container)} of ${owner(container.row)}; LibreQoS sends it to the most specific match`,
        entry.row.line,
        { rule: 'ip-overlap', hint: 'check that both circuits should own these addresses' },
      );
    }
    open.push(entry);
  }
}
