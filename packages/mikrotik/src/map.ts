import { join } from 'node:path';
import {
  applyBandwidthOverrides,
  type Inventory,
  type MapContext,
  readBandwidthOverrides,
} from '@wispsync/core';
import { buildCircuits } from './circuits.js';
import { collectSubscribers } from './collect.js';
import type { MikrotikRaw } from './raw.js';
import { readSettings } from './schema.js';
import { buildNodes } from './topology.js';

/** Per-router (and per-plan-node) capacities, like LibreQoS's integration*Bandwidths.csv files. */
export const OVERRIDES_FILE = 'integrationMikrotikBandwidths.csv';

/**
 * Router rows → Inventory: subscribers joined per source, ordered by priority (PPP > hotspot >
 * DHCP), made into circuits with stable ids, placed under their router (and plan) node. Core then
 * applies the strategy, dedupes addresses (first wins), and does the rate math.
 */
export async function mapMikrotik(raw: MikrotikRaw, context: MapContext): Promise<Inventory> {
  const settings = readSettings(context.config);
  const drafts = buildCircuits(collectSubscribers(raw, settings, context), settings, context);
  const nodes = buildNodes(
    raw.routers.map((router) => router.name),
    drafts,
    settings,
  );
  const inventory: Inventory = { source: 'mikrotik', nodes, circuits: drafts.map((draft) => draft.circuit) };
  const overrides = await readBandwidthOverrides(join(context.outputDir, OVERRIDES_FILE));
  for (const unmatched of applyBandwidthOverrides(inventory, overrides)) {
    context.warn(
      `${OVERRIDES_FILE} line ${unmatched.line}: no router or plan node is named "${unmatched.name}"`,
    );
  }
  return inventory;
}
