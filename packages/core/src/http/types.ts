/** How a source proves who we are. Every value here is treated as a secret and redacted. */
export type HttpAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'header'; name: string; value: string };

export interface RetryInfo {
  /** The attempt that just failed, 1-based. */
  attempt: number;
  /** Redacted URL. */
  url: string;
  /** What went wrong, e.g. `HTTP 503 Service Unavailable` or `connection refused`. */
  reason: string;
  /** How long we wait before the next attempt. */
  delayMs: number;
}

export interface HttpClientOptions {
  /** Human name of the source used in every message, e.g. "Netzur". */
  source: string;
  /** Paths are appended to this (its own path prefix is kept). A path may also be a full URL. */
  baseUrl?: string;
  auth?: HttpAuth;
  /** Whole-request timeout per attempt. */
  timeoutMs: number;
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff delay; doubles each retry (default 250 ms). 0 in tests. */
  retryDelayMs?: number;
  /** Cap on a server's Retry-After wait (default 30 s). */
  maxRetryAfterMs?: number;
  /** Default true. */
  verifyTls?: boolean;
  /** Sent as User-Agent, e.g. `wispsync/0.1.0`. */
  userAgent: string;
  /** Extra headers on every request (not secrets unless also listed in `secrets`). */
  headers?: Record<string, string>;
  /** The fix printed on 401/403, e.g. "check [netzur_integration].api_key". */
  authHint?: string;
  /** The fix printed on 404, host-not-found, connection refused and non-JSON answers. */
  urlHint?: string;
  /** The fix printed on TLS certificate problems, e.g. "set [uisp_integration].verify_tls = false …". */
  tlsHint?: string;
  /** Directory: save every final response for later replay. */
  record?: string;
  /** Directory: answer from saved responses; no network at all. */
  replay?: string;
  onRetry?: (info: RetryInfo) => void;
  /** Extra strings to redact from every message and recorded file name. */
  secrets?: string[];
}

export interface RequestOptions {
  searchParams?: Record<string, string | number>;
  /** Per-request headers (e.g. a freshly fetched token); values are redacted from messages. */
  headers?: Record<string, string>;
  /** Rewrites the body --save-responses stores, to mask a secret the answer carries (a token). */
  maskRecorded?: (body: string) => string;
}

export interface HttpClient {
  /** The source name the client was made for. */
  readonly source: string;
  /**
   * `save` under --save-responses, `replay` under --from-responses: a source bypasses state that
   * would leave a recording incomplete (VISP's token cache) or must not be written from a replay.
   */
  readonly recording?: 'save' | 'replay' | undefined;
  getJson(path: string, options?: RequestOptions): Promise<unknown>;
  getText(path: string, options?: RequestOptions): Promise<string>;
  postForm(path: string, form: Record<string, string>, options?: RequestOptions): Promise<unknown>;
  postJson(path: string, body: unknown, options?: RequestOptions): Promise<unknown>;
}

/** A final response, live or replayed; what record/replay stores besides the method and URL. */
export interface RawResponse {
  status: number;
  body: string;
  /** Only present on live responses; never stored. */
  retryAfter?: string | undefined;
}
