import type { PlanNode } from '../model/index.js';
import { createSink } from './sink.js';
import type { CsvLayout, Problem, ShapedDevicesRow } from './types.js';
import { checkIps } from './validate-ips.js';
import { checkCapacity, checkNodes } from './validate-nodes.js';
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
}

/**
 * LibreQoS's rules for ShapedDevices.csv and network.json (spec A.1, A.2, A.5, C), including the
 * ones its Python validator skips. Errors mean LibreQoS would reject or misread the files;
 * warnings mean it would accept them but change something.
 */
export function validateOutput(input: ValidateOutputInput): Problem[] {
  const sink = createSink();
  const index = checkNodes(input.nodes, sink);
  const circuits = checkRows(input.rows, input.layout, index, sink, input.missingParent ?? 'error');
  checkIps(input.rows, sink);
  checkCapacity(circuits, index, sink);
  return sink.problems;
}
