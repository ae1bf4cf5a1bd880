import type { HotspotRows, Row } from './raw.js';
import {
  type JoinContext,
  macOf,
  profileRates,
  type QueueRates,
  type Subscriber,
  someSessionLacksProfileRate,
  text,
} from './subscriber.js';

/**
 * Hotspot subscribers of one router: `/ip/hotspot/active` joined with `/ip/hotspot/user` by user
 * name and `/ip/hotspot/user/profile` by the user's profile. A session without a local user
 * (RADIUS, trial) or whose profile has no rate-limit takes its dynamic queue (`<hotspot-user>`).
 */
export function hotspotSubscribers(
  router: string,
  rows: HotspotRows,
  options: { queues: QueueRates | null },
  context: JoinContext,
): Subscriber[] {
  const users = new Map<string, Row>();
  for (const user of rows.users) {
    const name = text(user, 'name');
    if (name !== '' && !users.has(name)) users.set(name, user);
  }
  const rates = profileRates(rows.profiles, `router ${router}: hotspot user profile`, context);
  const subscribers: Subscriber[] = [];
  rows.active.forEach((session, index) => {
    const name = text(session, 'user');
    if (name === '') {
      context.warn(`router ${router}: /ip/hotspot/active entry #${index + 1} skipped: it has no user`);
      context.skip('invalid-record');
      return;
    }
    const user = users.get(name);
    const profile = user === undefined ? '' : text(user, 'profile');
    let limit = rates.get(profile) ?? null;
    if (limit === null && options.queues !== null) limit = options.queues.get(`<hotspot-${name}>`);
    subscribers.push({
      kind: 'hotspot',
      router,
      key: name,
      name,
      addresses: [text(session, 'address')],
      mac: macOf(text(session, 'mac-address')),
      comment: user === undefined ? '' : text(user, 'comment'),
      plan: profile,
      live: true,
      limit,
    });
  });
  return subscribers;
}

/** Whether some session has no profile rate (see pppNeedsQueues). */
export function hotspotNeedsQueues(rows: HotspotRows): boolean {
  return someSessionLacksProfileRate(rows.profiles, rows.users, rows.active, 'user');
}
