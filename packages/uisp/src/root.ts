import { WispError } from '@wispsync/core';
import type { UispIndex } from './clients.js';
import { listSome } from './report.js';
import { SECTION } from './schema.js';
import type { UispData, UispSite } from './types.js';

/**
 * The site the `full` tree starts from: [uisp_integration].site as a site id, else a name (the
 * de-duplicated one, then UISP's own, then either ignoring case). Left empty, the one tower site at
 * the end of an Internet (WAN, `canDelete: false`) data-link is used; none or several is an error.
 */
export function findRootSite(
  setting: string,
  data: UispData,
  index: UispIndex,
  warn: (message: string) => void,
): UispSite {
  const towers = data.sites.filter((site) => site.type === 'site');
  const wanted = setting.trim();
  if (wanted === '') return detectRoot(towers, data, index, warn);
  const byId = index.siteById.get(wanted);
  const lower = wanted.toLowerCase();
  const matches =
    (byId ? [byId] : undefined) ??
    nonEmpty(data.sites.filter((site) => site.name === wanted)) ??
    nonEmpty(data.sites.filter((site) => site.rawName === wanted)) ??
    data.sites.filter((site) => site.name.toLowerCase() === lower || site.rawName.toLowerCase() === lower);
  const [only, ...more] = matches;
  if (only === undefined) {
    throw new WispError('config', `config: [${SECTION}].site "${wanted}" is not a UISP site`, {
      hint: `set it to the name or id of the site where your Internet enters (tower sites: ${listSome(towers.map((s) => `"${s.name}"`))})`,
    });
  }
  if (more.length > 0) {
    throw new WispError(
      'config',
      `config: [${SECTION}].site "${wanted}" names ${matches.length} UISP sites`,
      {
        hint: `use one of their ids or distinct names: ${listSome(matches.map((s) => `"${s.name}" (id ${s.id})`))}`,
      },
    );
  }
  if (only.type !== 'site') {
    throw new WispError(
      'config',
      `config: [${SECTION}].site "${wanted}" is a client site, not a tower site`,
      {
        hint: 'set it to the site where your Internet enters the network',
      },
    );
  }
  return only;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function detectRoot(
  towers: UispSite[],
  data: UispData,
  index: UispIndex,
  warn: (message: string) => void,
): UispSite {
  const found = new Set<UispSite>();
  for (const link of data.links) {
    if (link.canDelete) continue;
    for (const end of [link.from, link.to]) {
      const siteId = end.deviceId !== '' ? index.deviceById.get(end.deviceId)?.siteId : end.siteId;
      const site = siteId === undefined ? undefined : index.siteById.get(siteId);
      if (site?.type === 'site') found.add(site);
    }
  }
  const candidates = towers.filter((site) => found.has(site));
  if (candidates.length === 1) {
    const root = candidates[0]!;
    warn(
      `[${SECTION}].site is empty: the full tree starts at "${root.name}", the one site with an Internet link in UISP`,
    );
    return root;
  }
  const which =
    candidates.length === 0
      ? 'no UISP site has an Internet (WAN) data-link'
      : `several sites have an Internet link: ${listSome(candidates.map((s) => `"${s.name}"`))}`;
  throw new WispError(
    'config',
    `config: [${SECTION}].site is empty — set it to the root site of the full strategy`,
    {
      hint: `${which}; name the site where your Internet enters`,
    },
  );
}
