import type { Problem, RuleName } from '@wispsync/core';

/** One problem as the operator's report shows it (and `--json` prints it). */
export interface Finding {
  severity: 'error' | 'warning';
  rule: RuleName;
  /** The file's name as given (ShapedDevices.csv, network.json, or another name). */
  file: string;
  line: number | null;
  subject: 'circuit' | 'device' | 'node' | 'file';
  /** Circuit id, device id, node name, or the file name. */
  id: string;
  /** network.json path of a node, from the top level down; null for other subjects. */
  path: string[] | null;
  message: string;
  /** What to do. */
  fix: string | null;
}

/** What the fixer changed, line by line of the original file. */
export interface Change {
  file: string;
  line: number | null;
  subject: 'circuit' | 'device' | 'node' | 'file';
  id: string;
  path: string[] | null;
  change: string;
}

export function toFinding(problem: Problem, names: { csv: string; network: string }): Finding {
  const file =
    problem.subject === 'node'
      ? names.network
      : problem.subject === 'file'
        ? problem.id === 'network.json'
          ? names.network
          : problem.id === 'ShapedDevices.csv'
            ? names.csv
            : problem.id
        : names.csv;
  return {
    severity: problem.severity,
    rule: problem.rule ?? 'csv-syntax',
    file,
    line: problem.line ?? null,
    subject: problem.subject,
    id: problem.subject === 'file' ? file : problem.id,
    path: problem.path === undefined ? null : [...problem.path],
    message: problem.reason,
    fix: problem.hint ?? null,
  };
}
