import { connectRouter, type FetchContext, isRouterOsError, WispError } from '@wispsync/core';
import { connectOptions, loadRouters } from './api.js';
import { readSettings } from './schema.js';

/**
 * wispsync-doctor's check: log in to every router and read `/system/identity`. Returns
 * `2 routers: core-1 ok, core-2 ok`; any router failing is an error naming each router's state.
 */
export async function probeMikrotik(context: FetchContext): Promise<string> {
  const settings = readSettings(context.config);
  const routers = await loadRouters(settings, context);
  const results = await Promise.all(
    routers.map(async (router) => {
      try {
        const session = await connectRouter(router, connectOptions(settings, context));
        try {
          // A REST session's login already was `GET /rest/system/identity` (a single object,
          // which print() does not take); the binary API logs in with /login, so print it here.
          if (router.transport === 'api') await session.print('/system/identity', { proplist: ['name'] });
        } finally {
          await session.close().catch(() => {});
        }
        return { name: router.name, error: undefined };
      } catch (error) {
        if (!isRouterOsError(error)) throw error;
        return { name: router.name, error };
      }
    }),
  );
  const states = results.map(({ name, error }) => `${name} ${error === undefined ? 'ok' : 'failed'}`);
  const count = `${routers.length} router${routers.length === 1 ? '' : 's'}`;
  const failed = results.filter((result) => result.error !== undefined);
  if (failed.length > 0) {
    throw new WispError('source', `${count}: ${states.join(', ')}`, {
      details: failed.map((result) => result.error!.message),
      hint: failed[0]!.error!.hint,
    });
  }
  return `${count}: ${states.join(', ')}`;
}
