import type { InventoryNode } from '@wispsync/core';
import type { HardwareDevice } from './hardware.js';
import { deviceKey, networkJsonIds, siteKey, splynxId } from './ids.js';
import type { RawRecord } from './records.js';
import type { NetworkSite } from './sites.js';
import type { WarningGroups } from './warnings.js';

/** Capacity of a site or AP the override file says nothing about (LibreQoS's Splynx default). */
export const DEFAULT_INFRASTRUCTURE_MBPS = 10000;

/**
 * Which tree the inventory gets:
 *  none           no infrastructure (flat)
 *  monitoring     every monitoring device, under its parent_id (ap_only, ap_site without Network
 *                 Sites, full); core's strategy step then keeps what the strategy wants
 *  network-sites  Network Sites with their APs (ap_site when Splynx has Network Sites)
 */
export type TreeShape = 'none' | 'monitoring' | 'network-sites';

export interface ParentChoice {
  id: string;
  method: 'access_device' | 'router_id' | 'sector_id' | 'none';
}

/**
 * A service's place in the hierarchy: its access device, else its router, else the router's first
 * sector, each only when it is a known monitoring device. Ids are compared as normalised strings.
 */
export function findBestParent(
  service: RawRecord,
  isKnown: (id: string) => boolean,
  sectors: ReadonlyMap<string, readonly string[]>,
): ParentChoice {
  const accessDevice = splynxId(service.access_device);
  if (accessDevice !== '' && isKnown(accessDevice)) return { id: accessDevice, method: 'access_device' };
  const routerId = splynxId(service.router_id);
  if (routerId !== '') {
    if (isKnown(routerId)) return { id: routerId, method: 'router_id' };
    const sector = sectors.get(routerId)?.[0];
    if (sector !== undefined && isKnown(sector)) return { id: sector, method: 'sector_id' };
  }
  return { id: '', method: 'none' };
}

export interface Infrastructure {
  nodes: InventoryNode[];
  /** Node key → the name as typed in Splynx (override files may use it). */
  rawNames: Map<string, string>;
  /** The node key a service's circuit hangs from; null = top level. */
  parentOf(service: RawRecord): string | null;
  /**
   * Whether exclude_sites removes the service. Only decided here for the Network Sites tree, which
   * lacks the monitoring sites an operator may name; core handles every tree it can see.
   */
  excludes(service: RawRecord): boolean;
}

export interface InfrastructureInput {
  shape: TreeShape;
  /** Circuits only hang from APs (ap_only, and ap_site with Network Sites). */
  apParentsOnly: boolean;
  devices: readonly HardwareDevice[];
  sites: readonly NetworkSite[];
  sectors: ReadonlyMap<string, readonly string[]>;
  /** exclude_sites, as given. */
  excludeSites?: readonly string[];
  warnings: WarningGroups;
}

export function buildInfrastructure(input: InfrastructureInput): Infrastructure {
  const { shape, apParentsOnly, devices, sites, sectors, warnings } = input;
  const nodes: InventoryNode[] = [];
  const rawNames = new Map<string, string>();
  if (shape === 'none') return { nodes, rawNames, parentOf: () => null, excludes: () => false };

  const byId = new Map(devices.map((device) => [device.id, device]));
  const excluded =
    shape === 'network-sites' ? excludedDevices(devices, byId, input.excludeSites ?? []) : new Set<string>();
  const inTree = (device: HardwareDevice): boolean => shape === 'monitoring' || device.isAp;
  const add = (node: InventoryNode, rawName: string): void => {
    nodes.push(node);
    rawNames.set(node.id, rawName);
  };

  const siteIds = new Set(sites.map((site) => site.id));
  if (shape === 'network-sites') {
    for (const site of sites) {
      add(
        infrastructureNode(
          'site',
          siteKey(site.id),
          site.name,
          null,
          networkJsonIds.networkSite(site.id),
          site,
        ),
        site.rawName,
      );
    }
  }
  for (const device of devices) {
    if (!inTree(device) || excluded.has(device.id)) continue;
    let parent: string | null = null;
    if (shape === 'monitoring') {
      parent = device.parentId === '' ? null : deviceKey(device.parentId);
    } else if (device.networkSiteId !== '') {
      if (siteIds.has(device.networkSiteId)) parent = siteKey(device.networkSiteId);
      else
        warnings.add(
          'APs without their network site',
          `Splynx AP ${device.id} "${device.name}" names network_site_id ${device.networkSiteId}, which is not a network site: it is placed at the top level`,
        );
    }
    const kind = device.isAp ? 'ap' : 'site';
    const jsonId = device.isAp ? networkJsonIds.ap(device.id) : networkJsonIds.site(device.id);
    add(infrastructureNode(kind, deviceKey(device.id), device.name, parent, jsonId, device), device.rawName);
  }

  // Every monitoring device counts for the choice; a non-AP choice then means "no parent" when
  // circuits may only hang from APs (LibreQoS does the same, so a service never jumps to its router).
  const isKnown = (id: string): boolean => byId.has(id);
  return {
    nodes,
    rawNames,
    parentOf(service) {
      const best = findBestParent(service, isKnown, sectors);
      if (best.method === 'none') return null;
      if (apParentsOnly && byId.get(best.id)?.isAp !== true) return null;
      return deviceKey(best.id);
    },
    excludes(service) {
      if (excluded.size === 0) return false;
      const best = findBestParent(service, isKnown, sectors);
      return best.method !== 'none' && excluded.has(best.id);
    },
  };
}

/** Monitoring devices named in exclude_sites (trimmed, any case), and every device below them. */
function excludedDevices(
  devices: readonly HardwareDevice[],
  byId: ReadonlyMap<string, HardwareDevice>,
  names: readonly string[],
): Set<string> {
  const wanted = new Set(names.map((name) => name.trim().toLowerCase()).filter((name) => name !== ''));
  const out = new Set<string>();
  if (wanted.size === 0) return out;
  for (const device of devices) {
    // Parent chains are short and cycle-free only by luck: bound the climb by the device count.
    let cur: HardwareDevice | undefined = device;
    for (let steps = 0; cur !== undefined && steps <= devices.length; steps++) {
      if (wanted.has(cur.name.trim().toLowerCase())) {
        out.add(device.id);
        break;
      }
      cur = cur.parentId === '' ? undefined : byId.get(cur.parentId);
    }
  }
  return out;
}

function infrastructureNode(
  kind: 'site' | 'ap',
  id: string,
  name: string,
  parentId: string | null,
  networkJsonId: string,
  place: { coordinates: { latitude: number; longitude: number } | undefined },
): InventoryNode {
  return {
    kind,
    id,
    name,
    parentId,
    downloadMbps: DEFAULT_INFRASTRUCTURE_MBPS,
    uploadMbps: DEFAULT_INFRASTRUCTURE_MBPS,
    networkJsonId,
    latitude: place.coordinates?.latitude,
    longitude: place.coordinates?.longitude,
  };
}
