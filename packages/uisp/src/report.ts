import type { MapContext } from '@wispsync/core';

/** Per-item warnings shown before the rest of the same kind are summed up in one line. */
const DETAIL_LIMIT = 20;

/**
 * Collects per-record warnings by kind and prints them in one go: the first few in full, then
 * `… and N more <summary>`, so a UISP with thousands of bad records still gives a readable log.
 */
export class WarningList {
  private readonly kinds = new Map<string, { summary: string; lines: string[]; total: number }>();

  constructor(private readonly context: Pick<MapContext, 'warn'>) {}

  add(kind: string, summary: string, line: string): void {
    let entry = this.kinds.get(kind);
    if (entry === undefined) {
      entry = { summary, lines: [], total: 0 };
      this.kinds.set(kind, entry);
    }
    entry.total++;
    if (entry.lines.length < DETAIL_LIMIT) entry.lines.push(line);
  }

  flush(): void {
    for (const { summary, lines, total } of this.kinds.values()) {
      for (const line of lines) this.context.warn(line);
      if (total > lines.length) this.context.warn(`… and ${total - lines.length} more ${summary}`);
    }
    this.kinds.clear();
  }
}

/** `a, b, c, d, e and 7 more`: keeps aggregated warnings one line long. */
export function listSome(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
