import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSession, readFake } from './fake-router.js';
import { both, circuit, core1, core2, mapRouters } from './map-context.js';

describe('ordering and duplicate addresses', () => {
  it('PPP > offline static PPP > hotspot > DHCP > offline static DHCP, then router order, then key', async () => {
    const { inventory } = await both({ offline_static: true });
    const kinds = inventory.circuits.map((c) => {
      const [, router, kind, key] = c.id.split(':');
      return `${kind} ${router} ${key}`;
    });
    expect(kinds).toEqual([
      'ppp core-1 alice',
      'ppp core-1 bob',
      'ppp core-1 carol',
      'ppp core-1 frank',
      'ppp core-1 gina',
      'ppp core-1 henry',
      'ppp core-1 iris',
      'ppp core-2 ivan',
      'ppp core-2 judy',
      'ppp core-2 kim',
      'ppp core-1 dave',
      'hotspot core-2 T-3C',
      'hotspot core-2 guest1',
      'hotspot core-2 guest2',
      'hotspot core-2 karl',
      'hotspot core-2 lara',
      'dhcp core-1 00',
      'dhcp core-1 00',
      'dhcp core-1 00',
      'dhcp core-1 00',
      'dhcp core-2 4c',
      'dhcp core-1 00',
    ]);
    // So core's first-wins dedupe keeps alice over judy (core-2), frank over hotspot lara,
    // bob over the stale lease, and hotspot karl over the android lease.
    const order = inventory.circuits.map((c) => c.id);
    expect(order.indexOf('mikrotik:core-1:ppp:alice')).toBeLessThan(
      order.indexOf('mikrotik:core-2:ppp:judy'),
    );
    expect(order.indexOf('mikrotik:core-2:hotspot:karl')).toBeLessThan(
      order.indexOf('mikrotik:core-1:dhcp:00:11:22:33:44:02'),
    );
  });

  it('ids do not change when sessions reconnect (new .id, session-id, uptime, order)', async () => {
    const first = await both();
    const menus = core1();
    menus['/ppp/active'] = menus['/ppp/active']!.reverse().map((row, i) => ({
      ...row,
      '.id': `*9000000${i}`,
      'session-id': `0x9${i}`,
      uptime: '1s',
    }));
    const again = await mapRouters([
      await readFake(fakeSession('core-1', menus)),
      await readFake(fakeSession('core-2', core2())),
    ]);
    expect(again.inventory.circuits.map((c) => c.id)).toEqual(first.inventory.circuits.map((c) => c.id));
    expect(again.inventory.circuits.map((c) => c.devices[0]!.id)).toEqual(
      first.inventory.circuits.map((c) => c.devices[0]!.id),
    );
  });

  it('a "#" in a username is escaped (LibreQoS forbids it in ids) and names are trimmed', async () => {
    const menus = core1();
    menus['/ppp/active'] = [{ name: 'flat#4 ', address: '100.64.9.9', service: 'pppoe' }];
    const { inventory } = await mapRouters([await readFake(fakeSession('core-1', menus))]);
    expect(inventory.circuits[0]).toMatchObject({ id: 'mikrotik:core-1:ppp:flat%234', name: 'flat#4' });
  });
});

describe('topology', () => {
  it('one node per router (ap: nothing between it and its circuits)', async () => {
    const { inventory } = await both({ router_download_mbps: 2000, router_upload_mbps: 1000 });
    expect(inventory.nodes).toEqual([
      {
        kind: 'ap',
        id: 'mikrotik:router:core-1',
        name: 'core-1',
        parentId: null,
        networkJsonId: 'mikrotik:router:core-1',
        downloadMbps: 2000,
        uploadMbps: 1000,
      },
      {
        kind: 'ap',
        id: 'mikrotik:router:core-2',
        name: 'core-2',
        parentId: null,
        networkJsonId: 'mikrotik:router:core-2',
        downloadMbps: 2000,
        uploadMbps: 1000,
      },
    ]);
  });

  it('plan_nodes: PLAN-<profile>-<router> (PLAN-HS-… for hotspot) under a router site', async () => {
    const { inventory } = await both({ plan_nodes: true });
    expect(inventory.nodes.map((n) => `${n.kind} ${n.name} ← ${n.parentId ?? 'top'}`)).toEqual([
      'site core-1 ← top',
      'site core-2 ← top',
      'ap PLAN-default-core-1 ← mikrotik:router:core-1',
      'ap PLAN-plan-10M-core-1 ← mikrotik:router:core-1',
      'ap PLAN-plan-50M-core-1 ← mikrotik:router:core-1',
      'ap PLAN-plan-broken-core-1 ← mikrotik:router:core-1',
      'ap PLAN-biz-200M-core-2 ← mikrotik:router:core-2',
      'ap PLAN-home-20M-core-2 ← mikrotik:router:core-2',
      'ap PLAN-HS-hs-5M-core-2 ← mikrotik:router:core-2',
      'ap PLAN-HS-hs-day-core-2 ← mikrotik:router:core-2',
    ]);
    expect(circuit(inventory, 'mikrotik:core-1:ppp:alice').parentId).toBe(
      'mikrotik:plan:core-1:ppp:plan-10M',
    );
    // No profile (RADIUS, leases): directly under the router.
    expect(circuit(inventory, 'mikrotik:core-1:ppp:carol').parentId).toBe('mikrotik:router:core-1');
    expect(circuit(inventory, 'mikrotik:core-1:dhcp:00:11:22:33:44:01').parentId).toBe(
      'mikrotik:router:core-1',
    );
  });

  it('integrationMikrotikBandwidths.csv sets a router’s capacity; unknown names are warned about', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wispsync-mikrotik-overrides-'));
    writeFileSync(
      join(dir, 'integrationMikrotikBandwidths.csv'),
      'ParentNode,Download Mbps,Upload Mbps\ncore-2,500,250\nnowhere,1,1\n',
    );
    const { inventory, warnings } = await mapRouters(
      [await readFake(fakeSession('core-1', core1())), await readFake(fakeSession('core-2', core2()))],
      {},
      dir,
    );
    expect(inventory.nodes[1]).toMatchObject({ name: 'core-2', downloadMbps: 500, uploadMbps: 250 });
    expect(warnings).toContain(
      'integrationMikrotikBandwidths.csv line 3: no router or plan node is named "nowhere"',
    );
  });
});
