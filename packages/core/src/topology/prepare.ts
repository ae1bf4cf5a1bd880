/**
 * Inventory → ShapingPlan: the strategy stage. Each step lives in its own file and rewrites a
 * working copy of the graph; this file only fixes their order.
 *
 * Where we knowingly differ from LibreQoS's integrationCommon.py (HEAD unless noted), doing what
 * its code meant rather than what it does (specs/libreqos-python-integrations.md §3):
 *  1. exclude_sites removes the named node and everything below it, matched trimmed and
 *     case-insensitively, and only among nodes. LibreQoS drops just the exact-named record (any
 *     type, circuits included) and moves its children to the root (§3.4 addRawNode, §3.13 C: C4).
 *  2. exception_cpes override the parent the source gave. HEAD applies them only to records with
 *     an empty parentId; v2.0 never applies them (§3.4).
 *  3. A parent cycle is broken at its first member in input order, which goes to the top level and
 *     keeps the rest of the cycle below it. LibreQoS reconnects every cycle member to the root, and
 *     HEAD's prune step can disconnect them again (§3.5 step 4, §3.6 step 6, Example D).
 *  4. Circuits below a generated site name that site as Parent Node / Parent Node ID: it is a real
 *     network.json node here. HEAD skips generated sites and names the nearest source node (§3.9).
 *     Nested clients nest their generated sites (S1 › G1 › {C1, G2 › {C2, G3 › {C3, S9}}}); HEAD
 *     lifts nested generated sites next to the outer one (§3.6 step 4). APs under a client move to
 *     its generated site too, where HEAD leaves them under the client, never exported.
 *  5. promote_to_root moves the named node itself, with its subtree, to the top level. LibreQoS
 *     instead moves the node's children to the root and leaves the node where it was (§3.5 step 1).
 *  6. network.json top-level caps: download by [queues].downlink_bandwidth_mbps and upload by
 *     uplink_bandwidth_mbps. LibreQoS caps both by the uplink (§1, §3.7).
 *  7. Blank or unparsable addresses are dropped with a count (and a warning when unparsable); HEAD
 *     aborts the whole import on one when ignore_subnets is set (§3.6 step 6).
 *  8. With circuit_name_as_address on, an empty address falls back to the circuit's name (then its
 *     id); LibreQoS writes the empty address (§3.13 C: C2).
 *  9. Node names are made unique across the tree (suffix ` (2)`…) and `children` / `Generated_PN_n`
 *     are renamed; LibreQoS lets a later duplicate overwrite an earlier sibling (§3.7).
 * 10. Circuit max rates are capped to the parent node's capacity and the min kept ≤ max; HEAD's
 *     min is a hard-coded plan × 0.98, ours plan × commit_bandwidth_multiplier (§1).
 * 11. Generated-site ids are made unique (`-2`, `-3`…) when two clients share a name; LibreQoS
 *     emits the same id twice, which LibreQoS 2.2 rejects (consumer spec §A.2.1).
 */

import type { Inventory } from '../model/index.js';
import { assignAddresses } from './addresses.js';
import { assignCapacities } from './bandwidths.js';
import { buildPlan } from './build-plan.js';
import { assignCircuitRates } from './circuit-rates.js';
import { applyExceptionCpes } from './exceptions.js';
import { excludeSites } from './exclude.js';
import { generateClientSites } from './generated-sites.js';
import { createWorkGraph } from './graph.js';
import { finalizeNames } from './names.js';
import { resolveParents } from './parents.js';
import { promoteToRoot } from './promote.js';
import { applyStrategy } from './strategy.js';
import { applySuspension } from './suspension.js';
import type { TopologyOptions, TopologyResult } from './types.js';

export function buildShapingPlan(inventory: Inventory, options: TopologyOptions): TopologyResult {
  const graph = createWorkGraph(inventory);
  excludeSites(graph, options.excludeSites);
  applyExceptionCpes(graph, options.exceptionCpes);
  resolveParents(graph);
  generateClientSites(graph);
  applyStrategy(graph, options.strategy);
  promoteToRoot(graph, options.promoteToRoot);
  applySuspension(graph, options.suspendedStrategy);
  assignAddresses(graph, options);
  finalizeNames(graph, options.circuitNameAsAddress);
  assignCapacities(graph, options.defaultNodeMbps, options.rootCapMbps);
  assignCircuitRates(graph, options.rates);
  return { plan: buildPlan(graph, inventory.source), warnings: graph.warnings, dropped: graph.dropped };
}
