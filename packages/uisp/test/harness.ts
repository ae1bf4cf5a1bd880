import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseShapedDevices, type ShapedDevicesRow } from '@wispsync/core';
import { startToolScenario, type ToolResult, type ToolScenario, toolHarness } from '@wispsync/core/testing';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('uisp');
export const API = '/nms/api/v2.1';
export const TOKEN = 'uisp-test-token-0001';

export type RunResult = ToolResult;
export type Scenario = ToolScenario;

/**
 * A mock UISP serving test-data/uisp/<name>, a temp output dir and an lqos.conf. `uisp` holds
 * extra [uisp_integration] lines; `extra` other sections.
 */
export function startScenario(
  name: string,
  options: { uisp?: string; extra?: string; timeoutSecs?: number } = {},
): Promise<Scenario> {
  return startToolScenario({
    bin: TOOL,
    fixtureDir: fixtureDir(name),
    config: `${options.extra ?? ''}
[uisp_integration]
url = "{url}"
token = "${TOKEN}"
timeout_secs = ${options.timeoutSecs ?? 60}
${options.uisp ?? ''}
`,
  });
}

/** The settings of the realistic network (test-data/uisp/network). */
export const NETWORK_CONFIG = `site = "Core DC"
airmax_capacity = 0.65
ltu_capacity = 0.9
commit_bandwidth_multiplier = 0.98
bandwidth_overhead_factor = 1.15
exception_cpes = ["CPE-Farm:AP-North-2", { cpe = "CPE-Cabin", parent = "s-ridge" }]`;

export async function readOutput(scenario: Scenario, file: string): Promise<string> {
  return readFile(join(scenario.outputDir, file), 'utf8');
}

export async function writeOutput(scenario: Scenario, file: string, text: string): Promise<void> {
  await writeFile(join(scenario.outputDir, file), text);
}

/** `{name: [children…]}` of a network.json, for tree assertions. */
export function shape(
  network: Record<string, { children?: Record<string, unknown> }>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(network)) {
    out[name] = node.children
      ? shape(node.children as Record<string, { children?: Record<string, unknown> }>)
      : {};
  }
  return out;
}

/** The rows of a ShapedDevices.csv text, by circuit id (the first row of each circuit). */
export function circuits(csv: string): Map<string, ShapedDevicesRow> {
  const out = new Map<string, ShapedDevicesRow>();
  for (const row of parseShapedDevices(csv).rows) if (!out.has(row.circuitId)) out.set(row.circuitId, row);
  return out;
}

/** Circuit id → Parent Node. */
export function parents(csv: string): Map<string, string> {
  return new Map([...circuits(csv)].map(([id, row]) => [id, row.parentNode]));
}
