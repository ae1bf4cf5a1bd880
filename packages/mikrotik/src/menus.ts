import { isRouterOsError, type RouterSession } from '@wispsync/core';
import { hotspotNeedsQueues } from './hotspot.js';
import { pppNeedsQueues } from './ppp.js';
import type { RouterData, Row } from './raw.js';
import type { MikrotikSettings } from './schema.js';

/** Only the attributes we use (`.proplist`): less for the router to send, and never a password. */
export const MENUS = {
  pppActive: { menu: '/ppp/active', proplist: ['name', 'service', 'caller-id', 'address'] },
  pppSecret: { menu: '/ppp/secret', proplist: ['name', 'profile', 'remote-address', 'disabled', 'comment'] },
  pppProfile: { menu: '/ppp/profile', proplist: ['name', 'rate-limit'] },
  hotspotActive: { menu: '/ip/hotspot/active', proplist: ['user', 'address', 'mac-address'] },
  hotspotUser: { menu: '/ip/hotspot/user', proplist: ['name', 'profile', 'comment'] },
  hotspotProfile: { menu: '/ip/hotspot/user/profile', proplist: ['name', 'rate-limit'] },
  lease: {
    menu: '/ip/dhcp-server/lease',
    proplist: [
      'address',
      'active-address',
      'mac-address',
      'active-mac-address',
      'server',
      'active-server',
      'status',
      'host-name',
      'comment',
      'rate-limit',
      'dynamic',
      'disabled',
    ],
  },
  queue: {
    menu: '/queue/simple',
    proplist: ['name', 'max-limit', 'limit-at', 'burst-limit', 'burst-threshold', 'burst-time', 'priority'],
  },
} as const;

export interface MenuFailure {
  source: 'PPP' | 'hotspot' | 'DHCP' | 'queue';
  error: Error;
}

/**
 * Reads one router's enabled sources, one command at a time on its session. A command the router
 * refuses (`!trap`: missing policy, package or menu) drops only that source, reported through
 * `refused`; a lost connection or a timeout fails the whole router (the caller's catch).
 */
export async function readRouterMenus(
  session: RouterSession,
  name: string,
  settings: MikrotikSettings,
  refused: (failure: MenuFailure) => void,
): Promise<RouterData> {
  const print = (spec: { menu: string; proplist: readonly string[] }, where?: Record<string, string>) =>
    session.print(spec.menu, where ? { proplist: spec.proplist, where } : { proplist: spec.proplist });
  const guarded = async <T>(
    source: MenuFailure['source'],
    read: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (!isTrap(error)) throw error;
      refused({ source, error: error as Error });
      return undefined;
    }
  };

  const data: RouterData = { name };
  if (settings.ppp) {
    data.ppp = await guarded('PPP', async () => ({
      active: await print(MENUS.pppActive),
      secrets: await print(MENUS.pppSecret),
      profiles: await print(MENUS.pppProfile),
    }));
  }
  if (settings.hotspot) {
    data.hotspot = await guarded('hotspot', async () => ({
      active: await print(MENUS.hotspotActive),
      users: await print(MENUS.hotspotUser),
      profiles: await print(MENUS.hotspotProfile),
    }));
  }
  if (settings.dhcp) {
    // Only bound leases cross the wire, unless offline static leases are wanted too.
    data.leases = await guarded('DHCP', () =>
      settings.offlineStatic ? print(MENUS.lease) : print(MENUS.lease, { status: 'bound' }),
    );
  }
  const needQueues =
    settings.queueRates &&
    ((data.ppp !== undefined && pppNeedsQueues(data.ppp)) ||
      (data.hotspot !== undefined && hotspotNeedsQueues(data.hotspot)));
  if (needQueues) {
    data.queues = await guarded('queue', (): Promise<Row[]> => print(MENUS.queue, { dynamic: 'true' }));
  }
  return data;
}

function isTrap(error: unknown): boolean {
  return isRouterOsError(error) && error.failure === 'trap';
}
