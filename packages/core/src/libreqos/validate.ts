import type { PlanNode } from '../model/index.js';
import { outputPolicy, type RulePolicy } from './policy.js';
import { createSink, type ProblemSink } from './sink.js';
import type { CsvLayout, Problem, ShapedDevicesRow } from './types.js';
import { checkIps } from './validate-ips.js';
import { checkCapacity, checkNodes, type LocateNode } from './validate-nodes.js';
import { checkRows } from './validate-rows.js';

export interface ValidateOutputInput {
  rows: readonly ShapedDevicesRow[];
  nodes: readonly PlanNode[];
  layout: CsvLayout;
  /**
   * Severity of a Parent Node that is not in network.json. An error for files we generate; the
   * caller passes 'warning' when it keeps an operator's existing network.json.
   */
  missingParent?: 'error' | 'warning';
  /** Rule severities; default: our own output's (outputPolicy of layout and missingParent). */
  policy?: RulePolicy;
  /** Where each node sits in an operator's network.json, for line numbers and paths. */
  locate?: LocateNode;
  /** Problems are added here (default: a new sink). */
  sink?: ProblemSink;
  /** Filled with what was checked (a second pass over 200k rows to count circuits costs ~0.2 s). */
  stats?: { circuits: number };
}

/**
 * LibreQoS's rules for ShapedDevices.csv and network.json (spec A.1, A.2, A.5, C), including the
 * ones its Python validator skips. Errors mean LibreQoS would reject or misread the files;
 * warnings mean it would accept them but change something.
 */
export function validateOutput(input: ValidateOutputInput): Problem[] {
  const sink = input.sink ?? createSink();
  const policy = input.policy ?? outputPolicy(input.layout, input.missingParent ?? 'error');
  const index = checkNodes(input.nodes, policy, sink, input.locate);
  const circuits = checkRows(input.rows, policy, index, sink);
  checkIps(input.rows, policy, sink);
  checkCapacity(circuits, index, sink);
  if (input.stats) input.stats.circuits = circuits.size;
  return sink.problems;
}
