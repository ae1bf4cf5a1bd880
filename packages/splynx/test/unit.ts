/** Helpers for tests that run the mapper and core's planner in-process (no HTTP). */
import {
  buildShapingPlan,
  createSubnetMatcher,
  type Inventory,
  type MapContext,
  normalizeIp,
  normalizeMac,
  renderNetworkJson,
  renderShapedDevices,
  type ShapingPlan,
  type Strategy,
  type TopologyResult,
} from '@wispsync/core';
import { mapSplynx, type SplynxRaw } from '../src/index.js';

export interface Collected {
  context: MapContext;
  warnings: string[];
  skipped: Map<string, number>;
}

export function mapContext(strategy: Strategy, outputDir = '/nonexistent'): Collected {
  const warnings: string[] = [];
  const skipped = new Map<string, number>();
  const context = {
    config: {},
    common: { excludeSites: [] },
    strategy,
    outputDir,
    warn: (message: string) => warnings.push(message),
    skip: (reason: string, count = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + count),
  } as unknown as MapContext;
  return { context, warnings, skipped };
}

export function raw(lists: Partial<SplynxRaw>): SplynxRaw {
  return {
    tariffs: [],
    customers: [],
    online: [],
    services: [],
    sectors: [],
    monitoring: [],
    networkSites: [],
    hierarchy: true,
    ...lists,
  };
}

/** Core's planner with LibreQoS's defaults (multipliers 1, commit 0.98, 10 Gbps root). */
export function plan(inventory: Inventory, strategy: Strategy): ShapingPlan {
  return planWithWarnings(inventory, strategy).plan;
}

export function planWithWarnings(inventory: Inventory, strategy: Strategy): TopologyResult {
  return buildShapingPlan(inventory, {
    strategy,
    excludeSites: [],
    promoteToRoot: [],
    exceptionCpes: [],
    circuitNameAsAddress: false,
    ignoreSubnets: createSubnetMatcher([]),
    defaultNodeMbps: { download: 1000, upload: 1000 },
    rootCapMbps: { download: 10000, upload: 10000 },
    rates: { commitMultiplier: 0.98, overheadFactor: 1, clientMultiplier: 1 },
    normalizeIp,
    normalizeMac,
  });
}

/**
 * mapSplynx → plan → the two files (ShapedDevices.csv in the v2.2 layout, which has Parent Node ID),
 * and the warnings of both steps.
 */
export async function files(
  lists: Partial<SplynxRaw>,
  strategy: Strategy,
): Promise<{ network: string; csv: string; warnings: string[] }> {
  const { context, warnings } = mapContext(strategy);
  const result = planWithWarnings(await mapSplynx(raw(lists), context), strategy);
  return {
    network: renderNetworkJson(result.plan.nodes),
    csv: renderShapedDevices(result.plan.circuits, 'v2.2'),
    warnings: [...warnings, ...result.warnings],
  };
}

/** CSV text → rows keyed by header name (the test data has no quoted commas). */
export function csvRows(csv: string): Record<string, string>[] {
  const [header = '', ...lines] = csv.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? '', cell])));
}
