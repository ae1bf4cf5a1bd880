import type { Row } from './raw.js';
import { isTrue, type JoinContext, macOf, parseLimit, type Subscriber, text } from './subscriber.js';

/**
 * DHCP subscribers of one router: bound leases (optionally only of the named servers), keyed by
 * the client's MAC. With `offlineStatic`, enabled static (non-dynamic) leases count even when not
 * bound. The lease's own `rate-limit` is its rate. Name: the lease comment (the operator's label),
 * else the client's host name, else the MAC.
 */
export function dhcpSubscribers(
  router: string,
  leases: readonly Row[],
  options: { servers: readonly string[]; offlineStatic: boolean },
  context: JoinContext,
): Subscriber[] {
  const servers = new Set(options.servers);
  const subscribers: Subscriber[] = [];
  leases.forEach((lease, index) => {
    if (isTrue(lease, 'disabled')) return;
    const bound = text(lease, 'status') === 'bound';
    const isStatic = text(lease, 'dynamic') === 'false';
    if (!bound && !(options.offlineStatic && isStatic)) return;
    const server = text(lease, 'active-server') || text(lease, 'server');
    if (servers.size > 0 && !servers.has(server)) return;
    const rawMac = text(lease, 'active-mac-address') || text(lease, 'mac-address');
    const mac = macOf(rawMac);
    const address = (bound && text(lease, 'active-address')) || text(lease, 'address');
    if (mac === '') {
      const who = address || `#${index + 1}`;
      context.warn(
        `router ${router}: DHCP lease ${who} skipped: ${rawMac === '' ? 'it has no MAC address' : `MAC "${rawMac}" is not a MAC address`}`,
      );
      context.skip('invalid-record');
      return;
    }
    const comment = text(lease, 'comment');
    subscribers.push({
      kind: 'dhcp',
      router,
      key: mac,
      name: comment || text(lease, 'host-name') || mac,
      addresses: [address],
      mac,
      comment,
      plan: '',
      live: bound,
      limit: parseLimit(text(lease, 'rate-limit'), `router ${router}: DHCP lease ${mac}`, context),
    });
  });
  return subscribers;
}
