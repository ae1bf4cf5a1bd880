import { join } from 'node:path';
import {
  applyBandwidthOverrides,
  type BandwidthOverride,
  type Inventory,
  readBandwidthOverrides,
} from '@wispsync/core';

export const OVERRIDES_FILE = 'integrationSplynxBandwidths.csv';

/** Case and whitespace do not matter for the fallback match (`" Tower  North "` = `tower north`). */
function loose(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Capacities from integrationSplynxBandwidths.csv (`ParentNode,Download Mbps,Upload Mbps`) in the
 * output directory. A row names a node by its display name (exact, then any letter case); failing
 * that, by the name as typed in Splynx before it was normalised or given its `(<id>)` suffix, so
 * files written for LibreQoS's older naming keep working. Returns the rows that matched nothing.
 */
export async function applySplynxOverrides(
  inventory: Inventory,
  rawNames: ReadonlyMap<string, string>,
  outputDir: string,
): Promise<BandwidthOverride[]> {
  const overrides = await readBandwidthOverrides(join(outputDir, OVERRIDES_FILE));
  if (overrides.length === 0) return [];
  return applyOverrides(inventory, rawNames, overrides);
}

export function applyOverrides(
  inventory: Inventory,
  rawNames: ReadonlyMap<string, string>,
  overrides: readonly BandwidthOverride[],
): BandwidthOverride[] {
  const byDisplay = new Set<string>();
  for (const override of overrides) {
    byDisplay.add(override.name);
    byDisplay.add(override.name.toLowerCase());
  }
  const unmatched = new Set(applyBandwidthOverrides(inventory, overrides));

  const byRaw = new Map<string, BandwidthOverride>();
  for (const override of overrides) byRaw.set(override.name, override);
  const byLoose = new Map<string, BandwidthOverride>();
  for (const override of overrides) byLoose.set(loose(override.name), override);
  for (const node of inventory.nodes) {
    if (byDisplay.has(node.name) || byDisplay.has(node.name.toLowerCase())) continue;
    const raw = rawNames.get(node.id);
    if (raw === undefined) continue;
    const override = byRaw.get(raw) ?? byLoose.get(loose(raw));
    if (override === undefined) continue;
    node.downloadMbps = override.downloadMbps;
    node.uploadMbps = override.uploadMbps;
    unmatched.delete(override);
  }
  return overrides.filter((override) => unmatched.has(override));
}
