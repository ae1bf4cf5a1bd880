import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inventory, MapContext } from '@wispsync/core';
import { mapMikrotik } from '../src/map.js';
import type { RouterData } from '../src/raw.js';
import { fakeSession, fixtureMenus, readFake } from './fake-router.js';

export interface Mapped {
  inventory: Inventory;
  warnings: string[];
  skipped: Record<string, number>;
}

/** Runs the mapper over router data with `[mikrotik_integration]` keys, collecting warnings and skips. */
export async function mapRouters(
  routers: RouterData[],
  config: Record<string, unknown> = {},
  outputDir = mkdtempSync(join(tmpdir(), 'wispsync-mikrotik-map-')),
): Promise<Mapped> {
  const warnings: string[] = [];
  const skipped: Record<string, number> = {};
  const context = {
    config: { mikrotik_integration: config },
    strategy: 'full',
    outputDir,
    warn: (message: string) => warnings.push(message),
    skip: (reason: string, count = 1) => {
      skipped[reason] = (skipped[reason] ?? 0) + count;
    },
  } as unknown as MapContext;
  return { inventory: await mapMikrotik({ routers }, context), warnings, skipped };
}

export function circuit(inventory: Inventory, id: string) {
  const found = inventory.circuits.find((c) => c.id === id);
  if (!found) throw new Error(`no circuit ${id}; have ${inventory.circuits.map((c) => c.id).join(', ')}`);
  return found;
}

export const core1 = () => fixtureMenus('basic', 'core-1');
export const core2 = () => fixtureMenus('basic', 'core-2');

/** The basic data set's two routers, read through fake sessions and mapped with `config`. */
export async function both(config: Record<string, unknown> = {}): Promise<Mapped> {
  const routers = [
    await readFake(fakeSession('core-1', core1()), config),
    await readFake(fakeSession('core-2', core2()), config),
  ];
  return mapRouters(routers, config);
}
