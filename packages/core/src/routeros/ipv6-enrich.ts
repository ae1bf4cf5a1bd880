/**
 * The IPv6 enrichment's I/O: read the routers file, ask every router (a few at a time) for the
 * five tables, then hand them to the pure steps. Routers are a bonus, not the source: a missing
 * file, a router that is down or refuses the login, or all of them failing only warn, and the run
 * goes on with the source's own data. A broken routers file is a config error (exit 2).
 */
import { access } from 'node:fs/promises';
import type { Inventory } from '../model/index.js';
import { capWarnings } from '../model/index.js';
import { connectRouter } from './connect.js';
import { isRouterOsError } from './errors.js';
import { applyIpv6Links, type Ipv6Enrichment } from './ipv6-apply.js';
import { collectLinks, type RouterTables } from './ipv6-links.js';
import { readRouterFile } from './router-file.js';
import type { RouterConfig, RouterRow, RouterSession } from './types.js';

/** Menu and the properties read from it (less to send, less to parse). */
export const IPV6_MENUS = {
  arp: ['/ip/arp', ['address', 'mac-address', 'invalid', 'disabled', 'status']],
  leases: [
    '/ip/dhcp-server/lease',
    ['address', 'mac-address', 'active-address', 'active-mac-address', 'disabled'],
  ],
  pppActive: ['/ppp/active', ['name', 'service', 'caller-id', 'address']],
  neighbors: ['/ipv6/neighbor', ['address', 'mac-address', 'status']],
  bindings: ['/ipv6/dhcp-server/binding', ['address', 'duid', 'mac-address', 'server', 'disabled']],
} as const satisfies Record<Exclude<keyof RouterTables, 'router'>, readonly [string, readonly string[]]>;

export interface Ipv6EnrichOptions {
  routersPath: string;
  /** Connect, login and per-command timeout for each router. */
  timeoutMs: number;
  /** Routers asked at the same time (default 4). */
  concurrency?: number;
  userAgent?: string;
  warn(message: string): void;
  info(message: string): void;
  /** Registers each router password with the reporter, so it is masked if it ever shows up. */
  addSecret?(value: string): void;
}

export interface Ipv6EnrichSummary extends Ipv6Enrichment {
  routersAsked: number;
  routersAnswered: number;
}

const PREFIX = 'IPv6 from MikroTik';

async function readTables(session: RouterSession, warn: (message: string) => void): Promise<RouterTables> {
  const tables: RouterTables = {
    router: session.router.name,
    arp: [],
    neighbors: [],
    leases: [],
    bindings: [],
    pppActive: [],
  };
  const entries = Object.entries(IPV6_MENUS) as [
    Exclude<keyof RouterTables, 'router'>,
    (typeof IPV6_MENUS)['arp'],
  ][];
  await Promise.all(
    entries.map(async ([field, [menu, proplist]]) => {
      let rows: RouterRow[];
      try {
        rows = await session.print(menu, { proplist });
      } catch (error) {
        // A menu the router lacks (no ipv6 package) or may not read: the other tables still count.
        if (!isRouterOsError(error) || error.failure !== 'trap') throw error;
        warn(`${PREFIX}: ${error.message}; read as empty`);
        rows = [];
      }
      tables[field] = rows;
    }),
  );
  return tables;
}

async function askRouter(
  router: RouterConfig,
  options: Ipv6EnrichOptions,
): Promise<RouterTables | undefined> {
  let session: RouterSession | undefined;
  try {
    session = await connectRouter(router, {
      timeoutMs: options.timeoutMs,
      onInfo: options.info,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    });
    return await readTables(session, options.warn);
  } catch (error) {
    if (!isRouterOsError(error)) throw error;
    options.warn(
      `${PREFIX}: ${error.message}; this router is skipped${error.hint ? ` (${error.hint})` : ''}`,
    );
    return undefined;
  } finally {
    await session?.close();
  }
}

async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function unchanged(inventory: Inventory, routersAsked = 0, routersAnswered = 0): Ipv6EnrichSummary {
  return { inventory, devicesEnriched: 0, addressesAdded: 0, ambiguous: [], routersAsked, routersAnswered };
}

export async function enrichIpv6FromRouters(
  inventory: Inventory,
  options: Ipv6EnrichOptions,
): Promise<Ipv6EnrichSummary> {
  const path = options.routersPath;
  try {
    await access(path);
  } catch {
    options.warn(
      `${PREFIX}: the routers file ${path} does not exist, so no IPv6 was added (create it, or set [mikrotik_ipv6].config_path, or turn use_mikrotik_ipv6 off)`,
    );
    return unchanged(inventory);
  }
  const routers = await readRouterFile(path);
  for (const router of routers) options.addSecret?.(router.password);
  if (routers.length === 0) {
    options.warn(`${PREFIX}: ${path} lists no [[router]], so no IPv6 was added`);
    return unchanged(inventory);
  }
  const answers = await eachLimited(routers, options.concurrency ?? 4, (router) =>
    askRouter(router, options),
  );
  const tables = answers.filter((answer): answer is RouterTables => answer !== undefined);
  if (tables.length === 0) {
    options.warn(
      `${PREFIX}: none of the ${routers.length} router(s) in ${path} answered; enrichment skipped, devices keep the source's IPv6 only`,
    );
    return unchanged(inventory, routers.length, 0);
  }
  const result = applyIpv6Links(inventory, collectLinks(tables));
  for (const line of capWarnings(result.ambiguous, 'device addresses with ambiguous IPv6 matches')) {
    options.warn(`${PREFIX}: ambiguous, nothing added: ${line}`);
  }
  options.info(
    `${PREFIX}: ${result.addressesAdded} address(es) added to ${result.devicesEnriched} device(s), from ${tables.length} of ${routers.length} router(s)`,
  );
  return { ...result, routersAsked: routers.length, routersAnswered: tables.length };
}
