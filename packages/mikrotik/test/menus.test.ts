import { describe, expect, it } from 'vitest';
import { fakeSession, fixtureMenus, readFake } from './fake-router.js';

describe('what is read from a router', () => {
  it('each enabled menu once, with a .proplist that never names a password', async () => {
    const session = fakeSession('core-1', fixtureMenus('basic', 'core-1'));
    const data = await readFake(session);
    expect(session.calls.map((call) => call.menu)).toEqual([
      '/ppp/active',
      '/ppp/secret',
      '/ppp/profile',
      '/ip/hotspot/active',
      '/ip/hotspot/user',
      '/ip/hotspot/user/profile',
      '/ip/dhcp-server/lease',
      '/queue/simple',
    ]);
    for (const call of session.calls) {
      expect(call.proplist?.length, call.menu).toBeGreaterThan(0);
      expect(call.proplist).not.toContain('password');
    }
    expect(JSON.stringify(data)).not.toMatch(/pppoe-pw|hotspot-admin-pw/);
    expect(data.ppp?.secrets[0]).toEqual({
      name: 'alice',
      profile: 'plan-10M',
      disabled: 'false',
      comment: 'Alice Adams, 12 Oak Ave',
    });
  });

  it('only bound leases cross the wire, unless offline static leases are wanted', async () => {
    const session = fakeSession('core-1', fixtureMenus('basic', 'core-1'));
    await readFake(session);
    expect(session.calls.find((c) => c.menu === '/ip/dhcp-server/lease')?.where).toEqual({ status: 'bound' });
    const all = fakeSession('core-1', fixtureMenus('basic', 'core-1'));
    await readFake(all, { offline_static: true });
    expect(all.calls.find((c) => c.menu === '/ip/dhcp-server/lease')?.where).toBeUndefined();
  });

  it('dynamic queues only when a session has no profile rate-limit', async () => {
    const menus = fixtureMenus('basic', 'core-1');
    // Every session's profile has a rate-limit: no queue print.
    menus['/ppp/active'] = menus['/ppp/active']!.filter((row) => ['alice', 'bob'].includes(row.name ?? ''));
    const session = fakeSession('core-1', menus);
    await readFake(session);
    expect(session.calls.map((c) => c.menu)).not.toContain('/queue/simple');
    const radius = fakeSession('core-1', fixtureMenus('basic', 'core-1'));
    await readFake(radius);
    expect(radius.calls.find((c) => c.menu === '/queue/simple')?.where).toEqual({ dynamic: 'true' });
    const off = fakeSession('core-1', fixtureMenus('basic', 'core-1'));
    await readFake(off, { queue_rates: false });
    expect(off.calls.map((c) => c.menu)).not.toContain('/queue/simple');
  });

  it('disabled sources are not read', async () => {
    const session = fakeSession('core-1', fixtureMenus('basic', 'core-1'));
    const data = await readFake(session, { hotspot: false, dhcp: false });
    expect(session.calls.map((c) => c.menu)).toEqual([
      '/ppp/active',
      '/ppp/secret',
      '/ppp/profile',
      '/queue/simple',
    ]);
    expect(data.hotspot).toBeUndefined();
    expect(data.leases).toBeUndefined();
  });

  it('a menu the router refuses (!trap) drops only that source, with a warning', async () => {
    const session = fakeSession('core-1', fixtureMenus('basic', 'core-1'), ['/ip/hotspot/user']);
    const refused: string[] = [];
    const data = await readFake(session, {}, (message) => refused.push(message));
    expect(refused).toEqual([
      'hotspot: router "core-1" (192.0.2.1:8728, api): /ip/hotspot/user/print failed: no such command prefix',
    ]);
    expect(data.hotspot).toBeUndefined();
    expect(data.ppp?.active.length).toBe(8);
    expect(data.leases?.length).toBe(4);
  });
});
