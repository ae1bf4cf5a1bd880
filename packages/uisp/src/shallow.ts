import type { InventoryNode } from '@wispsync/core';
import type { UispIndex } from './clients.js';
import { deviceNodeId, siteNodeId } from './full.js';
import { deviceNodeNames } from './names.js';
import type { Capacity, UispDevice, UispSite } from './types.js';

export interface ShallowTree {
  nodes: InventoryNode[];
  deviceNode: Map<string, string>;
  siteNode: Map<string, string | null>;
}

/**
 * `ap_only` and `ap_site` without any routing: the devices clients hang from (at tower sites) are
 * the APs. ap_only puts them all at the top level; ap_site groups them under their UISP site. Sites
 * keep the generated_pn capacity unless integrationUISPbandwidths.csv names them. The shapes are
 * the ones core's generic strategy step keeps as they are.
 */
export function buildShallowTree(input: {
  strategy: 'ap_only' | 'ap_site';
  index: UispIndex;
  /** AP device ids in the order they should appear. */
  aps: readonly string[];
  excluded: ReadonlySet<string>;
  capacityOf: (device: UispDevice) => Capacity;
}): ShallowTree {
  const { index, strategy } = input;
  const aps: UispDevice[] = [];
  for (const id of input.aps) {
    const device = index.deviceById.get(id);
    const site = device === undefined ? undefined : index.siteById.get(device.siteId);
    if (device !== undefined && site?.type === 'site' && !input.excluded.has(site.id)) aps.push(device);
  }
  const sites: UispSite[] = [];
  if (strategy === 'ap_site') {
    const seen = new Set<string>();
    for (const ap of aps) {
      if (seen.has(ap.siteId)) continue;
      seen.add(ap.siteId);
      sites.push(index.siteById.get(ap.siteId)!);
    }
    sites.sort((a, b) => a.index - b.index);
  }
  const nodes: InventoryNode[] = [];
  const siteNode = new Map<string, string | null>();
  for (const site of sites) {
    const id = siteNodeId(site.id);
    siteNode.set(site.id, id);
    nodes.push({
      kind: 'site',
      id,
      name: site.name,
      parentId: null,
      networkJsonId: id,
      latitude: site.latitude,
      longitude: site.longitude,
    });
  }
  const names = deviceNodeNames(
    aps,
    sites.map((site) => site.name),
  );
  const deviceNode = new Map<string, string>();
  for (const ap of aps) {
    const id = deviceNodeId(ap.id);
    const capacity = input.capacityOf(ap);
    deviceNode.set(ap.id, id);
    nodes.push({
      kind: 'ap',
      id,
      name: names.get(ap.id) ?? ap.name,
      parentId: strategy === 'ap_site' ? siteNodeId(ap.siteId) : null,
      downloadMbps: capacity.download,
      uploadMbps: capacity.upload,
      networkJsonId: id,
    });
  }
  return { nodes, deviceNode, siteNode };
}
