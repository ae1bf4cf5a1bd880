/** When to try a request again and how long to wait first. */

/** Statuses that mean "not now" rather than "no": everything else, incl. other 4xx, fails at once. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Backoff never grows past this, however many retries a caller asks for. */
const MAX_BACKOFF_MS = 8_000;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export interface DelayInput {
  /** The attempt that just failed, 1-based. */
  attempt: number;
  baseMs: number;
  maxRetryAfterMs: number;
  retryAfter?: string | undefined;
}

/** Exponential backoff (base × 2^(attempt-1)); a server's Retry-After wins, up to the cap. */
export function retryDelay(input: DelayInput): number {
  const backoff = Math.min(MAX_BACKOFF_MS, input.baseMs * 2 ** (input.attempt - 1));
  const asked = parseRetryAfter(input.retryAfter);
  if (asked === undefined) return backoff;
  return Math.min(input.maxRetryAfterMs, Math.max(backoff, asked));
}
