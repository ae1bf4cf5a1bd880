import type { PppRows, Row } from './raw.js';
import {
  isTrue,
  type JoinContext,
  macOf,
  profileRates,
  type QueueRates,
  type Subscriber,
  someSessionLacksProfileRate,
  text,
} from './subscriber.js';

/**
 * PPP subscribers of one router: `/ppp/active` sessions joined with `/ppp/secret` by name and
 * `/ppp/profile` by the secret's profile. A session without a secret (RADIUS) or whose profile has
 * no rate-limit takes its dynamic queue's limits (`<pppoe-name>`) when queues were read. With
 * `offlineStatic`, enabled secrets with a `remote-address` and no session are subscribers too.
 */
export function pppSubscribers(
  router: string,
  rows: PppRows,
  options: { offlineStatic: boolean; queues: QueueRates | null },
  context: JoinContext,
): Subscriber[] {
  const secrets = new Map<string, Row>();
  for (const secret of rows.secrets) {
    const name = text(secret, 'name');
    if (name !== '' && !secrets.has(name)) secrets.set(name, secret);
  }
  const rates = profileRates(rows.profiles, `router ${router}: PPP profile`, context);
  const subscribers: Subscriber[] = [];
  const online = new Set<string>();

  rows.active.forEach((session, index) => {
    const name = text(session, 'name');
    if (name === '') {
      context.warn(`router ${router}: /ppp/active entry #${index + 1} skipped: it has no name`);
      context.skip('invalid-record');
      return;
    }
    online.add(name);
    const secret = secrets.get(name);
    const profile = secret === undefined ? '' : text(secret, 'profile');
    let limit = rates.get(profile) ?? null;
    if (limit === null && options.queues !== null) {
      limit = options.queues.get(`<${text(session, 'service') || 'pppoe'}-${name}>`);
    }
    subscribers.push({
      kind: 'ppp',
      router,
      key: name,
      name,
      addresses: [text(session, 'address')],
      mac: macOf(text(session, 'caller-id')),
      comment: secret === undefined ? '' : text(secret, 'comment'),
      plan: profile,
      live: true,
      limit,
    });
  });

  if (options.offlineStatic) {
    for (const [name, secret] of secrets) {
      const address = text(secret, 'remote-address');
      if (online.has(name) || address === '' || isTrue(secret, 'disabled')) continue;
      const profile = text(secret, 'profile');
      subscribers.push({
        kind: 'ppp',
        router,
        key: name,
        name,
        addresses: [address],
        mac: '',
        comment: text(secret, 'comment'),
        plan: profile,
        live: false,
        limit: rates.get(profile) ?? null,
      });
    }
  }
  return subscribers;
}

/** Whether some session has no profile rate, so the router's dynamic queues are worth reading. */
export function pppNeedsQueues(rows: PppRows): boolean {
  return someSessionLacksProfileRate(rows.profiles, rows.secrets, rows.active, 'name');
}
