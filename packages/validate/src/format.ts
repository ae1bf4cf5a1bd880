import type { ValidationResult } from './check.js';
import type { Change, Finding } from './finding.js';

function quote(value: string): string {
  return `'${value}'`;
}

/** `circuit 'c1'`, `device 'd1'`, `node 'Tower > AP 1'`; nothing for a whole-file problem. */
function subjectOf(item: { subject: Finding['subject']; id: string; path: string[] | null }): string {
  switch (item.subject) {
    case 'circuit':
      return `circuit ${quote(item.id)}`;
    case 'device':
      return item.id === '' ? 'device' : `device ${quote(item.id)}`;
    case 'node':
      return `node ${quote((item.path ?? [item.id]).join(' > '))}`;
    case 'file':
      return '';
  }
}

function where(file: string, line: number | null): string {
  return line === null ? file : `${file}:${line}`;
}

/**
 * One line per problem: `file:line: severity [rule] subject: message — fix`. The fix is left out
 * when the message already says it.
 */
export function formatFinding(f: Finding): string {
  const subject = subjectOf(f);
  const fix = f.fix !== null && !f.message.includes(f.fix) ? ` — ${f.fix}` : '';
  // Node messages start with the node's name, which the subject already shows with its path.
  const prefix = `node '${f.id}': `;
  const message =
    f.subject === 'node' && f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
  return `${where(f.file, f.line)}: ${f.severity} [${f.rule}] ${subject ? `${subject}: ` : ''}${message}${fix}`;
}

export function formatChange(c: Change): string {
  const subject = subjectOf(c);
  return `fixed ${where(c.file, c.line)}: ${subject ? `${subject}: ` : ''}${c.change}`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** What was read: `ShapedDevices.csv: 1,204 rows, 1,180 circuits; network.json: 40 nodes`. */
export function describeInputs(result: ValidationResult): string {
  const parts: string[] = [];
  if (result.csv) {
    parts.push(
      `${result.csv.name}: ${plural(result.counts.rows ?? 0, 'row')}, ${plural(result.counts.circuits ?? 0, 'circuit')}`,
    );
  }
  if (result.network) parts.push(`${result.network.name}: ${plural(result.counts.nodes ?? 0, 'node')}`);
  return parts.join('; ');
}

/** The verdict line: would LibreQoS load these files? */
export function verdict(result: ValidationResult, what = 'the files'): string {
  const counts = `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`;
  const outcome =
    result.errors > 0
      ? `LibreQoS ${result.target} would reject ${what}`
      : `LibreQoS ${result.target} would load ${what}`;
  return `${outcome}: ${counts} (${describeInputs(result)})`;
}

/** `--json`: the same report as data (docs/shaping-validate.md describes it). */
export interface JsonReport {
  schema: 'wispsync.shaping-validate/1';
  target: string;
  ok: boolean;
  errors: number;
  warnings: number;
  files: Record<string, { path: string; encoding: string; rows?: number; circuits?: number; nodes?: number }>;
  problems: Finding[];
  fix?: {
    dir: string;
    written: string[];
    changes: Change[];
    ok: boolean;
    errors: number;
    warnings: number;
    problems: Finding[];
  };
}

export function jsonReport(result: ValidationResult): JsonReport {
  const files: JsonReport['files'] = {};
  if (result.csv) {
    files.shapedDevices = {
      path: result.csv.path,
      encoding: result.csv.encoding,
      rows: result.counts.rows ?? 0,
      circuits: result.counts.circuits ?? 0,
    };
  }
  if (result.network) {
    files.network = {
      path: result.network.path,
      encoding: result.network.encoding,
      nodes: result.counts.nodes ?? 0,
    };
  }
  return {
    schema: 'wispsync.shaping-validate/1',
    target: result.target,
    ok: result.errors === 0,
    errors: result.errors,
    warnings: result.warnings,
    files,
    problems: result.findings,
  };
}
