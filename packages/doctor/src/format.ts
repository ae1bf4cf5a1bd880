import type { CheckResult, CheckStatus } from './check.js';
import type { DoctorReport } from './doctor.js';

const STATUS_WIDTH = 9;
const CHECK_WIDTH = 10;

/** `ok       config    message`, then `fix:` and detail lines under the message. */
export function formatCheck(check: CheckResult): string {
  const pad = ' '.repeat(STATUS_WIDTH + CHECK_WIDTH);
  const lines = [`${check.status.padEnd(STATUS_WIDTH)}${check.check.padEnd(CHECK_WIDTH)}${check.message}`];
  for (const detail of check.details ?? []) lines.push(`${pad}  ${detail}`);
  if (check.fix !== undefined && check.status !== 'ok') lines.push(`${pad}fix: ${check.fix}`);
  return lines.join('\n');
}

export function counts(report: DoctorReport): Record<CheckStatus, number> {
  const out: Record<CheckStatus, number> = { ok: 0, warning: 0, failed: 0, skipped: 0 };
  for (const check of report.checks) out[check.status]++;
  return out;
}

export function summaryLine(report: DoctorReport): string {
  const c = counts(report);
  const parts = [`${c.ok} ok`, `${c.warning} warning${c.warning === 1 ? '' : 's'}`, `${c.failed} failed`];
  if (c.skipped > 0) parts.push(`${c.skipped} skipped`);
  const verdict =
    report.exitCode === 0
      ? c.warning > 0
        ? 'ready, with warnings'
        : 'ready'
      : `not ready: a tool run now would fail (exit ${report.exitCode})`;
  return `wispsync-doctor: ${parts.join(', ')} — ${verdict}`;
}

/** `--json`: the same report as data (docs/doctor.md describes it). */
export function jsonReport(report: DoctorReport) {
  return {
    schema: 'wispsync.doctor/1',
    ok: report.exitCode === 0,
    exitCode: report.exitCode,
    config: report.config,
    target: report.target ?? null,
    summary: counts(report),
    checks: report.checks.map((c) => ({
      check: c.check,
      status: c.status,
      message: c.message,
      fix: c.fix ?? null,
      details: c.details ?? [],
      exitCode: c.exitCode ?? null,
    })),
  };
}
