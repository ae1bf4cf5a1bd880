import { openApiSession } from './api-session.js';
import { openRestSession } from './rest-session.js';
import type { ConnectOptions, RouterConfig, RouterSession } from './types.js';

/**
 * Connects and logs in to one router over its configured transport. Every failure is a
 * RouterOsError (a WispError of kind `source`, exit 3) naming the router, never the password.
 * Use one session per router per run, and close it.
 */
export function connectRouter(router: RouterConfig, options: ConnectOptions): Promise<RouterSession> {
  return router.transport === 'rest' ? openRestSession(router, options) : openApiSession(router, options);
}
