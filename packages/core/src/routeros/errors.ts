import { WispError } from '../errors/index.js';
import type { RouterConfig } from './types.js';

/**
 * - `connect`: unreachable, refused, TLS failure, connection lost;
 * - `login`: the router refused the user name or password;
 * - `timeout`: no answer in time (connect, login or a command);
 * - `trap`: a command failed on the router (`!trap`, or REST 400/404): unknown menu, no permission;
 * - `protocol`: the router sent something that is not the RouterOS API.
 */
export type RouterOsFailure = 'connect' | 'login' | 'timeout' | 'trap' | 'protocol';

/** A router failure: exit 3, names the router, never the password. */
export class RouterOsError extends WispError {
  readonly failure: RouterOsFailure;
  readonly router: string;
  /** For `trap`: the command that failed, e.g. `/ipv6/neighbor/print`. */
  readonly command: string | undefined;
  /** For `trap` and `login`: RouterOS's own message, e.g. `no such command prefix`. */
  readonly routerMessage: string | undefined;

  constructor(
    failure: RouterOsFailure,
    router: RouterConfig,
    message: string,
    options: { hint?: string; command?: string; routerMessage?: string; details?: string[] } = {},
  ) {
    super('source', `${routerLabel(router)}: ${message}`, {
      hint: options.hint ?? defaultHint(failure, router),
      ...(options.details ? { details: options.details } : {}),
    });
    this.name = 'RouterOsError';
    this.failure = failure;
    this.router = router.name;
    this.command = options.command;
    this.routerMessage = options.routerMessage;
  }
}

export function isRouterOsError(value: unknown): value is RouterOsError {
  return value instanceof RouterOsError;
}

/** `router "core-1" (10.0.0.1:8728, api)` */
export function routerLabel(router: RouterConfig): string {
  const transport = router.transport === 'rest' ? 'rest' : router.useSsl ? 'api-ssl' : 'api';
  return `router "${router.name}" (${router.host}:${router.port}, ${transport})`;
}

function defaultHint(failure: RouterOsFailure, router: RouterConfig): string {
  const service =
    router.transport === 'rest' ? (router.useSsl ? 'www-ssl' : 'www') : router.useSsl ? 'api-ssl' : 'api';
  switch (failure) {
    case 'connect':
      return `check host and port of [[router]] "${router.name}" and that /ip service ${service} is enabled and reachable from this machine`;
    case 'login':
      return `check username and password of [[router]] "${router.name}" (the user needs the read and ${router.transport === 'rest' ? 'rest-api' : 'api'} policies)`;
    case 'timeout':
      return `the router did not answer in time; check it is not overloaded, or raise the timeout`;
    case 'trap':
      return `the router refused the command; check the RouterOS version and the user's policies`;
    case 'protocol':
      return `check the port of [[router]] "${router.name}" points at the RouterOS ${router.transport === 'rest' ? 'REST' : 'API'} service`;
  }
}
