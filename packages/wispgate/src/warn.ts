import type { MapContext } from '@wispsync/core';

/** Per-item warnings shown before the rest are summed up in one line (as core does). */
const DETAIL_LIMIT = 20;

/** One warning per line up to a limit, then `… and N more <summary>`: 50,000 lines help nobody. */
export function warnSome(context: MapContext, lines: readonly string[], summary: string): void {
  for (const line of lines.slice(0, DETAIL_LIMIT)) context.warn(line);
  const rest = lines.length - DETAIL_LIMIT;
  if (rest > 0) context.warn(`… and ${rest} more ${summary}`);
}
