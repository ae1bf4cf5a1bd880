import { describe, expect, it } from 'vitest';
import {
  parseNetworkJson,
  parseShapedDevices,
  planToRows,
  renderNetworkJson,
  renderShapedDevices,
  validateOutput,
} from '../src/libreqos/index.js';
import type { PlanCircuit, PlanNode } from '../src/model/index.js';

/** 100 sites × 100 APs (10,100 nodes) and 200,000 single-device circuits with an IPv4 and an IPv6. */
function bigPlan(): { nodes: PlanNode[]; circuits: PlanCircuit[] } {
  const nodes: PlanNode[] = [];
  const aps: string[] = [];
  for (let s = 0; s < 100; s++) {
    const children: PlanNode[] = [];
    for (let a = 0; a < 100; a++) {
      const name = `AP ${s}-${a}`;
      aps.push(name);
      children.push({
        name,
        id: `x:ap:${s}:${a}`,
        type: 'ap',
        downloadMbps: 1000,
        uploadMbps: 1000,
        children: [],
      });
    }
    nodes.push({ name: `Site ${s}`, type: 'site', downloadMbps: 10000, uploadMbps: 10000, children });
  }
  const circuits: PlanCircuit[] = [];
  for (let i = 0; i < 200_000; i++) {
    circuits.push({
      id: `x:svc:${i}`,
      name: `Customer ${i}, Main St`,
      parentNode: aps[i % aps.length]!,
      parentNodeId: '',
      downloadMin: 1,
      uploadMin: 1,
      downloadMax: 57.5,
      uploadMax: 11.5,
      comment: '',
      sqm: '',
      devices: [
        {
          id: `x:dev:${i}`,
          name: `CPE ${i}`,
          mac: 'aa:bb:cc:dd:ee:ff',
          ipv4: [`100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`],
          ipv6: [`2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64`],
        },
      ],
    });
  }
  return { nodes, circuits };
}

describe('libreqos at 200,000 devices', () => {
  const { nodes, circuits } = bigPlan();

  it('renders, validates and parses within budget', () => {
    const timings: Record<string, number> = {};
    const time = <T>(label: string, run: () => T): T => {
      const started = performance.now();
      const result = run();
      timings[label] = Math.round(performance.now() - started);
      return result;
    };
    const csv = time('renderShapedDevices', () => renderShapedDevices(circuits, 'legacy'));
    const json = time('renderNetworkJson', () => renderNetworkJson(nodes));
    const rows = time('planToRows', () => planToRows(circuits));
    const problems = time('validateOutput', () => validateOutput({ rows, nodes, layout: 'legacy' }));
    const parsed = time('parseShapedDevices', () => parseShapedDevices(csv));
    const parsedNet = time('parseNetworkJson', () => parseNetworkJson(json));
    expect(problems).toEqual([]);
    expect(parsed.rows).toHaveLength(200_000);
    expect(parsedNet.nodes).toHaveLength(100);
    // Bounds that catch accidental quadratic work without flaking on a busy CI runner. On an idle
    // laptop rendering takes ~0.1 s and validation ~0.4 s; on a loaded 2-core VM, 4–5× that.
    expect(timings.renderShapedDevices).toBeLessThan(2500);
    expect(timings.renderNetworkJson).toBeLessThan(1000);
    expect(timings.validateOutput).toBeLessThan(8000);
    expect(timings.parseShapedDevices).toBeLessThan(8000);
  });
});
