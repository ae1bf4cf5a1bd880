import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RouterConfig, RouterOsError, type RouterRow, type RouterSession } from '@wispsync/core';
import { REPO_ROOT } from '@wispsync/core/testing';
import { readRouterMenus } from '../src/menus.js';
import type { RouterData } from '../src/raw.js';
import { readSettings } from '../src/schema.js';

export type Menus = Record<string, RouterRow[]>;

/** A fixture router's menus (test-data/mikrotik/<scenario>/<router>.json). */
export function fixtureMenus(scenario: string, router: string): Menus {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'test-data/mikrotik', scenario, `${router}.json`), 'utf8'));
}

export interface PrintCall {
  menu: string;
  proplist: readonly string[] | undefined;
  where: Readonly<Record<string, string>> | undefined;
}

/**
 * An in-memory RouterSession: prints a menu's rows with `.proplist` and `where` applied like
 * RouterOS; an unknown menu, or one listed in `refuse`, fails like a `!trap`.
 */
export function fakeSession(
  name: string,
  menus: Menus,
  refuse: readonly string[] = [],
): RouterSession & { calls: PrintCall[] } {
  const calls: PrintCall[] = [];
  const router: RouterConfig = {
    name,
    host: '192.0.2.1',
    port: 8728,
    username: 'wispsync',
    password: 'not-used',
    useSsl: false,
    plaintextLogin: true,
    transport: 'api',
    verifyTls: false,
  };
  return {
    router,
    calls,
    async print(menu, options = {}) {
      calls.push({ menu, proplist: options.proplist, where: options.where });
      const rows = menus[menu];
      if (rows === undefined || refuse.includes(menu)) {
        throw new RouterOsError('trap', router, `${menu}/print failed: no such command prefix`, {
          command: `${menu}/print`,
          routerMessage: 'no such command prefix',
        });
      }
      return rows
        .filter((row) => Object.entries(options.where ?? {}).every(([key, value]) => row[key] === value))
        .map((row) =>
          options.proplist === undefined
            ? { ...row }
            : Object.fromEntries(options.proplist.flatMap((key) => (key in row ? [[key, row[key]!]] : []))),
        );
    },
    async close() {},
  };
}

/** Reads a fake router the way fetch does (menus and proplists included). */
export async function readFake(
  session: RouterSession,
  config: Record<string, unknown> = {},
  refused: (message: string) => void = () => {},
): Promise<RouterData> {
  return readRouterMenus(session, session.router.name, readSettings({ mikrotik_integration: config }), (f) =>
    refused(`${f.source}: ${f.error.message}`),
  );
}
