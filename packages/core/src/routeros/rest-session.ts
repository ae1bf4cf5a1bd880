/**
 * The REST API of RouterOS 7 (`http(s)://router/rest/<menu>`, Basic auth, every value a string)
 * over core's HTTP client: timeouts, one retry on network errors and 5xx, redaction, TLS option.
 * A print is `GET /rest/<menu>`, or `POST /rest/<menu>/print` with `.proplist` and `.query` when
 * the caller narrows it (the documented way to pass both).
 */
import { createHttpClient, type HttpClient, isHttpError } from '../http/index.js';
import { RouterOsError, routerLabel } from './errors.js';
import { menuPath } from './sentence.js';
import type { ConnectOptions, PrintOptions, RouterConfig, RouterRow, RouterSession } from './types.js';

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** RouterOS's error body is `{"error":400,"message":"Bad Request","detail":"no such command…"}`. */
function routerDetail(details: readonly string[]): string | undefined {
  const text = details.find((line) => line.startsWith('response: '))?.slice('response: '.length);
  if (text === undefined) return undefined;
  try {
    const body = JSON.parse(text) as { detail?: unknown; message?: unknown };
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // A cut-off preview: fall back to a pattern.
  }
  return /"detail":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? /"message":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
}

function translate(error: unknown, router: RouterConfig, command: string): unknown {
  if (!isHttpError(error)) return error;
  const details = [error.message];
  if (error.status === 401 || error.status === 403) {
    return new RouterOsError(
      'login',
      router,
      `login refused for user "${router.username}" (HTTP ${error.status})`,
      { details, routerMessage: routerDetail(error.details) ?? `HTTP ${error.status}` },
    );
  }
  if (error.reason === 'status') {
    const message = routerDetail(error.details) ?? `HTTP ${error.status}`;
    return new RouterOsError('trap', router, `${command} failed: ${message}`, {
      command,
      routerMessage: message,
      details,
    });
  }
  if (error.reason === 'timeout') {
    return new RouterOsError('timeout', router, `${command} got no answer in time`, { command, details });
  }
  if (error.reason === 'body') {
    return new RouterOsError('protocol', router, `${command}: the answer is not RouterOS REST JSON`, {
      details,
    });
  }
  const reason = error.message.replace(/^.*? failed: /, '');
  return new RouterOsError('connect', router, reason, {
    details,
    ...(error.hint && error.reason === 'tls' ? { hint: error.hint } : {}),
  });
}

async function call<T>(router: RouterConfig, command: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translate(error, router, command);
  }
}

function toRows(body: unknown, router: RouterConfig, command: string): RouterRow[] {
  if (!Array.isArray(body)) {
    throw new RouterOsError('protocol', router, `${command}: expected a JSON list, got ${typeof body}`);
  }
  return body.map((item) => {
    const row: RouterRow = {};
    if (item !== null && typeof item === 'object') {
      for (const [key, value] of Object.entries(item))
        row[key] = typeof value === 'string' ? value : String(value);
    }
    return row;
  });
}

function client(router: RouterConfig, options: ConnectOptions): HttpClient {
  const label = routerLabel(router);
  return createHttpClient({
    source: label,
    baseUrl: `${router.useSsl ? 'https' : 'http'}://${urlHost(router.host)}:${router.port}/rest`,
    auth: { type: 'basic', username: router.username, password: router.password },
    timeoutMs: options.timeoutMs,
    retries: 1,
    verifyTls: router.verifyTls,
    userAgent: options.userAgent ?? 'wispsync (RouterOS REST)',
    tlsHint: `give the router a certificate this machine trusts, or set verify_tls = false for [[router]] "${router.name}"`,
    onRetry: (info) => options.onInfo?.(`${label}: retrying ${info.url} (${info.reason})`),
  });
}

export async function openRestSession(router: RouterConfig, options: ConnectOptions): Promise<RouterSession> {
  const http = client(router, options);
  // Proves the address and the credentials now, so a refused login fails here as on the binary API.
  await call(router, '/system/identity/print', () => http.getJson('system/identity'));
  return {
    router,
    async print(menu: string, printOptions: PrintOptions = {}): Promise<RouterRow[]> {
      const path = menuPath(menu);
      const command = `${path}/print`;
      const proplist = printOptions.proplist ?? [];
      const query = Object.entries(printOptions.where ?? {}).map(([name, value]) => `${name}=${value}`);
      const body = await call(router, command, () =>
        proplist.length === 0 && query.length === 0
          ? http.getJson(path.slice(1))
          : http.postJson(`${path.slice(1)}/print`, {
              ...(proplist.length > 0 ? { '.proplist': proplist } : {}),
              ...(query.length > 0 ? { '.query': query } : {}),
            }),
      );
      return toRows(body, router, command);
    },
    close: async () => {},
  };
}
