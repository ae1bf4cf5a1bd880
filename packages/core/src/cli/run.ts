import { loadConfig } from '../config/index.js';
import { countPlan, type Inventory, type ShapingPlan } from '../model/index.js';
import type { OutputFile } from '../output/index.js';
import { checkLoadedConfig, createRunContext, type RunContext, resolveStrategy } from './context.js';
import type { IntegrationDefinition } from './define.js';
import { dryRunMode } from './dry-run.js';
import { planToJson } from './json-output.js';
import { LARGE_RUN, releaseMemory } from './memory.js';
import type { RunOptions } from './options.js';
import { buildPlan } from './plan.js';
import type { Reporter } from './reporter.js';
import { at } from './timing.js';
import { lockOutputDir, writeMode } from './write.js';

export interface RunSummary {
  mode: 'json' | 'dry-run' | 'write';
  plan: ShapingPlan;
  skipped: Record<string, number>;
  outputDir: string;
  /** Whether an existing network.json was kept (always_overwrite_network_json = false). */
  keptNetworkJson: boolean;
}

/** One run of one tool: config → fetch → map → plan → check → output. Returns data; main() prints. */
export async function runIntegration(
  definition: IntegrationDefinition<unknown>,
  options: RunOptions,
  reporter: Reporter,
  stdout: (text: string) => void,
): Promise<RunSummary> {
  const started = performance.now();
  const config = await loadConfig({ path: options.config, schema: definition.schema });
  const common = checkLoadedConfig(config, reporter);
  const strategy = resolveStrategy(definition, options, config);
  const outputDir = options.outputDir ?? common.lqosDirectory;
  const context = createRunContext({ definition, config, common, strategy, outputDir, options, reporter });
  reporter.debug(`config: ${config.path}; strategy ${strategy}; output ${outputDir} (${at()})`);

  const mode: RunSummary['mode'] = options.dryRun ? 'dry-run' : options.json ? 'json' : 'write';
  // A writing run holds the output directory's lock from the start, so a second cron run exits at
  // once instead of fetching everything again only to find the lock taken.
  const release = mode === 'write' ? await lockOutputDir(outputDir) : async () => {};
  try {
    return await pipeline({ definition, options, reporter, stdout, context, outputDir, mode, started });
  } finally {
    await release();
  }
}

async function pipeline(input: {
  definition: IntegrationDefinition<unknown>;
  options: RunOptions;
  reporter: Reporter;
  stdout: (text: string) => void;
  context: RunContext;
  outputDir: string;
  mode: RunSummary['mode'];
  started: number;
}): Promise<RunSummary> {
  const { definition, options, reporter, stdout, context, outputDir, mode, started } = input;
  const { strategy } = context;
  // Each stage's input is handed over without a variable holding it here, so the raw records and
  // the inventory can be garbage-collected as soon as the next stage is done with them.
  const { built, extraFiles } = await planStage(await fetchAndMap(definition, context, options), {
    definition,
    context,
    options,
    outputDir,
    mode,
  });
  // The inventory and the validation rows are garbage now; drop them before rendering the files.
  if (built.plan.circuits.length >= LARGE_RUN) releaseMemory();
  const skipped = Object.fromEntries([...context.skipped].sort(([a], [b]) => a.localeCompare(b)));
  reporter.debug(`planned and validated (${at()})`);

  const summary: RunSummary = {
    mode,
    plan: built.plan,
    skipped,
    outputDir,
    keptNetworkJson: built.keptNetworkJson,
  };
  if (summary.mode === 'json') {
    stdout(
      `${JSON.stringify(planToJson({ definition, strategy, plan: built.plan, skipped, warnings: reporter.warnings }), null, 2)}\n`,
    );
  } else if (summary.mode === 'dry-run') {
    await dryRunMode({
      plan: built.plan,
      outputDir,
      layout: options.csvLayout,
      json: options.json,
      stdout,
      reporter,
    });
  } else {
    await reporter.step(`Writing ${outputDir}…`);
    await writeMode({
      plan: built.plan,
      outputDir,
      options,
      keptNetworkJson: built.keptNetworkJson,
      reporter,
      extraFiles,
    });
  }
  reporter.debug(`output done (${at()})`);
  reporter.summary(summaryLine(definition, summary, reporter, started));
  return summary;
}

async function fetchAndMap(
  definition: IntegrationDefinition<unknown>,
  context: RunContext,
  options: RunOptions,
): Promise<Inventory> {
  await context.reporter.step(`Fetching from ${definition.displayName}…`);
  const raw = await definition.fetch(context);
  context.reporter.debug(`fetched (${at()})`);
  await context.reporter.step('Building the shaping plan…');
  const inventory = await definition.map(raw, context);
  context.reporter.debug(
    `mapped ${inventory.circuits.length} circuits, ${inventory.nodes.length} nodes (${at()})`,
  );
  return enrichIpv6(definition, inventory, context, options);
}

/** [integration_common].use_mikrotik_ipv6: devices get the IPv6 their routers know (docs/configuration.md). */
async function enrichIpv6(
  definition: IntegrationDefinition<unknown>,
  inventory: Inventory,
  context: RunContext,
  options: RunOptions,
): Promise<Inventory> {
  if (!context.common.useMikrotikIpv6) return inventory;
  if (options.fromResponses !== undefined) {
    // A replay is offline by design; asking live routers would mix two moments in one plan.
    context.warn('IPv6 from MikroTik: skipped while replaying saved responses (--from-responses)');
    return inventory;
  }
  await context.reporter.step('Reading IPv6 from MikroTik routers…');
  // Loaded only when switched on: most runs never talk to a router.
  const { enrichIpv6FromRouters } = await import('../routeros/index.js');
  const { configPath, timeoutSecs } = context.common.mikrotikIpv6;
  const result = await enrichIpv6FromRouters(inventory, {
    routersPath: configPath,
    timeoutMs: timeoutSecs * 1000,
    userAgent: `wispsync/${definition.version} (${definition.name}-integration)`,
    warn: context.warn,
    info: (message) => context.reporter.info(message),
    addSecret: (secret) => context.reporter.addSecret(secret),
  });
  context.reporter.debug(`IPv6 enrichment done (${at()})`);
  return result.inventory;
}

async function planStage(
  inventory: Inventory,
  input: {
    definition: IntegrationDefinition<unknown>;
    context: RunContext;
    options: RunOptions;
    outputDir: string;
    mode: RunSummary['mode'];
  },
): Promise<{ built: Awaited<ReturnType<typeof buildPlan>>; extraFiles: OutputFile[] }> {
  const built = await buildPlan({ ...input, inventory });
  const extraFiles =
    input.mode === 'write' ? (input.definition.extraFiles?.({ inventory, plan: built.plan }) ?? []) : [];
  return { built, extraFiles };
}

function summaryLine(
  definition: IntegrationDefinition<unknown>,
  summary: RunSummary,
  reporter: Reporter,
  started: number,
): string {
  const counts = countPlan(summary.plan);
  const verb =
    summary.mode === 'write' ? 'wrote' : summary.mode === 'dry-run' ? 'dry run, would write' : 'planned';
  const where = summary.mode === 'write' ? ` to ${summary.outputDir}` : '';
  const skippedTotal = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
  const parts = [
    `${definition.name}-integration: ${verb} ${n(counts.circuits, 'circuit')}, ${n(counts.devices, 'device')}, ${n(counts.nodes, 'node')}${where}`,
    n(reporter.warnings.length, 'warning'),
  ];
  if (skippedTotal > 0) parts.push(`${skippedTotal.toLocaleString('en-US')} skipped`);
  if (summary.keptNetworkJson) parts.push('network.json kept');
  parts.push(seconds(started));
  return parts.join(' · ');
}

function n(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(2)} s`;
}
