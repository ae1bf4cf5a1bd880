import type { Problem } from './types.js';

/** Collects problems, dropping exact repeats (a circuit-level rule fires once per row). */
export interface ProblemSink {
  readonly problems: Problem[];
  add(
    severity: Problem['severity'],
    subject: Problem['subject'],
    id: string,
    reason: string,
    line?: number,
  ): void;
}

export function createSink(): ProblemSink {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  return {
    problems,
    add(severity, subject, id, reason, line) {
      const key = `${severity}\u0000${subject}\u0000${id}\u0000${reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      problems.push(
        line === undefined ? { severity, subject, id, reason } : { severity, subject, id, reason, line },
      );
    },
  };
}

const CONTROL: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Quote a value for a message: empty strings and edge spaces stay visible, line breaks show as \n. */
export function q(value: string): string {
  return `'${value.replace(/[\n\r\t]/g, (c) => CONTROL[c] ?? c)}'`;
}
