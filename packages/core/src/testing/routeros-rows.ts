/** Fixture rows as RouterOS would print them: `.proplist` and simple queries, shared by both mocks. */
import type { RouterRow } from '../routeros/types.js';

/** Menu path → rows, e.g. `{ '/ip/arp': [{ '.id': '*1', address: '10.0.0.2', … }] }`. */
export type RouterOsMenus = Record<string, RouterRow[]>;

/**
 * One query word without its `?`: `name=value` (equal), `name` (has the property), `-name` (lacks
 * it). Query words are ANDed, as RouterOS does when no `#` operation combines them. `#…` operations
 * are not imitated (the clients never send them).
 */
export function matchesQuery(row: RouterRow, query: string): boolean {
  if (query.startsWith('#')) return true;
  const at = query.indexOf('=');
  if (at < 0) return query.startsWith('-') ? !(query.slice(1) in row) : query in row;
  return row[query.slice(0, at)] === query.slice(at + 1);
}

export function selectRows(
  rows: readonly RouterRow[],
  queries: readonly string[],
  proplist: readonly string[],
): RouterRow[] {
  const out: RouterRow[] = [];
  for (const row of rows) {
    if (!queries.every((query) => matchesQuery(row, query))) continue;
    if (proplist.length === 0) {
      out.push(row);
      continue;
    }
    const picked: RouterRow = {};
    for (const name of proplist) {
      const value = row[name];
      if (value !== undefined) picked[name] = value;
    }
    out.push(picked);
  }
  return out;
}

/** `/ip/arp`, `ip/arp/` → `/ip/arp`. */
export function normalizeMenu(menu: string): string {
  return `/${menu
    .split('/')
    .filter((part) => part !== '')
    .join('/')}`;
}
