import type { Inventory } from '../model/index.js';
import { overrideRows, readOverrideFile, throwOverrideProblems } from './csv.js';

/** One row of a bandwidth override file: the node name and its capacity in Mbps. */
export interface BandwidthOverride {
  name: string;
  downloadMbps: number;
  uploadMbps: number;
  line: number;
}

/**
 * Reads an override CSV such as integrationSplynxBandwidths.csv (`ParentNode,Download Mbps,Upload
 * Mbps`) or integrationUISPbandwidths.csv. The first column is the node name, the next two the
 * capacities. A header row (non-numeric rates on the first line), blank lines and `#` comments are
 * skipped. A missing file is no overrides; a malformed row is a config error naming its line.
 */
export async function readBandwidthOverrides(path: string): Promise<BandwidthOverride[]> {
  const text = await readOverrideFile(path);
  return text === null ? [] : parseBandwidthOverrides(text, path);
}

export function parseBandwidthOverrides(text: string, path: string): BandwidthOverride[] {
  const overrides: BandwidthOverride[] = [];
  const problems: string[] = [];
  for (const { cells, line, index } of overrideRows(text)) {
    const [name = '', down = '', up = ''] = cells;
    const downloadMbps = Number(down);
    const uploadMbps = Number(up);
    const numeric = down !== '' && up !== '' && Number.isFinite(downloadMbps) && Number.isFinite(uploadMbps);
    if (!numeric && index === 0) continue; // the header
    if (name === '' || !numeric || downloadMbps <= 0 || uploadMbps <= 0) {
      problems.push(`line ${line}: expected "node name, download Mbps, upload Mbps" with positive numbers`);
      continue;
    }
    overrides.push({ name, downloadMbps, uploadMbps, line });
  }
  throwOverrideProblems(
    path,
    problems,
    'fix the row, or delete the file to use the capacities from the source',
  );
  return overrides;
}

/**
 * Sets the capacity of every node whose name matches an override (exact, then case-insensitive).
 * Returns the overrides that matched no node, so the caller can warn about them.
 */
export function applyBandwidthOverrides(
  inventory: Inventory,
  overrides: readonly BandwidthOverride[],
): BandwidthOverride[] {
  const byName = new Map<string, BandwidthOverride>();
  const byLowerName = new Map<string, BandwidthOverride>();
  for (const override of overrides) {
    byName.set(override.name, override);
    byLowerName.set(override.name.toLowerCase(), override);
  }
  const used = new Set<BandwidthOverride>();
  for (const node of inventory.nodes) {
    const override = byName.get(node.name) ?? byLowerName.get(node.name.toLowerCase());
    if (!override) continue;
    node.downloadMbps = override.downloadMbps;
    node.uploadMbps = override.uploadMbps;
    used.add(override);
  }
  return overrides.filter((override) => !used.has(override));
}
