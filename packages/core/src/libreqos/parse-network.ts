import type { PlanNode } from '../model/index.js';
import { checkNodeFields } from './node-fields.js';
import { outputPolicy } from './policy.js';
import { createSink } from './sink.js';
import { NETWORK_JSON_FILE, type Problem } from './types.js';

export interface ParsedNetworkJson {
  nodes: PlanNode[];
  problems: Problem[];
}

/** Where a node of an operator's network.json came from, for messages and for writing it back. */
export interface NetworkNodeSource {
  /** Line of the node's key (1-based). */
  line: number;
  /** Names from the top level down, this node's last. */
  path: readonly string[];
  /** The node's keys in file order with their values; `children` holds `{}` when it is an object. */
  entries: readonly (readonly [string, unknown])[];
}

/** network.json as read: the nodes, where each came from, and what is wrong with its structure. */
export interface NetworkJsonFile {
  nodes: PlanNode[];
  sources: Map<PlanNode, NetworkNodeSource>;
  /** Syntax, shape, duplicate keys, non-object nodes or children (field rules are checked later). */
  problems: Problem[];
}

// Every string followed by ':' is an object key (valid JSON has no quotes outside strings).
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g;
const KEY_TAG = /^(\d+)\|/;

/**
 * JSON.parse moves integer-like keys ("123") to the front and keeps only the last of duplicate
 * keys. To read nodes in file order, every key is first tagged with its position (`"7|name"`):
 * no tagged key is integer-like or repeated. JSON.parse still does all the real parsing. The
 * offset of each key is kept for line numbers.
 */
function parseOrdered(text: string): { value: unknown; offsets: number[] } {
  const offsets: number[] = [];
  const tagged = text.replace(STRING_TOKEN, (token, colon: string | undefined, offset: number) => {
    if (colon === undefined) return token;
    offsets.push(offset);
    return `"${offsets.length - 1}|${token.slice(1)}`;
  });
  try {
    return { value: JSON.parse(tagged), offsets };
  } catch {
    return { value: JSON.parse(text), offsets: [] }; // throws the error message of the text the operator wrote
  }
}

function untag(key: string): string {
  return key.replace(KEY_TAG, '');
}

/** A value with its tagged keys restored (custom keys an operator put in a node). */
function untagDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untagDeep);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [untag(k), untagDeep(v)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line of a character offset (binary search over the line starts). */
function lineFinder(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Read network.json into PlanNode trees in file order, remembering where each node was. Never throws. */
export function readNetworkJson(text: string): NetworkJsonFile {
  const problems: Problem[] = [];
  const sources = new Map<PlanNode, NetworkNodeSource>();
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineAt = lineFinder(body);
  const fileProblem = (reason: string, line?: number) =>
    problems.push({
      severity: 'error',
      subject: 'file',
      id: NETWORK_JSON_FILE,
      reason,
      rule: reason.startsWith('invalid JSON') ? 'json-syntax' : 'json-shape',
      hint: reason.startsWith('invalid JSON')
        ? 'repair the JSON near that line (a missing comma, quote or brace)'
        : 'write the nodes inside one object, or {} for a flat network',
      ...(line === undefined ? {} : { line }),
    });
  let parsed: { value: unknown; offsets: number[] };
  try {
    parsed = parseOrdered(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    fileProblem(`invalid JSON: ${message}`, position === undefined ? undefined : lineAt(Number(position)));
    return { nodes: [], sources, problems };
  }
  const root = parsed.value;
  if (!isObject(root)) {
    fileProblem('the top level must be a JSON object ({} for a flat network)');
    return { nodes: [], sources, problems };
  }
  const lineOf = (taggedKey: string): number => {
    const n = KEY_TAG.exec(taggedKey)?.[1];
    const offset = n === undefined ? undefined : parsed.offsets[Number(n)];
    return offset === undefined ? 0 : lineAt(offset);
  };
  const nodes: PlanNode[] = [];
  // Iterative, so a very deep file cannot overflow the stack.
  const work: { object: Record<string, unknown>; into: PlanNode[]; path: readonly string[] }[] = [
    { object: root, into: nodes, path: [] },
  ];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const seen = new Set<string>();
    for (const [taggedKey, value] of Object.entries(item.object)) {
      const name = untag(taggedKey);
      const line = lineOf(taggedKey);
      const path = [...item.path, name];
      const problem = (reason: string, rule: 'node-duplicate-key' | 'json-shape', hint: string) =>
        problems.push({ severity: 'error', subject: 'node', id: name, reason, line, rule, hint, path });
      if (seen.has(name)) {
        problem(
          `node '${name}' appears twice in the same object; JSON keeps only the last`,
          'node-duplicate-key',
          'rename one of them (names must be unique across the whole tree)',
        );
      }
      seen.add(name);
      if (!isObject(value)) {
        problem(
          `node '${name}' is not an object`,
          'json-shape',
          'make it an object with downloadBandwidthMbps and uploadBandwidthMbps',
        );
        continue;
      }
      const { node, entries, children } = readNode(name, value);
      item.into.push(node);
      sources.set(node, { line, path, entries });
      if (children === undefined) continue;
      if (isObject(children)) work.push({ object: children, into: node.children, path });
      else problem(`node '${name}': "children" must be an object of nodes`, 'json-shape', 'use {} for none');
    }
  }
  return { nodes, sources, problems };
}

/** Read an existing network.json (one of ours, or one we keep) with our own output's rules. */
export function parseNetworkJson(text: string): ParsedNetworkJson {
  const file = readNetworkJson(text);
  const sink = createSink();
  checkNodeFields(file, outputPolicy('legacy'), sink);
  return { nodes: file.nodes, problems: [...file.problems, ...sink.problems] };
}

function readNode(
  name: string,
  value: Record<string, unknown>,
): { node: PlanNode; entries: [string, unknown][]; children: unknown } {
  const fields = new Map<string, unknown>();
  const entries: [string, unknown][] = [];
  let children: unknown;
  for (const [tagged, field] of Object.entries(value)) {
    const key = untag(tagged);
    if (key === 'children') {
      children = field;
      entries.push([key, isObject(field) ? {} : field]);
    } else {
      entries.push([key, untagDeep(field)]);
    }
    fields.set(key, field);
  }
  const node: PlanNode = {
    name,
    type:
      typeof fields.get('type') === 'string' && String(fields.get('type')).toLowerCase() === 'ap'
        ? 'ap'
        : 'site',
    downloadMbps: bandwidth(fields.get('downloadBandwidthMbps')),
    uploadMbps: bandwidth(fields.get('uploadBandwidthMbps')),
    children: [],
  };
  const id = fields.get('id');
  if (typeof id === 'string' || typeof id === 'number') node.id = String(id);
  const latitude = coordinate(fields.get('latitude'));
  const longitude = coordinate(fields.get('longitude'));
  if (latitude !== undefined) node.latitude = latitude;
  if (longitude !== undefined) node.longitude = longitude;
  return { node, entries, children };
}

/** A number, or a numeric string as lqosd reads it; NaN otherwise (the field rules say why). */
function bandwidth(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return Number.NaN;
}

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}
