/**
 * The routers file: LibreQoS's `/etc/libreqos/mikrotik_ipv6.toml` (`version = 1`, one
 * `[[router]]` table per router: name, host, port, username, password, use_ssl, plaintext_login),
 * plus our `transport = "api" | "rest"` and `verify_tls`. Any mistake is a config error (exit 2)
 * naming the file and the router's position; a password is never printed.
 */
import { readFile } from 'node:fs/promises';
import { WispError } from '../errors/index.js';
import type { RouterConfig } from './types.js';

const TRANSPORTS = ['api', 'rest'] as const;

/** LibreQoS's defaults: api 8728; ours add api-ssl 8729 and REST on www (80) / www-ssl (443). */
export function defaultPort(transport: RouterConfig['transport'], useSsl: boolean): number {
  if (transport === 'rest') return useSsl ? 443 : 80;
  return useSsl ? 8729 : 8728;
}

export async function readRouterFile(path: string): Promise<RouterConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not readable (permission denied)' : code;
    throw new WispError('config', `routers file ${path} is ${reason}`, {
      hint: 'create it with one [[router]] table per router (see docs/configuration.md), or fix [mikrotik_ipv6].config_path',
    });
  }
  return parseRouterFile(text, path);
}

export async function parseRouterFile(text: string, path: string): Promise<RouterConfig[]> {
  const toml = await import('@iarna/toml');
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(JSON.stringify(toml.parse(text))) as Record<string, unknown>;
  } catch (error) {
    const e = error as { line?: number; col?: number; message?: string };
    const where = e.line === undefined ? '' : ` at line ${e.line + 1}, column ${(e.col ?? 0) + 1}`;
    // Only the first line: the rest quotes the file, which may hold a password.
    const first = String(e.message ?? error)
      .split('\n')[0]
      ?.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
    throw new WispError('config', `routers file ${path} is not valid TOML${where}: ${first}`);
  }
  const errors: string[] = [];
  if (data.version !== undefined && data.version !== 1) {
    errors.push(`version must be 1 (got ${JSON.stringify(data.version)})`);
  }
  const entries = data.router ?? [];
  if (!Array.isArray(entries)) errors.push('`router` must be a list of [[router]] tables');
  const routers: RouterConfig[] = [];
  const names = new Set<string>();
  (Array.isArray(entries) ? entries : []).forEach((entry, index) => {
    const router = checkRouter(entry, `[[router]] #${index + 1}`, errors);
    if (!router) return;
    if (names.has(router.name))
      errors.push(`[[router]] #${index + 1}: the name "${router.name}" is used twice`);
    names.add(router.name);
    routers.push(router);
  });
  const [first, ...rest] = errors;
  if (first !== undefined) {
    throw new WispError('config', `routers file ${path}: ${first}`, {
      details: rest.map((line) => `${path}: ${line}`),
      hint: 'fix the routers file; every [[router]] needs name, host and username',
    });
  }
  return routers;
}

function checkRouter(entry: unknown, at: string, errors: string[]): RouterConfig | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    errors.push(`${at} must be a table`);
    return undefined;
  }
  const raw = entry as Record<string, unknown>;
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  const where = name === '' ? at : `${at} ("${name}")`;
  const before = errors.length;
  const text = (key: string, required: boolean): string => {
    const value = raw[key];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (required) errors.push(`${where}: ${key} is missing`);
      return '';
    }
    if (typeof value !== 'string') {
      errors.push(`${where}: ${key} must be a string`);
      return '';
    }
    return key === 'password' ? value : value.trim();
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') errors.push(`${where}: ${key} must be true or false`);
    return value === true;
  };
  text('name', true);
  const host = text('host', true);
  const username = text('username', true);
  const password = text('password', false);
  const transport = raw.transport ?? 'api';
  if (!TRANSPORTS.includes(transport as 'api')) {
    errors.push(`${where}: transport must be "api" or "rest" (got ${JSON.stringify(transport)})`);
  }
  const useSsl = flag('use_ssl', false);
  const plaintextLogin = flag('plaintext_login', true);
  const verifyTls = flag('verify_tls', false);
  const port = raw.port ?? defaultPort(transport as RouterConfig['transport'], useSsl);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(`${where}: port must be a whole number from 1 to 65535 (got ${JSON.stringify(port)})`);
  }
  if (errors.length > before) return undefined;
  return {
    name,
    host,
    port: port as number,
    username,
    password,
    useSsl,
    plaintextLogin,
    transport: transport as RouterConfig['transport'],
    verifyTls,
  };
}
