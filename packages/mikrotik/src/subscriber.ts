import { parseRateLimit, type RateLimit, rateLimitFromQueue } from './rate-limit.js';
import type { Row } from './raw.js';

export type SourceKind = 'ppp' | 'hotspot' | 'dhcp';

/** One subscriber found on a router, before ids and topology: the join of a source's menus. */
export interface Subscriber {
  kind: SourceKind;
  router: string;
  /** The stable key: PPP username, hotspot user, or the lease's MAC (aa:bb:cc:dd:ee:ff). */
  key: string;
  name: string;
  addresses: string[];
  mac: string;
  comment: string;
  /** The profile (PPP or hotspot user profile) for plan nodes; '' when unknown (RADIUS, DHCP). */
  plan: string;
  /** A live session or bound lease; false for an offline static entry. */
  live: boolean;
  /** null: the router gives no rate for it. */
  limit: RateLimit | null;
}

/** Context the joins report through (a subset of core's MapContext). */
export interface JoinContext {
  warn(message: string): void;
  skip(reason: string, count?: number): void;
}

/** An attribute as trimmed text ('' when absent). */
export function text(row: Row, key: string): string {
  const value = row[key];
  return typeof value === 'string'
    ? value.trim()
    : value === undefined || value === null
      ? ''
      : String(value);
}

/** RouterOS booleans: "true"/"false" (API and REST); older exports say "yes"/"no". */
export function isTrue(row: Row, key: string): boolean {
  const value = text(row, key).toLowerCase();
  return value === 'true' || value === 'yes';
}

const MAC = /^[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}$/i;

/** The MAC in canonical form, or '' when the text is not one (an L2TP caller-id is an IP). */
export function macOf(value: string): string {
  return MAC.test(value) ? value.toLowerCase().replaceAll('-', ':') : '';
}

/**
 * `name → parsed rate-limit` for a profile menu, parsed once per profile; a rate-limit RouterOS
 * would not accept is warned about once and treated as none.
 */
export function profileRates(
  profiles: readonly Row[],
  what: string,
  context: JoinContext,
): Map<string, RateLimit | null> {
  const rates = new Map<string, RateLimit | null>();
  for (const row of profiles) {
    const name = text(row, 'name');
    if (name === '' || rates.has(name)) continue;
    rates.set(name, parseLimit(text(row, 'rate-limit'), `${what} "${name}"`, context));
  }
  return rates;
}

/** A rate-limit text → the parsed limit; '' → null; a broken one → null with a warning. */
export function parseLimit(value: string, what: string, context: JoinContext): RateLimit | null {
  if (value === '') return null;
  const parsed = parseRateLimit(value);
  if (parsed.ok) return parsed.limit;
  context.warn(
    `${what}: rate-limit "${value}" is not understood (${parsed.reason}); treated as no rate-limit`,
  );
  return null;
}

/** Dynamic simple queues by name (`<pppoe-alice>`), parsed on first use. */
export class QueueRates {
  private readonly rows = new Map<string, Row>();
  private readonly parsed = new Map<string, RateLimit | null>();

  constructor(
    queues: readonly Row[] | undefined,
    private readonly router: string,
    private readonly context: JoinContext,
  ) {
    for (const row of queues ?? []) {
      const name = text(row, 'name');
      if (name !== '' && !this.rows.has(name)) this.rows.set(name, row);
    }
  }

  get(name: string): RateLimit | null {
    const known = this.parsed.get(name);
    if (known !== undefined) return known;
    const row = this.rows.get(name);
    let limit: RateLimit | null = null;
    if (row !== undefined) {
      const result = rateLimitFromQueue(row);
      if (result.ok) limit = result.limit;
      else if (result.reason !== 'empty') {
        this.context.warn(
          `router ${this.router}: queue "${name}" limits are not understood (${result.reason}); treated as no rate-limit`,
        );
      }
    }
    this.parsed.set(name, limit);
    return limit;
  }
}

/**
 * Whether some session's account has a profile without a rate-limit (or no account at all: a
 * RADIUS user), so the router's dynamic queues are worth reading. `sessionKey` is the session's
 * attribute that names its account (`name` for PPP, `user` for hotspot).
 */
export function someSessionLacksProfileRate(
  profiles: readonly Row[],
  accounts: readonly Row[],
  sessions: readonly Row[],
  sessionKey: string,
): boolean {
  const withRate = new Set<string>();
  for (const profile of profiles) {
    if (text(profile, 'rate-limit') !== '') withRate.add(text(profile, 'name'));
  }
  const profileOf = new Map<string, string>();
  for (const account of accounts) profileOf.set(text(account, 'name'), text(account, 'profile'));
  return sessions.some((session) => !withRate.has(profileOf.get(text(session, sessionKey)) ?? '\u0000'));
}
