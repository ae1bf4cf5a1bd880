import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CommonConfig, type PlanNode, parseNetworkJson } from '@wispsync/core';

/**
 * Where the nodes that WISPGate's `Parent Node` names can come from. WISPGate has no topology of
 * its own: the only node tree is an operator-kept network.json (always_overwrite_network_json =
 * false), which core leaves untouched.
 */
export type KeptNetwork =
  | { state: 'kept'; path: string; nodes: PlanNode[] }
  /** always_overwrite_network_json = true: network.json is rewritten as `{}` on every run. */
  | { state: 'overwritten' }
  /** Keeping is on, but there is no network.json (yet): one is written as `{}`. */
  | { state: 'absent'; path: string };

/** Reads the network.json core will keep, with core's own parser (core reports a broken file). */
export async function readKeptNetwork(common: CommonConfig, outputDir: string): Promise<KeptNetwork> {
  if (common.alwaysOverwriteNetworkJson) return { state: 'overwritten' };
  const path = join(outputDir, 'network.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { state: 'absent', path };
  }
  return { state: 'kept', path, nodes: parseNetworkJson(text).nodes };
}
