import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WispError } from '../errors/index.js';
import {
  type CsvLayout,
  type Problem,
  parseNetworkJson,
  planToRows,
  validateOutput,
} from '../libreqos/index.js';
import type { Inventory, PlanNode, ShapingPlan } from '../model/index.js';
import { walkNodes } from '../model/index.js';
import { buildShapingPlan } from '../topology/index.js';
import type { RunContext } from './context.js';
import type { IntegrationDefinition } from './define.js';
import type { RunOptions } from './options.js';
import { at } from './timing.js';
import { topologyOptionsFor } from './topology-options.js';

const PROBLEMS_SHOWN = 20;

/** Inventory → checked ShapingPlan. Throws exit 4 when the plan would be rejected by LibreQoS. */
export async function buildPlan(input: {
  definition: IntegrationDefinition<unknown>;
  inventory: Inventory;
  context: RunContext;
  options: RunOptions;
  outputDir: string;
}): Promise<{ plan: ShapingPlan; keptNetworkJson: boolean }> {
  const { definition, inventory, context, options, outputDir } = input;
  const { common } = context;
  const suspendedKey = definition.suspendedStrategyKey;
  const suspendedStrategy = suspendedKey
    ? ((context.config[suspendedKey[0]] as Record<string, unknown>)[suspendedKey[1]] as
        | 'none'
        | 'ignore'
        | 'slow')
    : undefined;
  const result = buildShapingPlan(
    inventory,
    topologyOptionsFor(inventory, common, context.strategy, suspendedStrategy),
  );
  for (const warning of result.warnings) context.warn(warning);
  for (const [reason, count] of Object.entries(result.dropped)) context.skip(reason, count);

  let plan = result.plan;
  const kept =
    !options.json && !common.alwaysOverwriteNetworkJson ? await readKeptNetworkJson(outputDir) : null;
  if (kept) plan = reparentToKept(plan, kept, context);

  context.reporter.debug(`topology built (${at()})`);
  const problems = validateOutput({
    rows: planToRows(plan.circuits),
    nodes: plan.nodes,
    layout: options.csvLayout as CsvLayout,
  });
  reportProblems(problems, context);
  return { plan, keptNetworkJson: kept !== null };
}

async function readKeptNetworkJson(outputDir: string): Promise<PlanNode[] | null> {
  const path = join(outputDir, 'network.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const parsed = parseNetworkJson(text);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new WispError(
      'validation',
      `the existing ${path} is invalid and always_overwrite_network_json is false; nothing was written`,
      {
        details: errors.slice(0, PROBLEMS_SHOWN).map(describeProblem),
        hint: 'fix network.json by hand, or set [integration_common].always_overwrite_network_json = true',
      },
    );
  }
  return parsed.nodes;
}

/** With a kept network.json, circuits can only name nodes that exist in it. */
function reparentToKept(plan: ShapingPlan, kept: PlanNode[], context: RunContext): ShapingPlan {
  const byName = new Map<string, PlanNode>();
  for (const { node } of walkNodes(kept)) byName.set(node.name, node);
  const missing = new Map<string, number>();
  const circuits = plan.circuits.map((circuit) => {
    if (circuit.parentNode === '') return circuit;
    const node = byName.get(circuit.parentNode);
    if (node) return { ...circuit, parentNodeId: node.id ?? '' };
    missing.set(circuit.parentNode, (missing.get(circuit.parentNode) ?? 0) + 1);
    return { ...circuit, parentNode: '', parentNodeId: '' };
  });
  for (const [name, count] of missing) {
    context.warn(
      `network.json was kept (always_overwrite_network_json = false) but has no node "${name}": ${count} circuit(s) placed at the top level instead`,
    );
  }
  return { ...plan, nodes: kept, circuits };
}

function reportProblems(problems: Problem[], context: RunContext): void {
  const errors = problems.filter((p) => p.severity === 'error');
  for (const warning of problems.filter((p) => p.severity === 'warning'))
    context.warn(describeProblem(warning));
  if (errors.length === 0) return;
  const more = errors.length > PROBLEMS_SHOWN ? [`… and ${errors.length - PROBLEMS_SHOWN} more`] : [];
  throw new WispError(
    'validation',
    `the new files would be rejected by LibreQoS (${errors.length} problem${errors.length === 1 ? '' : 's'}); nothing was written`,
    {
      details: [...errors.slice(0, PROBLEMS_SHOWN).map(describeProblem), ...more],
      hint: 'fix the records named above in the source',
    },
  );
}

export function describeProblem(problem: Problem): string {
  return problem.id
    ? `${problem.subject} ${problem.id}: ${problem.reason}`
    : `${problem.subject}: ${problem.reason}`;
}
