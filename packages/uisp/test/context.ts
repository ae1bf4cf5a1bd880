import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildShapingPlan,
  type CommonConfig,
  checkConfig,
  coreSchema,
  type Inventory,
  type MapContext,
  mergeSchemas,
  readCommonConfig,
  type ShapingPlan,
  type Strategy,
  type TopologyStrategy,
  topologyOptionsFor,
} from '@wispsync/core';
import type { UispRaw } from '../src/api.js';
import { mapUisp } from '../src/map.js';
import { configSchema } from '../src/schema.js';
import { fixtureDir } from './harness.js';

/** A map context from lqos.conf data (validated, defaults filled) without running the CLI. */
export async function mapContext(
  config: Record<string, unknown>,
  strategy: Strategy,
  outputDir?: string,
): Promise<MapContext & { warnings: string[]; skipped: Map<string, number> }> {
  const result = await checkConfig(structuredClone(config), {
    path: 'test.conf',
    schema: mergeSchemas(coreSchema, configSchema),
    env: {},
  });
  if (result.errors.length > 0) throw new Error(result.errors.join('\n'));
  const warnings: string[] = [];
  const skipped = new Map<string, number>();
  return {
    config: result.data,
    common: readCommonConfig(result.data),
    strategy,
    outputDir: outputDir ?? (await mkdtemp(join(tmpdir(), 'wispsync-uisp-'))),
    warn: (message) => warnings.push(message),
    skip: (reason, count = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + count),
    warnings,
    skipped,
  };
}

export async function readFixture(name: string): Promise<UispRaw> {
  const read = async (file: string) => JSON.parse(await readFile(join(fixtureDir(name), file), 'utf8'));
  return {
    sites: await read('sites.json'),
    devices: await read('devices.json'),
    dataLinks: await read('data-links.json'),
  };
}

/** mapUisp on a fixture, then core's own planning step with the same settings. */
export async function planFixture(
  name: string,
  strategy: Strategy,
  uisp: Record<string, unknown>,
  coreStrategy: TopologyStrategy = strategy,
): Promise<{ inventory: Inventory; plan: ShapingPlan; warnings: string[]; common: CommonConfig }> {
  const context = await mapContext({ uisp_integration: uisp }, strategy);
  const inventory = await mapUisp(await readFixture(name), context);
  return {
    inventory,
    plan: planInventory(inventory, context.common, coreStrategy, uisp),
    warnings: context.warnings,
    common: context.common,
  };
}

export function planInventory(
  inventory: Inventory,
  common: CommonConfig,
  strategy: TopologyStrategy,
  uisp: Record<string, unknown> = {},
): ShapingPlan {
  return buildShapingPlan(inventory, {
    ...topologyOptionsFor(
      inventory,
      common,
      strategy,
      (uisp.suspended_strategy as 'none' | 'ignore' | 'slow' | undefined) ?? 'none',
    ),
    defaultNodeMbps: { download: 1000, upload: 1000 },
    rootCapMbps: { download: 10000, upload: 10000 },
  }).plan;
}
