import type { InventoryNode } from '@wispsync/core';
import type { Draft } from './circuits.js';
import { planNodeId, planNodeName, routerNodeId } from './ids.js';
import type { MikrotikSettings } from './schema.js';

/**
 * One node per router, and with `plan_nodes` one per PPP/hotspot profile in use below it:
 *
 *   core-1                      (site when it has plan nodes, else ap)
 *   ├── PLAN-10M-core-1         (ap)
 *   │   └── alice
 *   └── lease-host              (no profile: DHCP, RADIUS sessions)
 *
 * A router is an `ap` when nothing sits between it and its circuits, so core's generic strategy
 * step gives the documented shapes: `full` and `ap_site` keep this tree, `ap_only` keeps the
 * lowest level (plan nodes, or the routers when there are none), `flat` keeps no node.
 * Sets each circuit's parentId. Routers are listed even when they have no subscriber.
 */
export function buildNodes(
  routers: readonly string[],
  drafts: readonly Draft[],
  settings: MikrotikSettings,
): InventoryNode[] {
  const capacity = {
    downloadMbps: settings.routerDownloadMbps > 0 ? settings.routerDownloadMbps : undefined,
    uploadMbps: settings.routerUploadMbps > 0 ? settings.routerUploadMbps : undefined,
  };
  const plans = new Map<string, InventoryNode & { sortKey: [number, number, string] }>();
  const routerIndex = new Map(routers.map((name, index) => [name, index]));

  for (const { circuit, subscriber } of drafts) {
    const { router, kind, plan } = subscriber;
    if (!settings.planNodes || plan === '' || kind === 'dhcp') {
      circuit.parentId = routerNodeId(router);
      continue;
    }
    const id = planNodeId(router, kind, plan);
    if (!plans.has(id)) {
      plans.set(id, {
        kind: 'ap',
        id,
        name: planNodeName(router, kind, plan),
        parentId: routerNodeId(router),
        networkJsonId: id,
        ...capacity,
        sortKey: [routerIndex.get(router) ?? 0, kind === 'ppp' ? 0 : 1, plan],
      });
    }
    circuit.parentId = id;
  }

  const withPlans = new Set([...plans.values()].map((node) => node.parentId));
  const nodes: InventoryNode[] = routers.map((name) => {
    const id = routerNodeId(name);
    return {
      kind: withPlans.has(id) ? 'site' : 'ap',
      id,
      name,
      parentId: null,
      networkJsonId: id,
      ...capacity,
    };
  });
  const sorted = [...plans.values()].sort(
    (a, b) =>
      a.sortKey[0] - b.sortKey[0] ||
      a.sortKey[1] - b.sortKey[1] ||
      (a.sortKey[2] < b.sortKey[2] ? -1 : a.sortKey[2] > b.sortKey[2] ? 1 : 0),
  );
  for (const { sortKey: _, ...node } of sorted) nodes.push(node);
  return nodes;
}
