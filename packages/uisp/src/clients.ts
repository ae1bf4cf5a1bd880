import type { WarningList } from './report.js';
import type { UispData, UispDevice, UispLink, UispSite } from './types.js';

/** Lookups every later step shares, built once. */
export interface UispIndex {
  siteById: Map<string, UispSite>;
  deviceById: Map<string, UispDevice>;
  /** Devices by their UISP site id, in API order. */
  devicesBySite: Map<string, UispDevice[]>;
  /** Data-links with this device at either end. */
  linksOfDevice(deviceId: string): readonly UispLink[];
  /** Data-links whose end names this site. */
  linksOfSite(siteId: string): readonly UispLink[];
}

export function indexUisp(data: UispData): UispIndex {
  const siteById = new Map(data.sites.map((site) => [site.id, site]));
  const deviceById = new Map(data.devices.map((device) => [device.id, device]));
  const devicesBySite = new Map<string, UispDevice[]>();
  for (const device of data.devices) push(devicesBySite, device.siteId, device);
  // Built on first use: most clients name their AP (apDevice), so a run often needs neither.
  let byDevice: Map<string, UispLink[]> | undefined;
  let bySite: Map<string, UispLink[]> | undefined;
  const build = (): void => {
    byDevice = new Map();
    bySite = new Map();
    for (const link of data.links) {
      for (const end of [link.from, link.to]) {
        if (end.deviceId !== '') push(byDevice, end.deviceId, link);
        if (end.siteId !== '') push(bySite, end.siteId, link);
      }
    }
  };
  return {
    siteById,
    deviceById,
    devicesBySite,
    linksOfDevice: (deviceId) => {
      if (byDevice === undefined) build();
      return byDevice!.get(deviceId) ?? [];
    },
    linksOfSite: (siteId) => {
      if (bySite === undefined) build();
      return bySite!.get(siteId) ?? [];
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The device each client site hangs from (LibreQoS's map_clients_to_aps, first match instead of
 * last): the `apDevice` one of its devices names; else a device at another site that a data-link
 * joins to one of its devices; else one a data-link joins to the site itself. The device must be
 * at some other known site (usually an AP at a tower; a router at another client site makes a
 * client of a client). Every device of the client shares the one answer (LibreQoS #695).
 */
export function mapClientsToAps(
  data: UispData,
  index: UispIndex,
  warnings: WarningList,
): Map<string, string> {
  const apOf = new Map<string, string>();
  const usable = (deviceId: string, clientId: string): UispDevice | undefined => {
    const device = index.deviceById.get(deviceId);
    if (device === undefined || device.siteId === clientId || !index.siteById.has(device.siteId))
      return undefined;
    return device;
  };
  for (const client of data.sites) {
    if (client.type !== 'endpoint') continue;
    const own = index.devicesBySite.get(client.id) ?? [];
    const named: UispDevice[] = [];
    for (const device of own) {
      const ap = usable(device.apDeviceId, client.id);
      if (ap !== undefined && !named.includes(ap)) named.push(ap);
    }
    let ap = named[0];
    if (named.length > 1) {
      warnings.add(
        'split-client',
        'client sites whose devices name different APs',
        `client site ${client.id} "${client.name}": its devices name different APs (${named.map((d) => d.name).join(', ')}); all of them go under "${ap?.name}"`,
      );
    }
    ap ??= linkedDevice(own, client.id, index, usable) ?? siteLinkedDevice(client.id, index, usable);
    if (ap !== undefined) apOf.set(client.id, ap.id);
  }
  return apOf;
}

type Usable = (deviceId: string, clientId: string) => UispDevice | undefined;

function linkedDevice(
  own: UispDevice[],
  clientId: string,
  index: UispIndex,
  usable: Usable,
): UispDevice | undefined {
  for (const device of own) {
    for (const link of index.linksOfDevice(device.id)) {
      const other = link.from.deviceId === device.id ? link.to.deviceId : link.from.deviceId;
      const found = usable(other, clientId);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function siteLinkedDevice(clientId: string, index: UispIndex, usable: Usable): UispDevice | undefined {
  for (const link of index.linksOfSite(clientId)) {
    const other = link.from.siteId === clientId ? link.to.deviceId : link.from.deviceId;
    const found = usable(other, clientId);
    if (found !== undefined) return found;
  }
  return undefined;
}
