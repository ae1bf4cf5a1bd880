/** What the bulk and backfill mappers share while they turn services into circuits. */
import type { MapContext } from '@wispsync/core';
import type { AssemblyIndex } from './attachment.js';
import type { CircuitBuilder } from './circuits.js';
import type { Counters } from './counters.js';
import type { IpAllowed } from './ips.js';
import { splitIpv4Candidates } from './ips.js';
import { fullName, type OnlineSession, type Row, text } from './records.js';

export interface MapState {
  context: Pick<MapContext, 'warn' | 'skip'>;
  subscribers: Map<number, Row>;
  assemblies: AssemblyIndex;
  builder: CircuitBuilder;
  counters: Counters;
  allowed: IpAllowed;
  online: OnlineAddresses;
}

/** The names a customer may go by on an equipment assembly's location: non-empty ones only. */
export function customerNames(name: string, subscriber: Row | undefined): Set<string> {
  const names = new Set<string>();
  for (const candidate of [name, fullName(subscriber), text(subscriber?.username)]) {
    if (candidate !== '') names.add(candidate);
  }
  return names;
}

/**
 * Online RADIUS sessions by user name (case-insensitive; `user@<online_users_domain>` also matches
 * `user`): the addresses a service with none of its own is given.
 */
export class OnlineAddresses {
  private readonly byUser = new Map<string, string[]>();

  constructor(sessions: readonly OnlineSession[], domain: string, allowed: IpAllowed) {
    const suffix = domain === '' ? undefined : `@${domain.toLowerCase()}`;
    for (const session of sessions) {
      const ips = splitIpv4Candidates(allowed, session.ip);
      if (ips.length === 0) continue;
      let user = session.username.toLowerCase();
      if (suffix !== undefined && user.endsWith(suffix)) user = user.slice(0, -suffix.length);
      const known = this.byUser.get(user);
      this.byUser.set(user, known === undefined ? ips : splitIpv4Candidates(allowed, known, ips));
    }
  }

  /** The first user name with a session wins. */
  lookup(...usernames: string[]): string[] {
    for (const user of usernames) {
      if (user === '') continue;
      const ips = this.byUser.get(user.toLowerCase());
      if (ips !== undefined) return ips;
    }
    return [];
  }
}
