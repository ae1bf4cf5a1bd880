/** Opens the TCP (8728) or TLS (8729) socket of the binary API, with a connect timeout. */
import { isIP, type Socket, connect as tcpConnect } from 'node:net';
import { DEFAULT_CIPHERS, connect as tlsConnect } from 'node:tls';
import { RouterOsError } from './errors.js';
import type { RouterConfig } from './types.js';

/**
 * api-ssl without a certificate on the router uses anonymous Diffie-Hellman (MikroTik's API
 * manual), which OpenSSL only offers at security level 0. Offered only when verification is off:
 * an anonymous cipher cannot be verified anyway.
 */
const ANONYMOUS_DH = 'ADH-AES256-GCM-SHA384:ADH-AES128-GCM-SHA256:ADH-AES256-SHA256:ADH-AES128-SHA256';
// Node's own list minus its `!aNULL` (a `!` removes a cipher for good, whatever follows it).
const UNVERIFIED_CIPHERS = `${DEFAULT_CIPHERS.split(':')
  .filter((item) => item !== '!aNULL')
  .join(':')}:${ANONYMOUS_DH}:@SECLEVEL=0`;

const NETWORK_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the router',
  EPIPE: 'connection closed by the router',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain contains a self-signed certificate',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate could not be verified (unknown issuer)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed (is this the api-ssl port?)',
  EPROTO: 'TLS handshake failed (is this the api-ssl port?)',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'TLS handshake failed (no cipher in common)',
};

/** A short, secret-free description of a socket error. */
export function describeSocketError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return NETWORK_TEXT[code] ?? `${code}`;
  return error instanceof Error ? error.message : String(error);
}

function tlsHint(router: RouterConfig, error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (code.includes('CERT') || code.includes('SIGNATURE') || code.includes('LEAF'))
  ) {
    return `give the router a certificate this machine trusts, or set verify_tls = false for [[router]] "${router.name}"`;
  }
  return undefined;
}

export function openSocket(router: RouterConfig, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket: Socket = router.useSsl
      ? tlsConnect({
          host: router.host,
          port: router.port,
          rejectUnauthorized: router.verifyTls,
          // SNI only for names: an IP address as server name is not allowed (RFC 6066).
          ...(isIP(router.host) === 0 ? { servername: router.host } : {}),
          ...(router.verifyTls ? {} : { ciphers: UNVERIFIED_CIPHERS }),
        })
      : tcpConnect({ host: router.host, port: router.port });
    const ready = router.useSsl ? 'secureConnect' : 'connect';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new RouterOsError('timeout', router, `no connection after ${timeoutMs / 1000} s`, {
          hint: `check host and port of [[router]] "${router.name}" and that a firewall does not drop the connection`,
        }),
      );
    }, timeoutMs);
    const onError = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      const hint = tlsHint(router, error);
      reject(new RouterOsError('connect', router, describeSocketError(error), hint ? { hint } : {}));
    };
    socket.once('error', onError);
    socket.once(ready, () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}
