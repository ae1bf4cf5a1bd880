/**
 * The token cache LibreQoS keeps between runs (§9.2): `<state>/cache/.visp_token_cache_<hash>.json`
 * holding `{"token", "exp", "isp_id"}`, where the hash is the first 16 hex digits of
 * sha256("<client_id>|<username>"). Same file and format, so a cache LibreQoS wrote is reused. The
 * file holds a credential: it is written 0600 (directories 0700) through a temp file and a rename.
 * Everything here is best effort: a cache that cannot be read is ignored, one that cannot be written
 * is reported by the caller as a warning.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedToken {
  token: string;
  /** Unix seconds. */
  exp: number;
  ispId: number;
}

/** A token is used until a day before it expires, as LibreQoS does. */
export const EXPIRY_MARGIN_SECS = 86_400;

export function tokenCachePath(stateDirectory: string, clientId: string, username: string): string {
  const hash = createHash('sha256').update(`${clientId}|${username}`).digest('hex').slice(0, 16);
  return join(stateDirectory, 'cache', `.visp_token_cache_${hash}.json`);
}

export function isFresh(token: CachedToken, nowSecs: number): boolean {
  return nowSecs < token.exp - EXPIRY_MARGIN_SECS;
}

export async function readTokenCache(path: string): Promise<CachedToken | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const { token, exp, isp_id: ispId } = parsed;
    if (typeof token !== 'string' || token === '' || typeof exp !== 'number') return undefined;
    return { token, exp, ispId: typeof ispId === 'number' && Number.isInteger(ispId) ? ispId : 0 };
  } catch {
    return undefined;
  }
}

/** Writes the cache; returns why it failed (for a warning), or undefined. */
export async function writeTokenCache(path: string, token: CachedToken): Promise<string | undefined> {
  const dir = join(path, '..');
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const body = `${JSON.stringify({ token: token.token, exp: token.exp, isp_id: token.ispId })}\n`;
    await writeFile(temp, body, { mode: 0o600 });
    // The mode given to writeFile is filtered by the umask; make sure of it.
    await chmod(temp, 0o600);
    await rename(temp, path);
    return undefined;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    return (error as { code?: string }).code ?? String(error);
  }
}
