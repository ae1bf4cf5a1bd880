import type { UispDevice, UispSite } from './types.js';

/**
 * LibreQoS 2.1's site-name de-duplication, applied to every site type: each site whose name
 * another site shares becomes the first free of `name (first address segment)`,
 * `name (service name)`, `name (first 8 characters of the id)`, `name (id)`. Blank names are left
 * alone. Free = not a name nobody shares, and not handed out already.
 */
export function dedupeSiteNames(sites: UispSite[]): void {
  const count = new Map<string, number>();
  for (const site of sites) if (site.name !== '') count.set(site.name, (count.get(site.name) ?? 0) + 1);
  const used = new Set<string>();
  for (const [name, n] of count) if (n === 1) used.add(name);
  for (const site of sites) {
    if ((count.get(site.name) ?? 0) < 2) continue;
    const { name } = site;
    const segment = site.address.split(',')[0]?.trim() ?? '';
    const service = site.serviceName.trim();
    const candidates = [
      segment !== '' && segment !== name ? `${name} (${segment})` : '',
      service !== '' && service !== name ? `${name} (${service})` : '',
      `${name} (${site.id.slice(0, 8)})`,
      `${name} (${site.id})`,
    ].filter((candidate) => candidate !== '');
    site.name = candidates.find((candidate) => !used.has(candidate)) ?? `${name} (${site.id})`;
    used.add(site.name);
  }
}

/**
 * Names of the devices that become network.json nodes. Site names stay as they are; a device
 * whose name a site or another device node also has becomes `name [AP]`, then `name [AP <id8>]`,
 * then `name [AP <id>]` (LibreQoS 2.2's export names), so a tower and its AP of the same name both
 * survive. Core still makes anything left over unique.
 */
export function deviceNodeNames(
  devices: readonly UispDevice[],
  siteNames: Iterable<string>,
): Map<string, string> {
  const taken = new Set(siteNames);
  const count = new Map<string, number>();
  for (const device of devices) count.set(device.name, (count.get(device.name) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const device of devices) {
    const { name, id } = device;
    if (!taken.has(name) && count.get(name) === 1) {
      names.set(id, name);
      taken.add(name);
      continue;
    }
    const candidates = [`${name} [AP]`, `${name} [AP ${id.slice(0, 8)}]`, `${name} [AP ${id}]`];
    const chosen = candidates.find((candidate) => !taken.has(candidate)) ?? `${name} [AP ${id}]`;
    names.set(id, chosen);
    taken.add(chosen);
  }
  return names;
}
