import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { WispError } from '@wispsync/core';
import type * as PapaModule from 'papaparse';

// papaparse is CommonJS and the tsconfig has no synthetic default imports.
const Papa = createRequire(import.meta.url)('papaparse') as typeof PapaModule;

export const ROUTES_FILE = 'integrationUISProutes.csv';

/** One row of integrationUISProutes.csv: traffic from `from` to `to` costs `cost` (default 10). */
export interface RouteOverride {
  from: string;
  to: string;
  cost: number;
  line: number;
}

/** A missing file is no overrides; an unreadable one is a config error. */
export async function readRouteOverrides(path: string): Promise<RouteOverride[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new WispError('config', `could not read ${path}: ${(error as Error).message}`);
  }
  return parseRouteOverrides(text, path);
}

/**
 * `From Site,To Site,Cost` rows: site names (or device host names) and a cost ≥ 0. A header line
 * (a non-numeric cost on the first line), blank lines and `#` comments are skipped; a malformed
 * row is a config error naming its line. A later row for the same pair replaces an earlier one.
 */
export function parseRouteOverrides(text: string, path: string): RouteOverride[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const byPair = new Map<string, RouteOverride>();
  const problems: string[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 1;
    const cells = row.map((cell) => cell.trim());
    const [from = '', to = '', costText = ''] = cells;
    if (from.startsWith('#') || cells.every((cell) => cell === '')) return;
    const cost = Number(costText);
    const numeric = costText !== '' && Number.isFinite(cost);
    if (!numeric && index === 0) return; // the header
    if (from === '' || to === '' || !numeric || cost < 0 || cells.length > 3) {
      problems.push(`line ${line}: expected "from site, to site, cost" with a cost of 0 or more`);
      return;
    }
    byPair.set(routeKey(from, to), { from, to, cost, line });
  });
  const [first, ...rest] = problems;
  if (first) {
    throw new WispError('config', `${path} ${first}`, {
      details: rest,
      hint: 'fix the row, or delete the file to route every link at cost 10',
    });
  }
  return [...byPair.values()];
}

/** Names compare trimmed and case-insensitively, like exclude_sites and promote_to_root. */
export function routeKey(from: string, to: string): string {
  return `${from.trim().toLowerCase()}\u0000${to.trim().toLowerCase()}`;
}
