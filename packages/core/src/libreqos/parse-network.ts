import type { PlanNode } from '../model/index.js';
import { NETWORK_JSON_FILE, type Problem } from './types.js';

export interface ParsedNetworkJson {
  nodes: PlanNode[];
  problems: Problem[];
}

// Every string followed by ':' is an object key (valid JSON has no quotes outside strings).
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g;
const KEY_TAG = /^\d+\|/;

/**
 * JSON.parse moves integer-like keys ("123") to the front and keeps only the last of duplicate
 * keys. To read nodes in file order, every key is first tagged with its position (`"7|name"`):
 * no tagged key is integer-like or repeated. JSON.parse still does all the real parsing.
 */
function parseOrdered(text: string): unknown {
  let n = 0;
  const tagged = text.replace(STRING_TOKEN, (token, colon: string | undefined) =>
    colon === undefined ? token : `"${n++}|${token.slice(1)}`,
  );
  try {
    return JSON.parse(tagged);
  } catch {
    return JSON.parse(text); // throws the error message of the text the operator wrote
  }
}

function untag(key: string): string {
  return key.replace(KEY_TAG, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const KNOWN_SCALARS = new Set([
  'downloadBandwidthMbps',
  'uploadBandwidthMbps',
  'type',
  'id',
  'latitude',
  'longitude',
]);

/** Read an existing network.json into PlanNode trees, in file order. Never throws. */
export function parseNetworkJson(text: string): ParsedNetworkJson {
  const problems: Problem[] = [];
  let root: unknown;
  try {
    root = parseOrdered(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      severity: 'error',
      subject: 'file',
      id: NETWORK_JSON_FILE,
      reason: `invalid JSON: ${message}`,
    });
    return { nodes: [], problems };
  }
  if (!isObject(root)) {
    problems.push({
      severity: 'error',
      subject: 'file',
      id: NETWORK_JSON_FILE,
      reason: 'the top level must be a JSON object ({} for a flat network)',
    });
    return { nodes: [], problems };
  }
  const nodes: PlanNode[] = [];
  // Iterative, so a very deep file cannot overflow the stack.
  const work: { object: Record<string, unknown>; into: PlanNode[] }[] = [{ object: root, into: nodes }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const seen = new Set<string>();
    for (const [taggedKey, value] of Object.entries(item.object)) {
      const name = untag(taggedKey);
      const problem = (severity: Problem['severity'], reason: string) =>
        problems.push({ severity, subject: 'node', id: name, reason });
      if (seen.has(name))
        problem('error', `node '${name}' appears twice in the same object; JSON keeps only the last`);
      seen.add(name);
      if (!isObject(value)) {
        problem('error', `node '${name}' is not an object`);
        continue;
      }
      const node = readNode(name, value, problem);
      item.into.push(node);
      const children = findKey(value, 'children');
      if (children === undefined) continue;
      if (isObject(children)) work.push({ object: children, into: node.children });
      else problem('error', `node '${name}': "children" must be an object of nodes`);
    }
  }
  return { nodes, problems };
}

function findKey(object: Record<string, unknown>, key: string): unknown {
  for (const [tagged, value] of Object.entries(object)) if (untag(tagged) === key) return value;
  return undefined;
}

function readNode(
  name: string,
  value: Record<string, unknown>,
  problem: (severity: Problem['severity'], reason: string) => void,
): PlanNode {
  const fields = new Map<string, unknown>();
  for (const [tagged, field] of Object.entries(value)) {
    const key = untag(tagged);
    fields.set(key, field);
    if (key === 'children' || KNOWN_SCALARS.has(key)) continue;
    if (isObject(field)) {
      problem(
        'error',
        `node '${name}': object-valued key "${key}" is read by LibreQoS as a phantom child node`,
      );
    } else if (key === 'name' && field !== name) {
      problem(
        'error',
        `node '${name}': "name" is ${JSON.stringify(field)}; LibreQoS 2.2 would use it instead of the key — remove it or make it equal`,
      );
    }
  }
  const bandwidth = (key: string): number => {
    const raw = fields.get(key);
    if (typeof raw === 'number') return raw;
    if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) {
      problem('warning', `node '${name}': "${key}" is the string ${JSON.stringify(raw)}; write a number`);
      return Number(raw);
    }
    problem(
      'error',
      `node '${name}': "${key}" is ${raw === undefined ? 'missing' : `not a number (${JSON.stringify(raw)})`}`,
    );
    return Number.NaN;
  };
  const node: PlanNode = {
    name,
    type:
      typeof fields.get('type') === 'string' && String(fields.get('type')).toLowerCase() === 'ap'
        ? 'ap'
        : 'site',
    downloadMbps: bandwidth('downloadBandwidthMbps'),
    uploadMbps: bandwidth('uploadBandwidthMbps'),
    children: [],
  };
  const id = fields.get('id');
  if (typeof id === 'string' || typeof id === 'number') node.id = String(id);
  const latitude = coordinate(fields.get('latitude'));
  const longitude = coordinate(fields.get('longitude'));
  if (latitude !== undefined) node.latitude = latitude;
  if (longitude !== undefined) node.longitude = longitude;
  return node;
}

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}
