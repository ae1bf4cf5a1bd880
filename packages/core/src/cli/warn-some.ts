import { capWarnings } from '../model/index.js';
import type { MapContext } from './define.js';

/** Warn about each item up to a limit, then once for the rest (see capWarnings). */
export function warnSome(context: Pick<MapContext, 'warn'>, lines: readonly string[], summary: string): void {
  for (const line of capWarnings(lines, summary)) context.warn(line);
}
