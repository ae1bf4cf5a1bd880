import { type PlanNode, renderShapedDevices, type ShapingPlan } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { mapUisp } from '../src/map.js';
import { mapContext, planFixture, planInventory, readFixture } from './context.js';

const NETWORK = {
  site: 'Core DC',
  airmax_capacity: 0.65,
  ltu_capacity: 0.9,
  exception_cpes: ['CPE-Farm:AP-North-2', { cpe: 'CPE-Cabin', parent: 's-ridge' }],
};

/** `Parent › Child` paths of every node, to compare tree shapes. */
function paths(nodes: readonly PlanNode[], prefix = ''): string[] {
  return nodes.flatMap((node) => [
    `${prefix}${node.name}`,
    ...paths(node.children, `${prefix}${node.name} › `),
  ]);
}

function parentOf(plan: ShapingPlan, circuit: string): string | undefined {
  return plan.circuits.find((c) => c.id === circuit)?.parentNode;
}

describe('strategies', () => {
  // The tree each strategy emits is already in the shape core's generic strategy step keeps, so
  // running that step (as the CLI does) changes nothing: same plan as with the step skipped.
  it.each(['flat', 'ap_only', 'ap_site', 'full'] as const)(
    '%s: core’s generic strategy step is a no-op',
    async (strategy) => {
      const generic = await planFixture('network', strategy, NETWORK);
      const skipped = planInventory(generic.inventory, generic.common, 'full', NETWORK);
      expect(generic.plan).toEqual(skipped);
      expect(generic.plan.circuits.length).toBeGreaterThan(40);
    },
  );

  it('flat: no nodes, every circuit at the top level', async () => {
    const { plan } = await planFixture('network', 'flat', NETWORK);
    expect(plan.nodes).toEqual([]);
    expect(new Set(plan.circuits.map((c) => c.parentNode))).toEqual(new Set(['']));
  });

  it('ap_only: only the APs clients hang from, all at the top level', async () => {
    const { plan } = await planFixture('network', 'ap_only', NETWORK);
    expect(plan.nodes.map((n) => [n.name, n.type, n.children.length])).toEqual(
      [
        'AP-Core-LTU',
        'AP-North-1',
        'AP-North-2',
        'AP-East-1',
        'AP-East-2',
        'AP-Ridge-1',
        'AP-Ridge-Sector',
        'AP-Valley',
        'AP-Lab',
        'Hill Repeater',
        'AP-Island',
      ].map((name) => [name, 'ap', 0]),
    );
    expect(parentOf(plan, 'c-01')).toBe('AP-Core-LTU');
    // A client of a client hangs from the AP of the client it connects through.
    expect(parentOf(plan, 'c-49')).toBe('AP-Ridge-1');
  });

  it('ap_site: each AP under its UISP site, sites at the top level', async () => {
    const { plan } = await planFixture('network', 'ap_site', NETWORK);
    expect(paths(plan.nodes)).toContain('North Tower › AP-North-2');
    expect(paths(plan.nodes)).toContain('Hill Repeater › Hill Repeater [AP]');
    expect(
      plan.nodes.every(
        (n) => n.type === 'site' && n.children.every((c) => c.type === 'ap' && c.children.length === 0),
      ),
    ).toBe(true);
    // Without an AP, a client hangs from its UISP parent site.
    expect(parentOf(plan, 'c-46')).toBe('East Tower');
  });

  it('full: sites, backhauls and APs routed from the root; radios that carry nothing left out', async () => {
    const { plan } = await planFixture('network', 'full', NETWORK);
    const all = paths(plan.nodes);
    expect(all).toContain('BH-Core-North › North Tower › BH-North-Ridge › Ridge Tower › AP-Ridge-Sector');
    expect(all).toContain('BH-Core-East › East Tower › BH-East-Lab › Lab › AP-Lab');
    for (const gone of [
      'core-rtr',
      'SW-North',
      'BH-North-Core',
      'BH-East-Ridge',
      'BH-Ridge-East',
      'STA-Valley',
    ]) {
      expect(all.some((p) => p.endsWith(gone))).toBe(false);
    }
    // Capacities narrow along the path: Ridge Tower gets the North–Ridge link (airMax × 0.65).
    const ridge = plan.nodes[0]!.children[0]!.children.find((n) => n.name === 'BH-North-Ridge')!.children[0]!;
    expect([ridge.name, ridge.downloadMbps, ridge.uploadMbps]).toEqual(['Ridge Tower', 286, 279]);
  });

  it('full: a site over point-to-multipoint hangs beside the AP, or under it with use_ptmp_as_parent', async () => {
    const beside = paths((await planFixture('network', 'full', NETWORK)).plan.nodes);
    expect(beside.find((p) => p.endsWith('Valley Relay'))).toMatch(/Ridge Tower › Valley Relay$/);
    const under = paths(
      (await planFixture('network', 'full', { ...NETWORK, use_ptmp_as_parent: true })).plan.nodes,
    );
    expect(under.find((p) => p.endsWith('Valley Relay'))).toMatch(
      /Ridge Tower › AP-Ridge-Sector › Valley Relay$/,
    );
  });

  it('full: every device of a client site shares one parent (LibreQoS #695)', async () => {
    const { plan } = await planFixture('network', 'full', NETWORK);
    const dual = plan.circuits.find((c) => c.id === 'c-50')!;
    expect(dual.devices.map((d) => d.id)).toEqual(['d-c-50', 'd-c-50-b']);
    expect(dual.parentNode).toBe('AP-North-1');
  });

  it('exclude_sites: the site, its devices, what hangs only below it; other paths still route', async () => {
    const { plan, inventory } = await planFixture('network', 'full', {
      ...NETWORK,
      exclude_sites: ['East Tower'],
    });
    const names = paths(plan.nodes).map((p) => p.split(' › ').at(-1));
    for (const gone of ['East Tower', 'AP-East-1', 'BH-Core-East', 'Lab', 'AP-Lab'])
      expect(names).not.toContain(gone);
    // Ridge is also reachable through North: it stays.
    expect(names).toContain('Ridge Tower');
    const ids = new Set(plan.circuits.map((c) => c.id));
    for (const gone of ['c-18', 'c-23', 'c-40', 'c-46']) expect(ids.has(gone)).toBe(false);
    expect(inventory.nodes.some((n) => n.id === 'uisp:site:s-east')).toBe(false);
  });

  it('exclude_sites in the other strategies follows the UISP parent sites', async () => {
    const { plan } = await planFixture('network', 'ap_site', { ...NETWORK, exclude_sites: ['north tower'] });
    const names = plan.nodes.map((n) => n.name);
    // North, and Ridge, Valley and Hill below it in UISP, are gone with their clients.
    expect(names).toEqual(['Core DC', 'East Tower', 'Lab', 'Island POP']);
    expect(plan.circuits.some((c) => c.id === 'c-33' || c.id === 'c-06' || c.id === 'c-42')).toBe(false);
  });

  it('exception_cpes: CPE host names and UISP ids, as LibreQoS operators write them', async () => {
    const { plan } = await planFixture('network', 'full', NETWORK);
    expect(parentOf(plan, 'c-20')).toBe('AP-North-2'); // "CPE-Farm:AP-North-2"; UISP says AP-East-1
    expect(parentOf(plan, 'c-27')).toBe('Ridge Tower'); // {cpe = "CPE-Cabin", parent = "s-ridge"}
  });

  it('promote_to_root moves the node and its subtree to the top level', async () => {
    const context = await mapContext(
      { uisp_integration: NETWORK, integration_common: { promote_to_root: ['Ridge Tower'] } },
      'full',
    );
    const inventory = await mapUisp(await readFixture('network'), context);
    const plan = planInventory(inventory, context.common, 'full', NETWORK);
    expect(plan.nodes.map((n) => n.name)).toContain('Ridge Tower');
    expect(paths(plan.nodes)).toContain('Ridge Tower › Valley Relay › AP-Valley');
  });

  it('ignore_calculated_capacity: every node at generated_pn unless overridden', async () => {
    const { plan } = await planFixture('network', 'ap_only', {
      ...NETWORK,
      ignore_calculated_capacity: true,
    });
    expect(new Set(plan.nodes.map((n) => `${n.downloadMbps}/${n.uploadMbps}`))).toEqual(
      new Set(['1000/1000']),
    );
  });

  it('ap_site keeps the AP of a client without addresses; the client gets no rows (§7.2)', async () => {
    const raw = await readFixture('worked-example');
    for (const device of raw.devices as { ipAddress?: string | null }[]) device.ipAddress = null;
    const context = await mapContext({ uisp_integration: { site: 'Core' } }, 'ap_site');
    const inventory = await mapUisp(raw, context);
    const plan = planInventory(inventory, context.common, 'ap_site');
    expect(paths(plan.nodes)).toEqual(['Tower A', 'Tower A › AP-TowerA']);
    expect(plan.circuits).toEqual([]);
  });

  it('several IPv6 addresses are listed plainly, without LibreQoS 2.0’s brackets', async () => {
    const raw = await readFixture('worked-example');
    const jane = (raw.devices as { identification: { id: string }; interfaces: unknown[] }[]).find(
      (d) => d.identification.id === 'dev-cpe-jane',
    )!;
    jane.interfaces = [
      {
        identification: { name: 'br0', type: 'br' },
        addresses: [{ cidr: '2001:db8::/56' }, { cidr: '2001:db8:1::7/64' }],
      },
    ];
    const context = await mapContext({ uisp_integration: { site: 'Core' } }, 'full');
    const plan = planInventory(await mapUisp(raw, context), context.common, 'full');
    expect(renderShapedDevices(plan.circuits, 'legacy')).toContain(
      ',100.64.10.5,"2001:db8::/56, 2001:db8:1::7",',
    );
  });
});
