import { computeCircuitRates, type RateOptions } from '../rates/index.js';
import type { WorkGraph } from './types.js';

/** Examples named in the aggregated capping warning. */
const EXAMPLES = 3;

/**
 * Step 11 — circuit rates from the plan (see rates/), then each max capped to the capacity of the
 * circuit's parent node (LibreQoS would clamp it anyway; doing it here keeps the files honest) and
 * each min kept ≤ its max. Top-level circuits are not capped.
 */
export function assignCircuitRates(graph: WorkGraph, options: RateOptions): void {
  let capped = 0;
  const examples: string[] = [];
  for (const circuit of graph.circuits) {
    const rates = computeCircuitRates(circuit.source.rate, options, circuit.slow ? 'slow' : undefined);
    const parent = circuit.parent;
    if (parent?.type === 'node') {
      const { download, upload } = parent.capacity;
      if (rates.downloadMax > download || rates.uploadMax > upload) {
        capped++;
        if (examples.length < EXAMPLES) {
          examples.push(
            `circuit ${circuit.id} ${rates.downloadMax}/${rates.uploadMax} → ${Math.min(rates.downloadMax, download)}/${Math.min(rates.uploadMax, upload)} under "${parent.name}"`,
          );
        }
        rates.downloadMax = Math.min(rates.downloadMax, download);
        rates.uploadMax = Math.min(rates.uploadMax, upload);
        rates.downloadMin = Math.min(rates.downloadMin, rates.downloadMax);
        rates.uploadMin = Math.min(rates.uploadMin, rates.uploadMax);
      }
    }
    circuit.rates = rates;
  }
  if (capped > 0) {
    graph.warnings.push(
      `capped-to-parent: ${capped} circuit(s) had a max rate above their parent node's bandwidth and were capped to it (e.g. ${examples.join('; ')})`,
    );
  }
}
