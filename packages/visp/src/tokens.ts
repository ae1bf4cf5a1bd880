/**
 * VISP's token (§9.2): `GET <token_url>` with the client id/secret and the user's name/password in
 * `x-visp-*` headers answers `{"token", "payload": {"exp", "ispId": [...]}}`. The token is reused
 * from the cache until a day before it expires, fetched again when VISP refuses it, and registered
 * as a secret so no message can print it. Retries on network errors, timeouts and 5xx come from
 * core's HTTP client.
 */
import { type HttpClient, WispError } from '@wispsync/core';
import { isRow } from './records.js';
import { SECTION } from './schema.js';
import { type CachedToken, isFresh, readTokenCache, writeTokenCache } from './token-cache.js';

export interface TokenGrant {
  token: string;
  ispId: number;
}

export interface TokenOptions {
  /** The client for the token URL, with the four x-visp-* headers. */
  http: HttpClient;
  tokenUrl: string;
  /** Configured ISP id; 0 = the token's. */
  ispId: number;
  /** Cache file, or undefined to neither read nor write one (wispsync-doctor's probe). */
  cachePath: string | undefined;
  nowSecs(): number;
  warn(message: string): void;
  addSecret(value: string): void;
}

const MASK = '***';

/** Masks the token in a saved response (--save-responses), even in a cut-off body. */
export function maskToken(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRow(parsed) && 'token' in parsed) return JSON.stringify({ ...parsed, token: MASK });
  } catch {
    // Not JSON: mask by pattern below.
  }
  return body.replace(/("token"\s*:\s*")[^"]*("?)/g, `$1${MASK}$2`);
}

export class VispTokens {
  private grant: Promise<TokenGrant> | undefined;
  private readonly refused = new Set<string>();

  constructor(private readonly options: TokenOptions) {}

  /** The token in use: the cached one while it is fresh, else a new one. */
  get(): Promise<TokenGrant> {
    if (this.grant === undefined) {
      const grant = this.cachedOrNew();
      this.grant = grant;
      // A failed attempt is not remembered: the next caller tries again.
      grant.catch(() => {
        if (this.grant === grant) this.grant = undefined;
      });
    }
    return this.grant;
  }

  /**
   * A new token after VISP refused `stale`. Decided synchronously, so requests refused together
   * (the per-customer lookups run in parallel) share one token request.
   */
  refresh(stale: string): Promise<TokenGrant> {
    if (!this.refused.has(stale)) {
      this.refused.add(stale);
      const grant = this.request();
      this.grant = grant;
      grant.catch(() => {
        if (this.grant === grant) this.grant = undefined;
      });
    }
    return this.get();
  }

  private async cachedOrNew(): Promise<TokenGrant> {
    const { cachePath, http } = this.options;
    // A recording must hold the token request, and a replay must not depend on local state.
    if (cachePath !== undefined && http.recording === undefined) {
      const cached = await readTokenCache(cachePath);
      const ispId = this.options.ispId > 0 ? this.options.ispId : (cached?.ispId ?? 0);
      if (cached !== undefined && ispId > 0 && isFresh(cached, this.options.nowSecs())) {
        this.options.addSecret(cached.token);
        return { token: cached.token, ispId };
      }
    }
    return this.request();
  }

  private async request(): Promise<TokenGrant> {
    const { http, tokenUrl, cachePath } = this.options;
    const body = await http.getJson(tokenUrl, { maskRecorded: maskToken });
    const answer = parseTokenAnswer(body);
    if (answer === undefined) {
      throw new WispError(
        'source',
        'VISP: the token response is missing "token", "payload.exp" or "payload.ispId"',
        { hint: `check that [${SECTION}].token_url points at VISP's token endpoint` },
      );
    }
    this.options.addSecret(answer.token);
    const ispId = this.options.ispId > 0 ? this.options.ispId : answer.ispId;
    if (ispId <= 0) {
      throw new WispError('source', 'VISP: the token names no ISP id (payload.ispId is empty)', {
        hint: `set [${SECTION}].isp_id to your VISP ISP id`,
      });
    }
    // A replayed token is the masked placeholder: never cache it.
    if (cachePath !== undefined && http.recording !== 'replay') {
      const failure = await writeTokenCache(cachePath, { ...answer, ispId: answer.ispId || ispId });
      if (failure !== undefined) {
        this.options.warn(`VISP: cannot write the token cache ${cachePath} (${failure}); continuing`);
      }
    }
    return { token: answer.token, ispId };
  }
}

function parseTokenAnswer(body: unknown): CachedToken | undefined {
  if (!isRow(body) || typeof body.token !== 'string' || body.token === '' || !isRow(body.payload)) {
    return undefined;
  }
  const { exp, ispId } = body.payload;
  const expSecs = typeof exp === 'string' ? Number(exp) : exp;
  if (typeof expSecs !== 'number' || !Number.isFinite(expSecs)) return undefined;
  const first: unknown = Array.isArray(ispId) ? ispId[0] : ispId;
  const isp = typeof first === 'string' ? Number.parseInt(first, 10) : first;
  return {
    token: body.token,
    exp: expSecs,
    ispId: typeof isp === 'number' && Number.isInteger(isp) && isp > 0 ? isp : 0,
  };
}
