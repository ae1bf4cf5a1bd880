import { describe, expect, it } from 'vitest';
import { buildShapingPlan, type TopologyStrategy } from '../src/topology/index.js';
import { bigNetwork } from './topology-big.js';
import { options } from './topology-fixtures.js';

/**
 * A sanity bound, not a benchmark: 3 s is far above the real cost and far below what quadratic
 * work on 200k circuits would take.
 */
describe('performance', () => {
  const network = bigNetwork();
  const run = (strategy: TopologyStrategy, inventory = network) =>
    buildShapingPlan(
      inventory,
      options({
        strategy,
        rates: { commitMultiplier: 0.98, overheadFactor: Math.fround(1.15), clientMultiplier: 1 },
      }),
    );
  // Warm the JIT on a slice so the timing below measures the algorithm, not compilation.
  run('full', { ...network, circuits: network.circuits.slice(0, 20_000) });

  it.each<TopologyStrategy>(['full', 'ap_site'])(
    '200k circuits / 4k nodes through %s in < 3 s',
    (strategy) => {
      const started = performance.now();
      const { plan, warnings } = run(strategy);
      const elapsed = performance.now() - started;
      expect(plan.circuits).toHaveLength(200_000);
      expect(plan.circuits[199_999]?.devices[0]?.ipv4).toEqual(['100.67.13.63']);
      expect(warnings).toEqual([]);
      expect(elapsed).toBeLessThan(3000);
    },
  );
});
