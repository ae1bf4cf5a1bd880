import { ExitCode } from '@wispsync/core';

export type CheckStatus = 'ok' | 'warning' | 'failed' | 'skipped';

/** One line of the doctor's report. */
export interface CheckResult {
  /** What was checked: `config`, a tool name (`splynx`), `output`, `lock`, `libreqos`, `files`. */
  check: string;
  status: CheckStatus;
  message: string;
  /** What to do (failed and warning checks). */
  fix?: string | undefined;
  /** Extra lines: config errors, the first problems of the current files, a probe's warnings. */
  details?: string[] | undefined;
  /** The exit code a tool run would end with because of this (failed checks only). */
  exitCode?: number | undefined;
}

export function ok(check: string, message: string, details?: string[]): CheckResult {
  return details && details.length > 0
    ? { check, status: 'ok', message, details }
    : { check, status: 'ok', message };
}

export function warning(check: string, message: string, fix: string, details?: string[]): CheckResult {
  return { check, status: 'warning', message, fix, ...(details && details.length > 0 ? { details } : {}) };
}

export function failed(
  check: string,
  message: string,
  fix: string | undefined,
  exitCode: number = ExitCode.usage,
  details?: string[],
): CheckResult {
  return {
    check,
    status: 'failed',
    message,
    fix,
    exitCode,
    ...(details && details.length > 0 ? { details } : {}),
  };
}

export function skipped(check: string, message: string): CheckResult {
  return { check, status: 'skipped', message };
}
