import { join } from 'node:path';
import { type InventoryNode, type MapContext, WispError } from '@wispsync/core';
import type { UispIndex } from './clients.js';
import { renderDot } from './dot.js';
import { excludeBelowInUisp, excludeClients } from './exclude.js';
import { buildFullTree } from './full.js';
import { buildRoutingGraph } from './graph.js';
import { listSome, type WarningList } from './report.js';
import { findRootSite } from './root.js';
import { ROUTES_FILE, readRouteOverrides } from './routes.js';
import { routeFromRoot } from './routing.js';
import { SECTION } from './schema.js';
import { buildShallowTree } from './shallow.js';
import type { Capacity, UispData, UispDevice, UispSettings } from './types.js';

export interface Topology {
  nodes: InventoryNode[];
  deviceNode: Map<string, string>;
  /** Tower site id → node id (null: the root site, i.e. the top level). */
  siteNode: Map<string, string | null>;
  /** Client sites left out by exclude_sites. */
  excludedClients: number;
  /** Renders graph.dot (full only); called only when files are written. */
  dot: (() => string) | undefined;
}

export interface TopologyInput {
  data: UispData;
  index: UispIndex;
  apOf: ReadonlyMap<string, string>;
  /** Site ids named by exclude_sites; grows with everything that hangs only below them. */
  excluded: Set<string>;
  settings: UispSettings;
  capacityOf: (device: UispDevice) => Capacity;
  context: Pick<MapContext, 'strategy' | 'outputDir' | 'warn'>;
  warnings: WarningList;
}

/** The node tree of the chosen strategy, already in the shape core's strategy step keeps. */
export async function buildTopology(input: TopologyInput): Promise<Topology> {
  const { data, index, apOf, excluded, context } = input;
  const strategy = context.strategy;
  if (strategy === 'full') return buildFull(input);
  excludeBelowInUisp(data.sites, index, excluded);
  const excludedClients = excludeClients(data, index, apOf, excluded);
  if (strategy === 'flat') {
    return { nodes: [], deviceNode: new Map(), siteNode: new Map(), excludedClients, dot: undefined };
  }
  const aps = servingDevices(input);
  const tree = buildShallowTree({ strategy, index, aps, excluded, capacityOf: input.capacityOf });
  return { ...tree, excludedClients, dot: undefined };
}

async function buildFull(input: TopologyInput): Promise<Topology> {
  const { data, index, apOf, excluded, context, settings } = input;
  const root = findRootSite(settings.site, data, index, context.warn);
  if (excluded.has(root.id)) {
    throw new WispError('config', `config: [${SECTION}].exclude_sites names the root site "${root.name}"`, {
      hint: `remove it from exclude_sites, or set [${SECTION}].site to another site`,
    });
  }
  const routeFile = join(context.outputDir, ROUTES_FILE);
  const graph = buildRoutingGraph({
    data,
    excluded,
    routes: await readRouteOverrides(routeFile),
    capacityOf: input.capacityOf,
    servesClients: new Set(apOf.values()),
  });
  for (const route of graph.unusedRoutes) {
    context.warn(
      `${routeFile} line ${route.line}: no data-link from "${route.from}" to "${route.to}"; the row is not used`,
    );
  }
  const routes = routeFromRoot(graph, data, index, root, excluded);
  const excludedClients = excludeClients(data, index, apOf, excluded);
  const tree = buildFullTree({
    graph,
    routes,
    capacityOf: input.capacityOf,
    servesClients: new Set(servingDevices(input)),
    usePtmpAsParent: settings.usePtmpAsParent,
  });
  const name = (v: number) => `"${graph.vertices[v]!.site.name}"`;
  if (routes.viaUispParent.length > 0) {
    context.warn(
      `${routes.viaUispParent.length} tower site(s) have no data-link path from "${root.name}" and hang under their UISP parent site: ${listSome(routes.viaUispParent.map(name))}`,
    );
  }
  if (routes.detached.length > 0) {
    context.warn(
      `${routes.detached.length} part(s) of the network are not connected to "${root.name}" by data-links or UISP parent sites; each is placed at the top level: ${listSome(routes.detached.map(name))}`,
    );
  }
  return { ...tree, excludedClients, dot: () => renderDot(graph, routes, tree) };
}

/** Devices with at least one client that is not excluded, in API order. */
function servingDevices(input: TopologyInput): string[] {
  const ids = new Set<string>();
  for (const [client, ap] of input.apOf) if (!input.excluded.has(client)) ids.add(ap);
  return [...ids]
    .map((id) => input.index.deviceById.get(id)!)
    .sort((a, b) => a.index - b.index)
    .map((device) => device.id);
}
