/**
 * RouterOS `rate-limit` (PPP profile, hotspot user profile, DHCP lease, RADIUS Mikrotik-Rate-Limit):
 *
 *   rx-rate[/tx-rate] [rx-burst-rate[/tx-burst-rate] [rx-burst-threshold[/tx-burst-threshold]
 *   [rx-burst-time[/tx-burst-time] [priority] [rx-rate-min[/tx-rate-min]]]]]
 *
 * Every pair is written from the ROUTER's side: rx is what the router receives from the client
 * (the client's upload), tx what it sends (the client's download). Rates are bits per second with
 * an optional k (10³), M (10⁶) or G (10⁹) suffix. A missing tx value repeats rx. Defaults from the
 * MikroTik manual: burst threshold = rate, burst time = 1 s, priority 8, min (limit-at) = rate.
 */

/** One value per direction, in the router's rx/tx order. */
export interface RxTx {
  /** Router receives = client upload. */
  rx: number;
  /** Router transmits = client download. */
  tx: number;
}

export interface RateLimit {
  /** Bits per second; 0 means unlimited in that direction. */
  rate: RxTx;
  /** Present only when the text has a burst part; bits per second. */
  burst?: {
    rate: RxTx;
    threshold: RxTx;
    /** Seconds. */
    time: RxTx;
  };
  /** 1 (highest) … 8 (lowest). */
  priority: number;
  /** The guaranteed rate (limit-at), bits per second. */
  min: RxTx;
}

export type RateLimitResult = { ok: true; limit: RateLimit } | { ok: false; reason: string };

const UNIT: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };
const RATE = /^(\d+(?:\.\d+)?)([kmg]?)$/i;
const TIME = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?$/i;

/** Parses one `rate-limit` text. An empty text is `ok: false` with reason `empty`. */
export function parseRateLimit(text: string): RateLimitResult {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  if (parts.length > 6) return { ok: false, reason: `too many parts (${parts.length}, at most 6)` };
  const [rateText, burstText, thresholdText, timeText, priorityText, minText] = parts as [
    string,
    ...(string | undefined)[],
  ];
  try {
    const rate = pair(rateText, bits, 'rate');
    const min = minText === undefined ? rate : pair(minText, bits, 'min rate');
    if (min.rx > rate.rx && rate.rx > 0) throw new Error(`min rate ${minText} is above the rate`);
    if (min.tx > rate.tx && rate.tx > 0) throw new Error(`min rate ${minText} is above the rate`);
    const limit: RateLimit = { rate, priority: priority(priorityText), min };
    if (burstText !== undefined) {
      limit.burst = {
        rate: pair(burstText, bits, 'burst rate'),
        threshold: thresholdText === undefined ? rate : pair(thresholdText, bits, 'burst threshold'),
        time: timeText === undefined ? { rx: 1, tx: 1 } : pair(timeText, seconds, 'burst time'),
      };
    }
    return { ok: true, limit };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/**
 * A simple queue's limits (`max-limit`, `limit-at`, `burst-limit`, `burst-threshold`, `burst-time`,
 * `priority`): the dynamic queue RouterOS makes for a RADIUS-limited session. Queue pairs are
 * target-upload/target-download, the same order as rx/tx.
 */
export function rateLimitFromQueue(row: Readonly<Record<string, string>>): RateLimitResult {
  try {
    const maxLimit = row['max-limit']?.trim() ?? '';
    if (maxLimit === '') return { ok: false, reason: 'empty' };
    const rate = pair(maxLimit, bits, 'max-limit');
    const limitAt = row['limit-at']?.trim();
    const min = limitAt ? pair(limitAt, bits, 'limit-at') : { rx: 0, tx: 0 };
    const limit: RateLimit = {
      rate,
      priority: priority(row.priority?.split('/')[0]),
      min: { rx: min.rx || rate.rx, tx: min.tx || rate.tx },
    };
    const burstLimit = row['burst-limit']?.trim();
    if (burstLimit) {
      const burstRate = pair(burstLimit, bits, 'burst-limit');
      if (burstRate.rx > 0 || burstRate.tx > 0) {
        const threshold = row['burst-threshold']?.trim();
        const time = row['burst-time']?.trim();
        limit.burst = {
          rate: burstRate,
          threshold: threshold ? pair(threshold, bits, 'burst-threshold') : rate,
          time: time ? pair(time, seconds, 'burst-time') : { rx: 1, tx: 1 },
        };
      }
    }
    return { ok: true, limit };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** `a[/b]`: b defaults to a. */
function pair(text: string, parse: (value: string) => number | null, what: string): RxTx {
  const pieces = text.split('/');
  if (pieces.length > 2) throw new Error(`${what} "${text}" has more than one "/"`);
  const [first = '', second] = pieces;
  const rx = parse(first);
  const tx = second === undefined ? rx : parse(second);
  if (rx === null || tx === null) throw new Error(`${what} "${text}" is not understood`);
  return { rx, tx };
}

function bits(value: string): number | null {
  const match = RATE.exec(value);
  if (!match) return null;
  return Number(match[1]) * (UNIT[match[2]!.toLowerCase()] ?? 1);
}

function seconds(value: string): number | null {
  if (value === '') return null;
  const match = TIME.exec(value);
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function priority(text: string | undefined): number {
  if (text === undefined || text === '') return 8;
  const value = Number(text.split('/')[0]);
  if (!Number.isInteger(value) || value < 1 || value > 8) {
    throw new Error(`priority "${text}" is not 1…8`);
  }
  return value;
}
