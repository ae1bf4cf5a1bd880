import {
  connectRouter,
  type FetchContext,
  isRouterOsError,
  type RouterConfig,
  readRouterFile,
  WispError,
} from '@wispsync/core';
import { readRouterMenus } from './menus.js';
import type { MikrotikRaw, RouterData } from './raw.js';
import { loadRecording, saveRecording } from './recording.js';
import { type MikrotikSettings, readSettings, SECTION } from './schema.js';
import { VERSION } from './version.js';

/**
 * Reads every router of the routers file, all at once (one session each). A router that is down,
 * refuses the login or stalls is warned about and left out; when every router fails nothing can be
 * written: exit 3. With --save-responses the rows are saved too; --from-responses reads them back
 * instead of contacting any router.
 */
export async function fetchMikrotik(context: FetchContext): Promise<MikrotikRaw> {
  const { save, replay } = context.responses ?? {};
  if (replay !== undefined) return loadRecording(replay);
  const raw = await fetchRouters(context);
  if (save !== undefined) await saveRecording(save, raw);
  return raw;
}

async function fetchRouters(context: FetchContext): Promise<MikrotikRaw> {
  const settings = readSettings(context.config);
  const routers = await loadRouters(settings, context);
  const results = await Promise.all(
    routers.map(async (router) => {
      try {
        return { router, data: await readRouter(router, settings, context) };
      } catch (error) {
        if (!isRouterOsError(error)) throw error;
        return { router, error };
      }
    }),
  );
  const failed = results.filter((result) => result.error !== undefined);
  if (failed.length === results.length) {
    const [first, ...rest] = failed.map((result) => result.error!);
    throw new WispError(
      'source',
      routers.length === 1 ? first!.message : `all ${routers.length} routers failed; nothing was written`,
      {
        details: routers.length === 1 ? [] : [first!, ...rest].map((error) => error.message),
        hint: first!.hint,
      },
    );
  }
  for (const { error } of failed) {
    context.warn(`${error!.message}: its subscribers are left out of this run (${error!.hint})`);
  }
  return { routers: results.flatMap((result) => (result.data === undefined ? [] : [result.data])) };
}

/** The routers file named by the config; its passwords are registered as secrets at once. */
export async function loadRouters(
  settings: MikrotikSettings,
  context: FetchContext,
): Promise<RouterConfig[]> {
  const routers = await readRouterFile(settings.routersFile);
  for (const router of routers) context.reporter.addSecret(router.password);
  if (routers.length === 0) {
    throw new WispError('config', `routers file ${settings.routersFile} lists no [[router]]`, {
      hint: `add a [[router]] table per router, or point [${SECTION}].routers_file at the right file`,
    });
  }
  return routers;
}

export function connectOptions(settings: MikrotikSettings, context: FetchContext) {
  return {
    timeoutMs: settings.timeoutMs,
    onInfo: (message: string) => context.reporter.info(message),
    userAgent: `wispsync/${VERSION} (mikrotik-integration)`,
  };
}

async function readRouter(
  router: RouterConfig,
  settings: MikrotikSettings,
  context: FetchContext,
): Promise<RouterData> {
  const session = await connectRouter(router, connectOptions(settings, context));
  try {
    const data = await readRouterMenus(session, router.name, settings, ({ source, error }) =>
      context.warn(`${error.message}: ${source} subscribers of router "${router.name}" are left out`),
    );
    context.reporter.debug(
      `router ${router.name}: ${data.ppp?.active.length ?? 0} PPP sessions, ${data.hotspot?.active.length ?? 0} hotspot sessions, ${data.leases?.length ?? 0} leases, ${data.queues?.length ?? 0} queues`,
    );
    return data;
  } finally {
    await session.close().catch(() => {});
  }
}
