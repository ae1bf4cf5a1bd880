/**
 * Turns every way a request can fail into one HttpError (a WispError of kind `source`, exit 3).
 * Nothing from got is kept: its error objects carry the request headers, token included.
 */
import { STATUS_CODES } from 'node:http';
import { WispError } from '../errors/index.js';
import type { Redactor } from './redact.js';

export type HttpFailureReason = 'status' | 'timeout' | 'network' | 'tls' | 'body' | 'replay' | 'url';

export interface HttpErrorInit {
  reason: HttpFailureReason;
  method: string;
  /** Redacted. */
  url: string;
  status?: number | undefined;
  hint?: string | undefined;
  details?: string[];
  cause?: unknown;
}

/** A WispError that also says which request failed and how, so a source can react (e.g. re-login on 401). */
export class HttpError extends WispError {
  readonly reason: HttpFailureReason;
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;

  constructor(message: string, init: HttpErrorInit) {
    super('source', message, {
      ...(init.hint === undefined ? {} : { hint: init.hint }),
      ...(init.details === undefined ? {} : { details: init.details }),
      ...(init.cause === undefined ? {} : { cause: init.cause }),
    });
    this.reason = init.reason;
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
  }
}

export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}

/** What a failing request needs to be described; `url` is already redacted. */
export interface RequestContext {
  source: string;
  method: string;
  url: string;
  timeoutMs: number;
  redactor: Redactor;
  authHint?: string | undefined;
  urlHint?: string | undefined;
  tlsHint?: string | undefined;
}

export interface TransportFailure {
  reason: 'timeout' | 'network' | 'tls' | 'url';
  /** Short and secret-free, e.g. `connection refused`. */
  text: string;
  retryable: boolean;
  code: string;
  /** The underlying message, redacted, for --verbose. */
  message: string;
}

const TLS_TEXT: Record<string, string> = {
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  CERT_NOT_YET_VALID: 'TLS certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain contains a self-signed certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate could not be verified (unknown issuer)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate could not be verified (unknown issuer)',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS certificate could not be verified (unknown issuer)',
  CERT_UNTRUSTED: 'TLS certificate is not trusted',
  CERT_REVOKED: 'TLS certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'TLS certificate signature is invalid',
};

const NETWORK_TEXT: Record<string, { text: string; retryable: boolean }> = {
  ECONNREFUSED: { text: 'connection refused', retryable: true },
  ECONNRESET: { text: 'connection reset by the server', retryable: true },
  EPIPE: { text: 'connection closed by the server', retryable: true },
  ERR_STREAM_PREMATURE_CLOSE: { text: 'connection closed before the response was complete', retryable: true },
  ENOTFOUND: { text: 'host not found', retryable: false },
  EAI_AGAIN: { text: 'host name lookup failed (temporary DNS failure)', retryable: true },
  EHOSTUNREACH: { text: 'host unreachable', retryable: true },
  ENETUNREACH: { text: 'network unreachable', retryable: true },
  ERR_TOO_MANY_REDIRECTS: { text: 'too many redirects', retryable: false },
  EPROTO: { text: 'TLS handshake failed (is the URL http:// or https://?)', retryable: false },
  ERR_SSL_WRONG_VERSION_NUMBER: {
    text: 'TLS handshake failed (is the URL http:// or https://?)',
    retryable: false,
  },
};

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UNKNOWN';
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  // got's generic code hides the system one in `cause`.
  if (typeof own === 'string' && own !== 'ERR_GOT_REQUEST_ERROR') return own;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof own === 'string' ? own : 'UNKNOWN';
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Classifies an error thrown by the transport (never an HTTP status: those are not thrown). */
export function describeTransportError(
  error: unknown,
  timeoutMs: number,
  redactor: Redactor,
): TransportFailure {
  const code = errorCode(error);
  const name = (error as { name?: unknown } | null)?.name;
  const message = redactor.text(error instanceof Error ? error.message : String(error));
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return {
      reason: 'timeout',
      text: `timed out after ${formatSeconds(timeoutMs)}`,
      retryable: true,
      code,
      message,
    };
  }
  const tls = TLS_TEXT[code];
  if (tls !== undefined) return { reason: 'tls', text: tls, retryable: false, code, message };
  const network = NETWORK_TEXT[code];
  if (network !== undefined) return { reason: 'network', ...network, code, message };
  if (code === 'ERR_INVALID_URL')
    return { reason: 'url', text: 'invalid URL', retryable: false, code, message };
  return { reason: 'network', text: `request failed (${code}: ${message})`, retryable: false, code, message };
}

export function attemptsSuffix(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : '';
}

function prefix(ctx: RequestContext): string {
  return `${ctx.source}: ${ctx.method} ${ctx.url} failed`;
}

export function transportError(ctx: RequestContext, failure: TransportFailure, attempts: number): HttpError {
  let hint: string;
  if (failure.reason === 'tls') {
    hint =
      ctx.tlsHint ??
      `if ${ctx.source} uses a self-signed certificate, turn off TLS verification for it in the config`;
  } else if (failure.reason === 'timeout') {
    hint = `${ctx.source} did not answer in time; try again later or raise its timeout in the config`;
  } else {
    hint = ctx.urlHint ?? `check the ${ctx.source} URL in the config and that the service is reachable`;
  }
  return new HttpError(`${prefix(ctx)}: ${failure.text}${attemptsSuffix(attempts)}`, {
    reason: failure.reason,
    method: ctx.method,
    url: ctx.url,
    hint,
    // A copy of what helps debugging, never the got error itself.
    cause: { code: failure.code, message: failure.message },
  });
}

export function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? `HTTP ${status}` : `HTTP ${status} ${text}`;
}

/** A single-line, redacted, bounded preview of a body for messages. */
export function bodyPreview(body: string, redactor: Redactor, max = 200): string {
  const flat = body
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return redactor.text(cut);
}

function statusHint(ctx: RequestContext, status: number): string | undefined {
  if (status === 401 || status === 403) {
    return ctx.authHint ?? `check the ${ctx.source} API credentials in the config`;
  }
  if (status === 429) return `${ctx.source} is rate-limiting requests; try again later`;
  if (status >= 500) return `${ctx.source} reported a server error; try again later`;
  return ctx.urlHint ?? `check the ${ctx.source} URL in the config`;
}

export function statusError(ctx: RequestContext, status: number, body: string, attempts: number): HttpError {
  const preview = bodyPreview(body, ctx.redactor);
  return new HttpError(`${prefix(ctx)}: ${statusText(status)}${attemptsSuffix(attempts)}`, {
    reason: 'status',
    method: ctx.method,
    url: ctx.url,
    status,
    hint: statusHint(ctx, status),
    details: preview === '' ? [] : [`response: ${preview}`],
  });
}

export function bodyError(ctx: RequestContext, status: number, what: string, hint: string): HttpError {
  return new HttpError(`${prefix(ctx)}: ${what}`, {
    reason: 'body',
    method: ctx.method,
    url: ctx.url,
    status,
    hint,
  });
}
