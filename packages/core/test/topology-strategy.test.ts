import { describe, expect, it } from 'vitest';
import { buildShapingPlan, type TopologyStrategy } from '../src/topology/index.js';
import { ap, circuit, inventory, options, outline, parents, site } from './topology-fixtures.js';

const G8 = '(Generated Site) Cust c8';
const G9 = '(Generated Site) Cust c9';

// Region › Tower › AP1 › AP2;  Region › Tower2 (no AP) › client c8 with child c7;
// Region › client c9 › AP4;  AP3 at the top with no site above it.
const network = inventory(
  [
    site('R', 'Region'),
    site('T', 'Tower', 'R'),
    ap('A1', 'AP1', 'T'),
    ap('A2', 'AP2', 'A1'),
    site('T2', 'Tower2', 'R'),
    ap('A3', 'AP3'),
    ap('A4', 'AP4', 'c9'),
  ],
  [
    circuit('c1', 'A1'),
    circuit('c2', 'A2'),
    circuit('c3', 'T'),
    circuit('c4', 'T2'),
    circuit('c5', 'R'),
    circuit('c6', null),
    circuit('c7', 'c8'),
    circuit('c8', 'T2'),
    circuit('c9', 'R'),
    circuit('c10', 'A4'),
  ],
);

describe('strategies', () => {
  it.each<[TopologyStrategy, string[], Record<string, string>]>([
    [
      'full',
      ['Region', '  Tower', '    AP1', '      AP2', '  Tower2', `    ${G8}`, `  ${G9}`, '    AP4', 'AP3'],
      {
        c1: 'AP1',
        c2: 'AP2',
        c3: 'Tower',
        c4: 'Tower2',
        c5: 'Region',
        c6: '',
        c7: G8,
        c8: G8,
        c9: G9,
        c10: 'AP4',
      },
    ],
    [
      'ap_site',
      ['Tower', '  AP1', '  AP2', 'AP3', G9, '  AP4'],
      { c1: 'AP1', c2: 'AP2', c3: 'Tower', c4: '', c5: '', c6: '', c7: '', c8: '', c9: G9, c10: 'AP4' },
    ],
    [
      'ap_only',
      ['AP1', 'AP2', 'AP3', 'AP4'],
      { c1: 'AP1', c2: 'AP2', c3: '', c4: '', c5: '', c6: '', c7: '', c8: '', c9: '', c10: 'AP4' },
    ],
    ['flat', [], { c1: '', c2: '', c3: '', c4: '', c5: '', c6: '', c7: '', c8: '', c9: '', c10: '' }],
  ])('%s', (strategy, tree, circuitParents) => {
    const { plan, warnings } = buildShapingPlan(network, options({ strategy }));
    expect(outline(plan.nodes)).toEqual(tree);
    expect(parents(plan)).toEqual(circuitParents);
    expect(warnings).toEqual([]);
  });

  it('keeps parentNodeId in step with the parent node', () => {
    const inv = inventory(
      [site('S', 'Site', null, { networkJsonId: 'x:site:1' }), ap('A', 'AP', 'S')],
      [circuit('c1', 'A'), circuit('c2', 'S')],
    );
    const { plan } = buildShapingPlan(inv, options({ strategy: 'ap_only' }));
    expect(plan.circuits.map((c) => [c.parentNode, c.parentNodeId])).toEqual([
      ['AP', ''],
      ['', ''],
    ]);
    const full = buildShapingPlan(inv, options()).plan;
    expect(full.circuits[1]).toMatchObject({ parentNode: 'Site', parentNodeId: 'x:site:1' });
  });
});

describe('promote_to_root', () => {
  it('moves the named node with its subtree to the top level', () => {
    const { plan, warnings } = buildShapingPlan(network, options({ promoteToRoot: [' tower '] }));
    expect(outline(plan.nodes)).toEqual([
      'Region',
      '  Tower2',
      `    ${G8}`,
      `  ${G9}`,
      '    AP4',
      'Tower',
      '  AP1',
      '    AP2',
      'AP3',
    ]);
    expect(parents(plan).c3).toBe('Tower');
    expect(warnings).toEqual([]);
  });

  it('applies after the strategy', () => {
    const { plan } = buildShapingPlan(network, options({ strategy: 'ap_site', promoteToRoot: ['AP1'] }));
    expect(outline(plan.nodes)).toEqual(['Tower', '  AP2', 'AP1', 'AP3', G9, '  AP4']);
  });

  it('warns about names that match no node', () => {
    const { warnings } = buildShapingPlan(network, options({ promoteToRoot: ['Nowhere'] }));
    expect(warnings).toEqual([expect.stringMatching(/promote_to_root: no node named "Nowhere"/)]);
  });
});
