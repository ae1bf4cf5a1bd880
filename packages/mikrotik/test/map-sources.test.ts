import { describe, expect, it } from 'vitest';
import { fakeSession, readFake } from './fake-router.js';
import { both, circuit, core1, mapRouters } from './map-context.js';

describe('PPP: /ppp/active ⋈ /ppp/secret ⋈ /ppp/profile', () => {
  it('a session takes its secret’s profile rate, rx = upload and tx = download', async () => {
    const { inventory } = await both();
    expect(circuit(inventory, 'mikrotik:core-1:ppp:alice')).toEqual({
      id: 'mikrotik:core-1:ppp:alice',
      name: 'alice',
      parentId: 'mikrotik:router:core-1',
      rate: { downloadMbps: 10, uploadMbps: 2 }, // plan-10M = 2M/10M
      comment: 'Alice Adams, 12 Oak Ave',
      devices: [
        {
          id: 'mikrotik:core-1:ppp:alice:device',
          name: 'alice',
          mac: 'aa:bb:cc:00:00:01',
          ipv4: ['100.64.1.10'],
          ipv6: [],
        },
      ],
    });
  });

  it('burst rate goes into the burst fields; min (limit-at) is left to core', async () => {
    const { inventory } = await both();
    // plan-50M = 10M/50M 20M/80M 8M/40M 16/16 8 5M/25M
    expect(circuit(inventory, 'mikrotik:core-1:ppp:bob').rate).toEqual({
      downloadMbps: 50,
      uploadMbps: 10,
      burstDownloadMbps: 30,
      burstUploadMbps: 10,
    });
    const { inventory: plain } = await both({ use_burst: false });
    expect(circuit(plain, 'mikrotik:core-1:ppp:bob').rate).toEqual({ downloadMbps: 50, uploadMbps: 10 });
  });

  it('a RADIUS session (no secret) takes its dynamic queue’s max-limit', async () => {
    const { inventory } = await both();
    expect(circuit(inventory, 'mikrotik:core-1:ppp:carol').rate).toEqual({ downloadMbps: 25, uploadMbps: 5 });
    const { inventory: noQueues, warnings } = await both({ queue_rates: false });
    expect(circuit(noQueues, 'mikrotik:core-1:ppp:carol').rate).toEqual({
      downloadMbps: 100,
      uploadMbps: 100,
    });
    expect(warnings.join('\n')).toMatch(/subscriber\(s\) have no rate-limit .*mikrotik:core-1:ppp:carol/);
  });

  it('no rate anywhere: the configured default, with one warning; or skipped when asked', async () => {
    const { inventory, warnings } = await both({ default_download_mbps: 30, default_upload_mbps: 6 });
    expect(circuit(inventory, 'mikrotik:core-1:ppp:frank').rate).toEqual({ downloadMbps: 30, uploadMbps: 6 });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^\d+ subscriber\(s\) have no rate-limit .*: shaped at the default 30\/6 Mbps/),
    );
    const skipped = await both({ missing_rate: 'skip' });
    expect(skipped.inventory.circuits.map((c) => c.id)).not.toContain('mikrotik:core-1:ppp:frank');
    expect(skipped.skipped['no-rate']).toBeGreaterThan(0);
    expect(skipped.warnings.join('\n')).toMatch(
      /skipped \(\[mikrotik_integration\]\.missing_rate = "skip"\)/,
    );
  });

  it('a rate-limit RouterOS would not accept: one warning naming the profile, then the default', async () => {
    const { inventory, warnings } = await both();
    expect(warnings).toContain(
      'router core-1: PPP profile "plan-broken": rate-limit "fast/faster" is not understood (rate "fast/faster" is not understood); treated as no rate-limit',
    );
    expect(circuit(inventory, 'mikrotik:core-1:ppp:iris').rate).toEqual({
      downloadMbps: 100,
      uploadMbps: 100,
    });
  });

  it('two sessions of one user are one circuit holding both addresses', async () => {
    const { inventory } = await both();
    const gina = circuit(inventory, 'mikrotik:core-1:ppp:gina');
    expect(gina.devices).toHaveLength(1);
    expect(gina.devices[0]?.ipv4).toEqual(['100.64.1.20', '100.64.1.21']);
    expect(gina.devices[0]?.mac).toBe('aa:bb:cc:00:00:06'); // the session with the lowest address
    expect(inventory.circuits.filter((c) => c.id === gina.id)).toHaveLength(1);
  });

  it('an L2TP caller-id is an IP, not a MAC', async () => {
    const { inventory } = await both();
    expect(circuit(inventory, 'mikrotik:core-1:ppp:henry').devices[0]?.mac).toBe('');
  });

  it('offline static secrets only when asked, and never disabled ones', async () => {
    const off = await both();
    expect(off.inventory.circuits.map((c) => c.id)).not.toContain('mikrotik:core-1:ppp:dave');
    const on = await both({ offline_static: true });
    expect(circuit(on.inventory, 'mikrotik:core-1:ppp:dave')).toMatchObject({
      name: 'dave',
      rate: { downloadMbps: 100, uploadMbps: 20 },
      comment: "Dave's Diner (static IP)",
      devices: [{ ipv4: ['100.64.1.50'], mac: '' }],
    });
    expect(on.inventory.circuits.map((c) => c.id)).not.toContain('mikrotik:core-1:ppp:erin');
    // An active secret with a remote-address is the session, not a second circuit.
    expect(on.inventory.circuits.filter((c) => c.id === 'mikrotik:core-2:ppp:kim')).toHaveLength(1);
  });
});

describe('hotspot: /ip/hotspot/active ⋈ /ip/hotspot/user ⋈ /ip/hotspot/user/profile', () => {
  it('a session takes its user’s profile rate', async () => {
    const { inventory } = await both();
    expect(circuit(inventory, 'mikrotik:core-2:hotspot:guest1')).toMatchObject({
      name: 'guest1',
      rate: { downloadMbps: 5, uploadMbps: 1 },
      comment: 'Cafe table voucher',
      devices: [{ mac: '3c:22:fb:00:00:01', ipv4: ['10.5.50.10'] }],
    });
    expect(circuit(inventory, 'mikrotik:core-2:hotspot:guest2').rate).toEqual({
      downloadMbps: 2,
      uploadMbps: 0.512,
    });
  });

  it('a RADIUS user takes its <hotspot-user> queue; a trial user the default', async () => {
    const { inventory } = await both();
    expect(circuit(inventory, 'mikrotik:core-2:hotspot:karl').rate).toEqual({
      downloadMbps: 8,
      uploadMbps: 2,
    });
    expect(circuit(inventory, 'mikrotik:core-2:hotspot:T-3C:22:FB:00:00:03').rate).toEqual({
      downloadMbps: 100,
      uploadMbps: 100,
    });
  });
});

describe('DHCP: /ip/dhcp-server/lease', () => {
  it('bound leases keyed by MAC, named by comment, else host name; the lease rate-limit', async () => {
    const { inventory } = await both();
    expect(circuit(inventory, 'mikrotik:core-1:dhcp:00:11:22:33:44:01')).toMatchObject({
      name: 'Acme Farm',
      comment: 'Acme Farm',
      rate: { downloadMbps: 15, uploadMbps: 3 },
      devices: [{ ipv4: ['192.168.88.10'], mac: '00:11:22:33:44:01' }],
    });
    expect(circuit(inventory, 'mikrotik:core-1:dhcp:00:11:22:33:44:02').name).toBe('android-7f3e');
    // MACs are written lower case, so the id does not depend on how the router spells them.
    expect(circuit(inventory, 'mikrotik:core-2:dhcp:4c:5e:0c:00:00:01')).toMatchObject({
      name: 'South Clinic',
      rate: { downloadMbps: 10, uploadMbps: 10 },
      devices: [{ mac: '4c:5e:0c:00:00:01', ipv4: ['172.20.0.10'] }],
    });
    const ids = inventory.circuits.map((c) => c.id);
    expect(ids).not.toContain('mikrotik:core-1:dhcp:00:11:22:33:44:03'); // waiting
    expect(ids).not.toContain('mikrotik:core-1:dhcp:00:11:22:33:44:05'); // offline static, not asked
  });

  it('only the named servers when dhcp_servers is set', async () => {
    const { inventory } = await both({ dhcp_servers: ['dhcp-mgmt'] });
    const leases = inventory.circuits.filter((c) => c.id.includes(':dhcp:')).map((c) => c.name);
    expect(leases).toEqual(['switch-1']);
  });

  it('offline static leases when asked (enabled ones only)', async () => {
    const { inventory } = await both({ offline_static: true });
    expect(circuit(inventory, 'mikrotik:core-1:dhcp:00:11:22:33:44:05')).toMatchObject({
      name: 'Corner Shop',
      rate: { downloadMbps: 20, uploadMbps: 5 },
    });
    expect(inventory.circuits.map((c) => c.id)).not.toContain('mikrotik:core-1:dhcp:00:11:22:33:44:07');
  });

  it('a lease without a usable MAC is skipped with a warning naming it', async () => {
    const menus = core1();
    menus['/ip/dhcp-server/lease'] = [
      { '.id': '*9', address: '192.168.88.99', 'mac-address': '', status: 'bound', dynamic: 'true' },
    ];
    const { warnings, skipped } = await mapRouters([await readFake(fakeSession('core-1', menus))]);
    expect(warnings).toContain('router core-1: DHCP lease 192.168.88.99 skipped: it has no MAC address');
    expect(skipped['invalid-record']).toBe(1);
  });
});
