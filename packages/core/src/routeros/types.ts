/**
 * The RouterOS client's public shape, shared by mikrotik-integration and core's IPv6 enrichment.
 * Two transports stand behind it: the binary API (TCP 8728, TLS 8729; RouterOS 6 and 7) and the
 * REST API of RouterOS 7 (`https://router/rest/...`). Every value RouterOS returns is a string.
 */

/** One `[[router]]` entry of the routers file (LibreQoS's mikrotik_ipv6.toml format, plus `transport`). */
export interface RouterConfig {
  name: string;
  host: string;
  /** Default by transport: api 8728 (8729 with use_ssl), rest 80 (443 with use_ssl). */
  port: number;
  username: string;
  /** Secret: never printed. */
  password: string;
  useSsl: boolean;
  /** Binary API: the post-6.43 plain-text login (the only one RouterOS ≥ 6.45.1 accepts). */
  plaintextLogin: boolean;
  transport: 'api' | 'rest';
  /** TLS certificate check (routers usually have self-signed certificates). */
  verifyTls: boolean;
}

/** One reply row (`!re` sentence or REST object): attribute → value, `.id` included. */
export type RouterRow = Record<string, string>;

export interface PrintOptions {
  /** Only these attributes (`=.proplist=` / `.proplist`): less to send and to parse. */
  proplist?: readonly string[];
  /** Equality filters (`?name=value`), ANDed. */
  where?: Readonly<Record<string, string>>;
}

/** A logged-in connection to one router, used for one run and then closed. */
export interface RouterSession {
  readonly router: RouterConfig;
  /** Every row of a menu, e.g. `print('/ppp/active')`. An empty menu gives `[]` (also for `!empty`). */
  print(menu: string, options?: PrintOptions): Promise<RouterRow[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Connect, login and per-command timeout. */
  timeoutMs: number;
  /** Called with a secret-free line when something is retried or slow. */
  onInfo?: (message: string) => void;
  /** REST only: the User-Agent header (e.g. `wispsync/0.1.0 (mikrotik-integration)`). */
  userAgent?: string;
}
