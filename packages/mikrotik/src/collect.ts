import { dhcpSubscribers } from './dhcp.js';
import { hotspotSubscribers } from './hotspot.js';
import { pppSubscribers } from './ppp.js';
import type { MikrotikRaw } from './raw.js';
import type { MikrotikSettings } from './schema.js';
import { type JoinContext, QueueRates, type Subscriber } from './subscriber.js';

/**
 * Every router's subscribers, ordered by the documented priority that decides who keeps an IP
 * address two of them claim (core keeps the first circuit and warns naming both):
 *   PPP sessions > offline static PPP secrets > hotspot sessions > bound DHCP leases >
 *   offline static leases; then routers-file order; then the key (username or MAC); then address.
 */
export function collectSubscribers(
  raw: MikrotikRaw,
  settings: MikrotikSettings,
  context: JoinContext,
): Subscriber[] {
  const ranked: { subscriber: Subscriber; group: number; router: number }[] = [];
  raw.routers.forEach((router, routerIndex) => {
    const queues = router.queues === undefined ? null : new QueueRates(router.queues, router.name, context);
    const found: Subscriber[] = [];
    if (router.ppp) {
      found.push(
        ...pppSubscribers(
          router.name,
          router.ppp,
          { offlineStatic: settings.offlineStatic, queues },
          context,
        ),
      );
    }
    if (router.hotspot) found.push(...hotspotSubscribers(router.name, router.hotspot, { queues }, context));
    if (router.leases) {
      found.push(
        ...dhcpSubscribers(
          router.name,
          router.leases,
          { servers: settings.dhcpServers, offlineStatic: settings.offlineStatic },
          context,
        ),
      );
    }
    for (const subscriber of found)
      ranked.push({ subscriber, group: group(subscriber), router: routerIndex });
  });
  ranked.sort(
    (a, b) =>
      a.group - b.group ||
      a.router - b.router ||
      compare(a.subscriber.key, b.subscriber.key) ||
      // Two sessions of one user: by address, so the merged circuit never depends on session order.
      compare(a.subscriber.addresses[0] ?? '', b.subscriber.addresses[0] ?? ''),
  );
  return ranked.map((entry) => entry.subscriber);
}

/** Code-unit order: the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_RANK = { ppp: 0, hotspot: 1, dhcp: 2 } as const;

function group(subscriber: Subscriber): number {
  return KIND_RANK[subscriber.kind] * 2 + (subscriber.live ? 0 : 1);
}
