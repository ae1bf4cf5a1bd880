import { type CsvLayout, parseNetworkJson, parseShapedDevices, rowsToCircuits } from '../libreqos/index.js';
import type { ShapingPlan } from '../model/index.js';
import { diffPlans, formatDiff, readCurrentOutputs } from '../output/index.js';
import type { Reporter } from './reporter.js';

/** Compares the plan with the files in the output directory and prints the difference. */
export async function dryRunMode(input: {
  plan: ShapingPlan;
  outputDir: string;
  layout: CsvLayout;
  json: boolean;
  stdout: (text: string) => void;
  reporter: Reporter;
}): Promise<void> {
  const { plan, outputDir, json, stdout, reporter } = input;
  const current = await readCurrentOutputs(outputDir).catch(() => ({
    shapedDevices: null,
    networkJson: null,
  }));
  const hasCurrent = current.shapedDevices !== null || current.networkJson !== null;
  if (!hasCurrent)
    reporter.info(`${outputDir} has no network.json or ShapedDevices.csv yet: everything is new`);
  const diff = diffPlans(
    hasCurrent
      ? {
          circuits:
            current.shapedDevices === null
              ? []
              : rowsToCircuits(parseShapedDevices(current.shapedDevices).rows),
          nodes: current.networkJson === null ? [] : parseNetworkJson(current.networkJson).nodes,
        }
      : null,
    plan,
  );
  if (json) stdout(`${JSON.stringify(diff, null, 2)}\n`);
  else stdout(`${formatDiff(diff, { color: Boolean(process.stdout.isTTY) })}\n`);
}
