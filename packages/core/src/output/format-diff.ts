/**
 * The `--dry-run` report on stdout: a one-line headline, then one line per added, removed or
 * changed circuit and node, each section cut at `limit` lines so 100k new circuits do not flood a
 * terminal (`--json` carries the whole diff).
 */
import { Chalk } from 'chalk';
import type { CircuitSummary, FieldChange, PlanDiff } from './diff.js';
import { LIST_SEPARATOR } from './diff.js';

export interface FormatDiffOptions {
  /** Colour the lines (the caller decides, from stdout being a TTY and NO_COLOR). */
  color: boolean;
  /** Lines per section before `… and N more` (default 50; Infinity for all). */
  limit?: number;
}

export const DEFAULT_DIFF_LIMIT = 50;

type Paint = (text: string) => string;
interface Palette {
  added: Paint;
  removed: Paint;
  changed: Paint;
  headline: Paint;
  muted: Paint;
}

const plain: Paint = (text) => text;

function palette(color: boolean): Palette {
  if (!color) return { added: plain, removed: plain, changed: plain, headline: plain, muted: plain };
  // The caller already decided colour is wanted: do not let chalk's own detection veto it.
  const chalk = new Chalk({ level: 1 });
  return {
    added: chalk.green,
    removed: chalk.red,
    changed: chalk.yellow,
    headline: chalk.bold,
    muted: chalk.dim,
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
const quote = (text: string) => JSON.stringify(text);

/** Returns the report with a trailing newline, ready for `process.stdout.write`. */
export function formatDiff(diff: PlanDiff, options: FormatDiffOptions): string {
  const { circuits, nodes } = diff;
  const differs =
    circuits.added.length + circuits.removed.length + circuits.changed.length > 0 ||
    nodes.added.length + nodes.removed.length + nodes.changed.length > 0;
  if (!differs) return 'No changes.\n';

  const paint = palette(options.color);
  const limit = Math.max(0, options.limit ?? DEFAULT_DIFF_LIMIT);
  const lines: string[] = [paint.headline(headline(diff))];
  const section = <T>(items: readonly T[], color: Paint, render: (item: T) => string) => {
    const shown = Math.min(items.length, limit);
    for (let i = 0; i < shown; i++) lines.push(color(render(items[i] as T)));
    if (items.length > shown) lines.push(paint.muted(`… and ${count(items.length - shown)} more`));
  };

  section(circuits.added, paint.added, (c) => `+ circuit ${c.id} ${quote(c.name)} (${circuitInfo(c)})`);
  section(circuits.removed, paint.removed, (c) => `- circuit ${c.id} ${quote(c.name)} (${circuitInfo(c)})`);
  section(
    circuits.changed,
    paint.changed,
    (c) => `~ circuit ${c.id} ${quote(c.name)}: ${changeList(c.changes)}`,
  );
  section(nodes.added, paint.added, (name) => `+ node ${quote(name)}`);
  section(nodes.removed, paint.removed, (name) => `- node ${quote(name)}`);
  section(nodes.changed, paint.changed, (n) => `~ node ${quote(n.name)}: ${changeList(n.changes)}`);
  return `${lines.join('\n')}\n`;
}

function headline({ circuits, nodes }: PlanDiff): string {
  return (
    `${plural(circuits.added.length, 'circuit')} added, ${count(circuits.removed.length)} removed, ` +
    `${count(circuits.changed.length)} changed, ${count(circuits.unchanged)} unchanged; ` +
    `${plural(nodes.added.length, 'node')} added, ${count(nodes.removed.length)} removed, ` +
    `${count(nodes.changed.length)} changed`
  );
}

function circuitInfo(c: CircuitSummary): string {
  const parent = c.parentNode === '' ? 'no parent' : `parent ${quote(c.parentNode)}`;
  return `${parent}, ${c.downloadMax}/${c.uploadMax} Mbps`;
}

const NUMERIC_FIELDS = new Set([
  'downloadMin',
  'uploadMin',
  'downloadMax',
  'uploadMax',
  'downloadMbps',
  'uploadMbps',
]);
const LIST_FIELDS = new Set(['ipv4', 'ipv6']);

function changeList(changes: readonly FieldChange[]): string {
  // Name the device only when the changes touch more than one; most circuits have a single device.
  const devices = new Set<string>();
  for (const change of changes) if (change.device !== undefined) devices.add(change.device);
  const withDevice = devices.size > 1;
  return changes
    .map((change) => {
      const text = describeChange(change);
      return withDevice && change.device !== undefined && change.field !== 'device'
        ? `device ${change.device} ${text}`
        : text;
    })
    .join('; ');
}

function describeChange({ field, from, to }: FieldChange): string {
  if (field === 'device') return to === '' ? `device -${from}` : `device +${to}`;
  if (LIST_FIELDS.has(field)) return `${field} ${listDelta(from, to)}`;
  if (NUMERIC_FIELDS.has(field) || field === 'type') return `${field} ${from} → ${to}`;
  return `${field} ${quote(from)} → ${quote(to)}`;
}

function listDelta(from: string, to: string): string {
  const before = splitList(from);
  const after = splitList(to);
  const had = new Set(before);
  const has = new Set(after);
  const parts = [
    ...after.filter((item) => !had.has(item)).map((item) => `+${item}`),
    ...before.filter((item) => !has.has(item)).map((item) => `-${item}`),
  ];
  return parts.join(' ');
}

function splitList(value: string): string[] {
  return value === '' ? [] : value.split(LIST_SEPARATOR);
}
