import type { Problem, RuleName } from './types.js';

/** What a rule adds to a problem besides its text: the rule name, the fix, a network.json path. */
export interface ProblemExtra {
  rule: RuleName;
  hint?: string | undefined;
  path?: readonly string[] | undefined;
}

/** Collects problems, dropping exact repeats (a circuit-level rule fires once per row). */
export interface ProblemSink {
  readonly problems: Problem[];
  add(
    severity: Problem['severity'],
    subject: Problem['subject'],
    id: string,
    reason: string,
    line?: number,
    extra?: ProblemExtra,
  ): void;
}

export function createSink(): ProblemSink {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  return {
    problems,
    add(severity, subject, id, reason, line, extra) {
      const key = `${severity}\u0000${subject}\u0000${id}\u0000${reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      const problem: Problem = { severity, subject, id, reason };
      if (line !== undefined) problem.line = line;
      if (extra !== undefined) {
        problem.rule = extra.rule;
        if (extra.hint !== undefined) problem.hint = extra.hint;
        if (extra.path !== undefined) problem.path = extra.path;
      }
      problems.push(problem);
    },
  };
}

const CONTROL: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Quote a value for a message: empty strings and edge spaces stay visible, line breaks show as \n. */
export function q(value: string): string {
  return `'${value.replace(/[\n\r\t]/g, (c) => CONTROL[c] ?? c)}'`;
}
