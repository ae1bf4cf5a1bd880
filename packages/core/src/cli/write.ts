import { stat } from 'node:fs/promises';
import { WispError } from '../errors/index.js';
import { countCircuits, renderNetworkJson, renderShapedDevices } from '../libreqos/index.js';
import type { ShapingPlan } from '../model/index.js';
import {
  acquireOutputLock,
  checkShrink,
  cleanStaleTempFiles,
  readCurrentOutputs,
  writeFilesAtomically,
} from '../output/index.js';
import type { RunOptions } from './options.js';
import type { Reporter } from './reporter.js';

/** Checks the output directory exists and takes its lock; returns the release function. */
export async function lockOutputDir(outputDir: string): Promise<() => Promise<void>> {
  await requireDirectory(outputDir);
  return acquireOutputLock(outputDir);
}

/** Shrink guard, then atomic write (network.json first). The caller holds the lock. */
export async function writeMode(input: {
  plan: ShapingPlan;
  outputDir: string;
  options: RunOptions;
  keptNetworkJson: boolean;
  reporter: Reporter;
  extraFiles?: { name: string; content: string }[];
}): Promise<void> {
  const { plan, outputDir, options, keptNetworkJson, reporter, extraFiles = [] } = input;
  await cleanStaleTempFiles(outputDir);
  const current = await readCurrentOutputs(outputDir);
  const currentCircuits = current.shapedDevices === null ? 0 : countCircuits(current.shapedDevices);
  checkShrink({ currentCircuits, newCircuits: plan.circuits.length, force: options.force });
  if (options.force && currentCircuits > 0 && plan.circuits.length < currentCircuits / 2) {
    reporter.warn(`--force: writing ${plan.circuits.length} circuits over the current ${currentCircuits}`);
  }
  const files = [];
  if (!keptNetworkJson) files.push({ name: 'network.json', content: renderNetworkJson(plan.nodes) });
  files.push({ name: 'ShapedDevices.csv', content: renderShapedDevices(plan.circuits, options.csvLayout) });
  files.push(...extraFiles);
  await writeFilesAtomically(outputDir, files);
}

async function requireDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new WispError('config', `output directory ${dir} does not exist`, {
      hint: 'create it, pass --output-dir, or set lqos_directory in the config',
    });
  }
}
