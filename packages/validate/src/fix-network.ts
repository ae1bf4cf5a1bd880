import type { PlanNode } from '@wispsync/core';
import { walkNodes } from '@wispsync/core';
import type { ReadNetwork } from './check.js';
import type { Change } from './finding.js';

/** What the CSV fixer needs to know about the fixed network.json. */
export interface FixedNetwork {
  text: string;
  changes: Change[];
  /** Old name → new name of nodes renamed for a reason that does not make the old name ambiguous. */
  renamed: Map<string, string>;
  /** Final node names → their "id" ('' when none). */
  idByName: Map<string, string>;
  ids: Set<string>;
}

const RESERVED = /^(children|Generated_PN_\d+)$/;
const FALLBACK_MBPS = 1000;
const BANDWIDTH_KEYS = ['downloadBandwidthMbps', 'uploadBandwidthMbps'] as const;
const SCALARS = new Set([...BANDWIDTH_KEYS, 'type', 'id', 'latitude', 'longitude', 'children']);

interface Work {
  name: string;
  entries: [string, unknown][];
}

/** Quoted for a change line, like the problem lines quote names. */
function q(value: string): string {
  return `'${value}'`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A usable bandwidth: a positive number (numeric strings read as lqosd does), truncated like int(). */
function usable(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return undefined;
  const whole = Math.trunc(n);
  return whole > 0 ? whole : undefined;
}

/**
 * A corrected copy of an operator's network.json: names made unique (and not reserved), phantom
 * object keys and a differing "name" removed, duplicate ids dropped from later nodes, bandwidths
 * made positive whole numbers (a missing one takes the parent's). Every other key is kept as it was.
 */
export function fixNetwork(read: ReadNetwork): FixedNetwork {
  const { file, name: fileName } = read;
  const changes: Change[] = [];
  const work = new Map<PlanNode, Work>();
  const change = (node: PlanNode | null, text: string, line?: number, path?: readonly string[]) => {
    const source = node === null ? undefined : file.sources.get(node);
    changes.push({
      file: fileName,
      line: (line ?? source?.line) || null,
      subject: node === null && path === undefined ? 'file' : 'node',
      id: node?.name ?? path?.[path.length - 1] ?? fileName,
      path: path ? [...path] : source ? [...source.path] : null,
      change: text,
    });
  };
  for (const p of file.problems) {
    if (p.subject !== 'node' || p.rule !== 'json-shape') continue;
    const what = p.reason.includes('"children"')
      ? '"children" removed: it is not an object'
      : 'removed: it is not an object';
    change(null, what, p.line, p.path);
  }
  if (read.encoding !== 'utf-8') change(null, 'written as UTF-8 without a byte-order mark');

  const walked = [...walkNodes(file.nodes)];
  for (const { node } of walked) {
    work.set(node, {
      name: node.name,
      entries: (file.sources.get(node)?.entries ?? []).map(([k, v]) => [k, v]),
    });
  }
  const renamed = renameNodes(
    walked.map((w) => w.node),
    work,
    file,
    change,
  );
  const ids = new Set<string>();
  const idByName = new Map<string, string>();
  for (const { node, parent } of walked) {
    const item = work.get(node)!;
    cleanEntries(node, item, change);
    fixBandwidths(node, parent === null ? null : work.get(parent)!, item, walked, work, change);
    const idAt = item.entries.findIndex(([k]) => k === 'id');
    const id = idAt < 0 ? undefined : item.entries[idAt]![1];
    if (typeof id === 'string' || typeof id === 'number') {
      if (ids.has(String(id))) {
        item.entries.splice(idAt, 1);
        change(node, `"id" ${JSON.stringify(id)} removed: an earlier node has it`);
      } else ids.add(String(id));
    }
    const kept = item.entries.find(([k]) => k === 'id')?.[1];
    idByName.set(item.name, typeof kept === 'string' || typeof kept === 'number' ? String(kept) : '');
  }
  return { text: render(file.nodes, work), changes, renamed, idByName, ids };
}

function renameNodes(
  nodes: PlanNode[],
  work: Map<PlanNode, Work>,
  file: ReadNetwork['file'],
  change: (node: PlanNode, text: string) => void,
): Map<string, string> {
  const renamed = new Map<string, string>();
  const claimed = new Set<string>();
  const clashing: PlanNode[] = [];
  for (const node of nodes) {
    const item = work.get(node)!;
    const clean =
      node.name.replace(/[\r\n]+/g, ' ').trim() || `node ${file.sources.get(node)?.line ?? ''}`.trim();
    if (clean !== node.name) {
      change(node, `renamed ${q(clean)}: the name had edge spaces, a line break, or was empty`);
      renamed.set(node.name, clean);
      item.name = clean;
    }
    if (RESERVED.test(item.name) || claimed.has(item.name)) clashing.push(node);
    else claimed.add(item.name);
  }
  for (const node of clashing) {
    const item = work.get(node)!;
    let name = item.name;
    for (let n = 2; claimed.has(name) || RESERVED.test(name); n++) name = `${item.name} (${n})`;
    claimed.add(name);
    if (RESERVED.test(item.name)) {
      change(node, `renamed ${q(name)}: ${q(item.name)} is reserved by LibreQoS`);
      renamed.set(node.name, name);
    } else {
      change(
        node,
        `renamed ${q(name)}: another node is already called ${q(item.name)} (Parent Node keeps naming the first)`,
      );
    }
    item.name = name;
  }
  return renamed;
}

function cleanEntries(node: PlanNode, item: Work, change: (node: PlanNode, text: string) => void): void {
  item.entries = item.entries.filter(([key, value]) => {
    // A non-object "children" was reported (and listed as removed) by the reader.
    if (key === 'children') return isObject(value);
    if (SCALARS.has(key)) return true;
    if (isObject(value)) {
      change(node, `key "${key}" removed: LibreQoS reads an object-valued key as a phantom child node`);
      return false;
    }
    if (key === 'name' && value !== node.name) {
      change(
        node,
        `key "name" (${JSON.stringify(value)}) removed: LibreQoS 2.2 would use it instead of the key`,
      );
      return false;
    }
    return true;
  });
}

function fixBandwidths(
  node: PlanNode,
  parent: Work | null,
  item: Work,
  walked: { node: PlanNode; parent: PlanNode | null }[],
  work: Map<PlanNode, Work>,
  change: (node: PlanNode, text: string) => void,
): void {
  for (const key of BANDWIDTH_KEYS) {
    const at = item.entries.findIndex(([k]) => k === key);
    const raw = at < 0 ? undefined : item.entries[at]![1];
    let value = usable(raw);
    if (value === undefined) {
      const fromParent = parent === null ? undefined : usable(parent.entries.find(([k]) => k === key)?.[1]);
      const nearby = fromParent === undefined ? widest(node, key, walked, work) : undefined;
      value = fromParent ?? nearby ?? FALLBACK_MBPS;
      const why =
        fromParent !== undefined
          ? "the parent's rate"
          : nearby !== undefined
            ? 'the widest node beside or under it — check it'
            : 'a placeholder — set the real capacity';
      change(
        node,
        `${key} ${raw === undefined ? 'was missing' : `was ${JSON.stringify(raw)}`}; set to ${value} (${why})`,
      );
    } else if (raw !== value) {
      change(node, `${key} ${JSON.stringify(raw)} → ${value} (a whole number, as LibreQoS reads it)`);
    }
    if (at >= 0) item.entries[at] = [key, value];
    else {
      // Where a reader expects it: download first, upload right after it.
      const download = item.entries.findIndex(([k]) => k === 'downloadBandwidthMbps');
      item.entries.splice(key === 'uploadBandwidthMbps' && download >= 0 ? download + 1 : 0, 0, [key, value]);
    }
  }
}

/** For a top-level node without a usable bandwidth: the widest of its children, else of the top level. */
function widest(
  node: PlanNode,
  key: (typeof BANDWIDTH_KEYS)[number],
  walked: { node: PlanNode; parent: PlanNode | null }[],
  work: Map<PlanNode, Work>,
): number | undefined {
  const candidates = [...node.children, ...walked.filter((w) => w.parent === null).map((w) => w.node)];
  let best: number | undefined;
  for (const other of candidates) {
    if (other === node) continue;
    const value = usable(work.get(other)?.entries.find(([k]) => k === key)?.[1]);
    if (value !== undefined && (best === undefined || value > best)) best = value;
  }
  return best;
}

const INDENT = '    ';

/** network.json text with 4-space indents, each node's keys in their original order. */
function render(nodes: readonly PlanNode[], work: Map<PlanNode, Work>): string {
  if (nodes.length === 0) return '{}\n';
  return `${renderLevel(nodes, work, 1)}\n`;
}

function renderLevel(nodes: readonly PlanNode[], work: Map<PlanNode, Work>, depth: number): string {
  if (nodes.length === 0) return '{}';
  const pad = INDENT.repeat(depth);
  const items = nodes.map((node) => {
    const item = work.get(node)!;
    const inner = INDENT.repeat(depth + 1);
    const fields = item.entries.map(([key, value]) =>
      key === 'children'
        ? `${inner}"children": ${renderLevel(node.children, work, depth + 2)}`
        : `${inner}${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
    return `${pad}${JSON.stringify(item.name)}: {\n${fields.join(',\n')}\n${pad}}`;
  });
  return `{\n${items.join(',\n')}\n${INDENT.repeat(depth - 1)}}`;
}
