import { overrideRows, readOverrideFile, throwOverrideProblems } from '@wispsync/core';

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
  const text = await readOverrideFile(path);
  return text === null ? [] : parseRouteOverrides(text, path);
}

/**
 * `From Site,To Site,Cost` rows: site names (or device host names) and a cost ≥ 0. A header line
 * (a non-numeric cost on the first line), blank lines and `#` comments are skipped; a malformed
 * row is a config error naming its line. A later row for the same pair replaces an earlier one.
 */
export function parseRouteOverrides(text: string, path: string): RouteOverride[] {
  const byPair = new Map<string, RouteOverride>();
  const problems: string[] = [];
  for (const { cells, line, index } of overrideRows(text)) {
    const [from = '', to = '', costText = ''] = cells;
    const cost = Number(costText);
    const numeric = costText !== '' && Number.isFinite(cost);
    if (!numeric && index === 0) continue; // the header
    if (from === '' || to === '' || !numeric || cost < 0 || cells.length > 3) {
      problems.push(`line ${line}: expected "from site, to site, cost" with a cost of 0 or more`);
      continue;
    }
    byPair.set(routeKey(from, to), { from, to, cost, line });
  }
  throwOverrideProblems(path, problems, 'fix the row, or delete the file to route every link at cost 10');
  return [...byPair.values()];
}

/** Names compare trimmed and case-insensitively, like exclude_sites and promote_to_root. */
export function routeKey(from: string, to: string): string {
  return `${from.trim().toLowerCase()}\u0000${to.trim().toLowerCase()}`;
}
