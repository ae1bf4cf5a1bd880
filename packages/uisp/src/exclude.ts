import type { UispIndex } from './clients.js';
import type { UispData, UispSite } from './types.js';

/** exclude_sites names, compared trimmed and case-insensitively (as every wispsync tool does). */
export function namedExclusions(sites: readonly UispSite[], names: readonly string[]): Set<string> {
  const wanted = new Set(names.map(normalize).filter((name) => name !== ''));
  const ids = new Set<string>();
  if (wanted.size === 0) return ids;
  for (const site of sites) {
    if (wanted.has(normalize(site.rawName)) || wanted.has(normalize(site.name))) ids.add(site.id);
  }
  return ids;
}

function normalize(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Adds every tower site whose UISP parent chain passes through an excluded site. Used where no
 * routing graph says what hangs below what (flat, ap_only, ap_site, and sites no data-link reaches).
 */
export function excludeBelowInUisp(
  sites: readonly UispSite[],
  index: UispIndex,
  excluded: Set<string>,
  only: (site: UispSite) => boolean = () => true,
): void {
  const verdict = new Map<string, boolean>();
  for (const site of sites) {
    if (site.type !== 'site' || !only(site)) continue;
    const path: string[] = [];
    let cur: UispSite | undefined = site;
    let result = false;
    while (cur !== undefined) {
      if (excluded.has(cur.id)) {
        result = true;
        break;
      }
      const known = verdict.get(cur.id);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (path.includes(cur.id)) break; // a parent cycle in UISP: nothing excluded above
      path.push(cur.id);
      cur = cur.parentId === '' ? undefined : index.siteById.get(cur.parentId);
    }
    for (const id of path) verdict.set(id, result);
    if (result) excluded.add(site.id);
  }
}

/**
 * Client sites to leave out: named ones, those hanging from a device at an excluded site (tower or
 * client, however deep a client-of-client chain goes), and, with no such device, those whose UISP
 * parent site is excluded. Adds them to `excluded` and returns how many there are.
 */
export function excludeClients(
  data: UispData,
  index: UispIndex,
  apOf: ReadonlyMap<string, string>,
  excluded: Set<string>,
): number {
  if (excluded.size === 0) return 0;
  const memo = new Map<string, boolean>();
  const isExcluded = (client: UispSite, depth: number): boolean => {
    const known = memo.get(client.id);
    if (known !== undefined) return known;
    let result = excluded.has(client.id);
    if (!result && depth < 64) {
      const ap = apOf.get(client.id);
      const above = ap === undefined ? client.parentId : (index.deviceById.get(ap)?.siteId ?? '');
      const site = index.siteById.get(above);
      if (site !== undefined)
        result = site.type === 'site' ? excluded.has(site.id) : isExcluded(site, depth + 1);
    }
    memo.set(client.id, result);
    return result;
  };
  let count = 0;
  for (const site of data.sites) {
    if (site.type === 'endpoint' && isExcluded(site, 0)) count++;
  }
  for (const [id, excludedClient] of memo) if (excludedClient) excluded.add(id);
  return count;
}
