import { basename } from 'node:path';
import {
  checkNodeFields,
  checkShapedDevicesFile,
  createSink,
  type LibreQosVersion,
  type NetworkJsonFile,
  type Problem,
  type ProblemSink,
  readNetworkJson,
  readShapedDevices,
  readsHeaderNames,
  type ShapedDevicesFile,
  targetPolicy,
  validateOutput,
  walkNodes,
} from '@wispsync/core';
import { decodeText, type Encoding } from './decode.js';
import { type Finding, toFinding } from './finding.js';

/** A file to check: where it came from (for messages) and its bytes. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

export interface ValidateFilesInput {
  shapedDevices?: InputFile | undefined;
  network?: InputFile | undefined;
  target: LibreQosVersion;
}

export interface ReadCsv {
  name: string;
  path: string;
  encoding: Encoding;
  /** The decoded text (the fixer reads it again by header name). */
  text: string;
  file: ShapedDevicesFile;
}

export interface ReadNetwork {
  name: string;
  path: string;
  encoding: Encoding;
  file: NetworkJsonFile;
}

export interface ValidationResult {
  target: LibreQosVersion;
  /** Sorted: ShapedDevices.csv first, then network.json, each by line. */
  findings: Finding[];
  errors: number;
  warnings: number;
  csv?: ReadCsv | undefined;
  network?: ReadNetwork | undefined;
  counts: { rows?: number; circuits?: number; nodes?: number };
}

/**
 * Check an operator's ShapedDevices.csv and/or network.json against what one LibreQoS version
 * accepts. Reading is core's (by position up to 2.1, by header name in 2.2); the rules are core's
 * rule functions with that version's severities. Never throws on bad content.
 */
export function validateFiles(input: ValidateFilesInput): ValidationResult {
  const { target } = input;
  const sink = createSink();
  const read: Problem[] = [];
  const network = input.network && readNetwork(input.network, target, sink);
  const csv = input.shapedDevices && readCsv(input.shapedDevices, target, sink);
  if (network) {
    read.push(...network.file.problems);
    checkNodeFields(network.file, targetPolicy(target), sink);
  }
  if (csv) {
    read.push(...csv.file.problems);
    checkShapedDevicesFile(csv.file, target, sink);
  }
  const policy = targetPolicy(target);
  // Without a readable network.json every Parent Node would look missing: say nothing about them.
  const unreadable = network?.file.problems.some((p) => p.subject === 'file');
  if (network === undefined || unreadable) policy.missingParent = 'ignore';
  const stats = { circuits: 0 };
  validateOutput({
    rows: csv?.file.rows ?? [],
    nodes: network?.file.nodes ?? [],
    layout: policy.layout,
    policy,
    locate: (node) => network?.file.sources.get(node),
    sink,
    stats,
  });
  const names = { csv: csv?.name ?? 'ShapedDevices.csv', network: network?.name ?? 'network.json' };
  const findings = [...read, ...sink.problems].map((p) => toFinding(p, names));
  sortFindings(findings, names.csv);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const counts: ValidationResult['counts'] = {};
  if (csv) {
    counts.rows = csv.file.rows.length;
    counts.circuits = stats.circuits;
  }
  if (network) counts.nodes = [...walkNodes(network.file.nodes)].length;
  return { target, findings, errors, warnings: findings.length - errors, csv, network, counts };
}

function readCsv(input: InputFile, target: LibreQosVersion, sink: ProblemSink): ReadCsv {
  const name = basename(input.path);
  const { text, encoding } = decodeText(input.bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'not UTF-8') {
    const what = encoding === 'not UTF-8' ? 'is not UTF-8' : `is ${encoding.toUpperCase()}`;
    sink.add(
      target === '1.4' ? 'error' : 'warning',
      'file',
      name,
      target === '1.4'
        ? `the file ${what}; LibreQoS 1.4 reads UTF-8 only`
        : `the file ${what}; LibreQoS ${target} guesses the encoding, so names may come out garbled`,
      undefined,
      { rule: 'encoding', hint: 'save it as UTF-8' },
    );
  }
  const file = readShapedDevices(text, { positional: !readsHeaderNames(target) });
  return { name, path: input.path, encoding, text, file };
}

function readNetwork(input: InputFile, target: LibreQosVersion, sink: ProblemSink): ReadNetwork {
  const name = basename(input.path);
  const { text, encoding } = decodeText(input.bytes);
  // Python's json module refuses a BOM and anything that is not UTF-8, on every version.
  if (encoding !== 'utf-8') {
    sink.add(
      'error',
      'file',
      name,
      encoding === 'utf-8 with BOM'
        ? `the file starts with a byte-order mark; LibreQoS ${target}'s Python json reader refuses it`
        : `the file ${encoding === 'not UTF-8' ? 'is not UTF-8' : `is ${encoding.toUpperCase()}`}; LibreQoS reads network.json as UTF-8`,
      undefined,
      { rule: 'encoding', hint: 'save it as UTF-8 without a byte-order mark' },
    );
  }
  return { name, path: input.path, encoding, file: readNetworkJson(text) };
}

function sortFindings(findings: Finding[], csvName: string): void {
  const order = (f: Finding) => (f.file === csvName ? 0 : 1);
  // Array.prototype.sort is stable: problems of one line keep the order the rules found them in.
  findings.sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
}
