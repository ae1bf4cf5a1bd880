import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrichIpv6FromRouters, type Inventory, type Ipv6EnrichOptions } from '../src/index.js';
import {
  type RouterOsApiServer,
  type RouterOsMenus,
  type RouterOsRestServer,
  startRouterOsApiServer,
  startRouterOsRestServer,
} from '../src/testing/index.js';

const API_PASSWORD = 'api-Secret-123';
const REST_PASSWORD = 'rest-Secret-456';

/** Router A (binary API): DHCP leases + DHCPv6 PD. Router B (REST): PPPoE with its own PD binding. */
const MENUS_A: RouterOsMenus = {
  '/ip/arp': [
    { '.id': '*1', address: '100.64.0.1', 'mac-address': 'AA:BB:CC:00:00:01', interface: 'bridge' },
  ],
  '/ip/dhcp-server/lease': [
    { '.id': '*1', address: '100.64.0.1', 'mac-address': 'AA:BB:CC:00:00:01', status: 'bound' },
  ],
  '/ipv6/dhcp-server/binding': [
    { '.id': '*1', address: '2001:db8:100::/56', duid: '0x00030001aabbcc000001', server: 'v6' },
  ],
  '/ipv6/neighbor': [
    { '.id': '*1', address: 'fe80::1', 'mac-address': 'AA:BB:CC:00:00:01', status: 'stale' },
  ],
  '/ppp/active': [],
};
const MENUS_B: RouterOsMenus = {
  '/ip/arp': [],
  '/ip/dhcp-server/lease': [],
  '/ipv6/neighbor': [],
  '/ppp/active': [
    { '.id': '*9', name: 'bob', service: 'pppoe', 'caller-id': 'AA:BB:CC:00:00:02', address: '100.64.1.2' },
  ],
  '/ipv6/dhcp-server/binding': [
    { '.id': '*9', address: '2001:db8:200::/56', duid: '0x0002000001371234', server: '<pppoe-bob>' },
  ],
};

function inventory(): Inventory {
  const circuit = (id: string, ipv4: string) => ({
    id,
    name: `Circuit ${id}`,
    parentId: null,
    rate: { downloadMbps: 10, uploadMbps: 10 },
    devices: [{ id: `d${id}`, name: `Device ${id}`, ipv4: [ipv4], ipv6: [] }],
  });
  return {
    source: 'test',
    nodes: [],
    circuits: [circuit('1', '100.64.0.1'), circuit('2', '100.64.1.2'), circuit('3', '100.64.5.5')],
  };
}

describe('enrichIpv6FromRouters (routers file + both transports)', () => {
  let api: RouterOsApiServer | undefined;
  let rest: RouterOsRestServer | undefined;
  afterEach(async () => {
    await api?.close();
    await rest?.close();
    api = undefined;
    rest = undefined;
  });

  async function setUp(fileText?: (apiPort: number, restPort: number) => string) {
    api = await startRouterOsApiServer({ users: { libreqos: API_PASSWORD }, menus: MENUS_A });
    rest = await startRouterOsRestServer({ username: 'libreqos', password: REST_PASSWORD, menus: MENUS_B });
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-ipv6-'));
    const path = join(dir, 'mikrotik_ipv6.toml');
    const text =
      fileText?.(api.port, rest.port) ??
      `version = 1
[[router]]
name = "core-a"
host = "127.0.0.1"
port = ${api.port}
username = "libreqos"
password = "${API_PASSWORD}"

[[router]]
name = "bras-b"
host = "127.0.0.1"
port = ${rest.port}
transport = "rest"
username = "libreqos"
password = "${REST_PASSWORD}"
`;
    await writeFile(path, text);
    const warnings: string[] = [];
    const infos: string[] = [];
    const secrets: string[] = [];
    const options: Ipv6EnrichOptions = {
      routersPath: path,
      timeoutMs: 1000,
      warn: (message) => warnings.push(message),
      info: (message) => infos.push(message),
      addSecret: (secret) => secrets.push(secret),
    };
    return { path, options, warnings, infos, secrets };
  }

  const ipv6s = (result: { inventory: Inventory }) =>
    result.inventory.circuits.map((c) => c.devices[0]?.ipv6);

  it('adds each device’s prefix from an API router and a REST router', async () => {
    const { options, warnings, infos, secrets } = await setUp();
    const result = await enrichIpv6FromRouters(inventory(), options);
    expect(ipv6s(result)).toEqual([['2001:db8:100::/56'], ['2001:db8:200::/56'], []]);
    expect(warnings).toEqual([]);
    expect(infos).toEqual(['IPv6 from MikroTik: 2 address(es) added to 2 device(s), from 2 of 2 router(s)']);
    expect(secrets).toEqual([API_PASSWORD, REST_PASSWORD]);
    // Each menu is read once per router with only the properties used.
    expect(api?.commands.filter((words) => words[0]?.endsWith('/print'))).toHaveLength(5);
    expect(api?.commands.find((words) => words[0] === '/ppp/active/print')).toContain(
      '=.proplist=name,service,caller-id,address',
    );
    expect(rest?.requests.filter((r) => r.path.endsWith('/print'))).toHaveLength(5);
  });

  it('warns about a router that is down or refuses the login, and uses the others', async () => {
    const { options, warnings } = await setUp(
      (apiPort, restPort) => `[[router]]
name = "core-a"
host = "127.0.0.1"
port = ${apiPort}
username = "libreqos"
password = "wrong-password-1"

[[router]]
name = "bras-b"
host = "127.0.0.1"
port = ${restPort}
transport = "rest"
username = "libreqos"
password = "${REST_PASSWORD}"
`,
    );
    const result = await enrichIpv6FromRouters(inventory(), options);
    expect(ipv6s(result)).toEqual([[], ['2001:db8:200::/56'], []]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^IPv6 from MikroTik: router "core-a" \(127\.0\.0\.1:\d+, api\): login refused for user "libreqos": invalid user name or password \(6\); this router is skipped/,
    );
    expect(warnings.join('\n')).not.toContain('wrong-password-1');
  });

  it('skips the enrichment with one warning when every router fails', async () => {
    const { options, warnings } = await setUp();
    await api?.close();
    await rest?.close();
    api = undefined;
    rest = undefined;
    const input = inventory();
    const result = await enrichIpv6FromRouters(input, options);
    expect(result.inventory).toBe(input);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/router "core-a".*connection refused; this router is skipped/);
    expect(warnings[1]).toMatch(
      /router "bras-b".*connection refused after 2 attempts; this router is skipped/,
    );
    expect(warnings[2]).toMatch(
      /none of the 2 router\(s\) in .*mikrotik_ipv6\.toml answered; enrichment skipped/,
    );
  });

  it('reads a menu the router lacks as empty, with a warning', async () => {
    const { options, warnings } = await setUp();
    // A RouterOS without the ipv6 package: those menus do not exist.
    const bare = await startRouterOsApiServer({
      users: { libreqos: API_PASSWORD },
      menus: { '/ip/arp': [], '/ip/dhcp-server/lease': [], '/ppp/active': [] },
    });
    try {
      const result = await enrichIpv6FromRouters(inventory(), {
        ...options,
        routersPath: await fileFor(bare.port),
      });
      expect(result.routersAnswered).toBe(1);
      expect(warnings).toEqual([
        expect.stringMatching(
          /router "bare".*\/ipv6\/neighbor\/print failed: no such command prefix; read as empty$/,
        ),
        expect.stringMatching(
          /\/ipv6\/dhcp-server\/binding\/print failed: no such command prefix; read as empty$/,
        ),
      ]);
    } finally {
      await bare.close();
    }
  });

  it('warns about a missing routers file and changes nothing', async () => {
    const warnings: string[] = [];
    const input = inventory();
    const result = await enrichIpv6FromRouters(input, {
      routersPath: '/nonexistent/mikrotik_ipv6.toml',
      timeoutMs: 1000,
      warn: (message) => warnings.push(message),
      info: () => {},
    });
    expect(result.inventory).toBe(input);
    expect(warnings).toEqual([
      'IPv6 from MikroTik: the routers file /nonexistent/mikrotik_ipv6.toml does not exist, so no IPv6 was added (create it, or set [mikrotik_ipv6].config_path, or turn use_mikrotik_ipv6 off)',
    ]);
  });

  it('stops with a config error (exit 2) on a broken routers file', async () => {
    const { options } = await setUp(() => '[[router]]\nname = "x"\nusername = "u"\n');
    await expect(enrichIpv6FromRouters(inventory(), options)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/\[\[router\]\] #1 \("x"\): host is missing/),
    });
  });

  it('handles 2 BRAS routers × 20,000 PPPoE sessions (and their PD bindings) in a few seconds', async () => {
    const big = (offset: number): RouterOsMenus => {
      const pppActive = [];
      const bindings = [];
      for (let i = 0; i < 20_000; i++) {
        const hex = (n: number) => n.toString(16).padStart(2, '0');
        const mac = `02:00:${hex(offset)}:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)}`;
        const name = `user-${offset}-${i}`;
        pppActive.push({
          '.id': `*${i}`,
          name,
          service: 'pppoe',
          'caller-id': mac.toUpperCase(),
          address: `10.${offset}.${(i >> 8) & 255}.${i & 255}`,
          uptime: '1d2h',
        });
        // Half found through the session's own DHCPv6 server, half through the DUID's MAC.
        bindings.push({
          '.id': `*${i}`,
          address: `2001:db8:${offset}:${i.toString(16)}::/64`,
          duid: i % 2 === 0 ? '0x0002000001371234' : `0x00030001${mac.replaceAll(':', '')}`,
          server: i % 2 === 0 ? `<pppoe-${name}>` : 'dhcpv6-pd',
        });
      }
      return {
        '/ip/arp': [],
        '/ip/dhcp-server/lease': [],
        '/ipv6/neighbor': [],
        '/ppp/active': pppActive,
        '/ipv6/dhcp-server/binding': bindings,
      };
    };
    const one = await startRouterOsApiServer({ users: { u: 'pass-1234' }, menus: big(1) });
    const two = await startRouterOsApiServer({ users: { u: 'pass-1234' }, menus: big(2) });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'wispsync-ipv6-big-'));
      const path = join(dir, 'routers.toml');
      await writeFile(
        path,
        [one, two]
          .map(
            (s, i) =>
              `[[router]]\nname = "r${i}"\nhost = "127.0.0.1"\nport = ${s.port}\nusername = "u"\npassword = "pass-1234"\n`,
          )
          .join('\n'),
      );
      const circuits = [];
      for (let i = 0; i < 40_000; i++) {
        const offset = i < 20_000 ? 1 : 2;
        const n = i % 20_000;
        circuits.push({
          id: `c${i}`,
          name: `c${i}`,
          parentId: null,
          rate: { downloadMbps: 10, uploadMbps: 10 },
          devices: [
            { id: `d${i}`, name: `d${i}`, ipv4: [`10.${offset}.${(n >> 8) & 255}.${n & 255}`], ipv6: [] },
          ],
        });
      }
      const started = performance.now();
      const result = await enrichIpv6FromRouters(
        { source: 'big', nodes: [], circuits },
        { routersPath: path, timeoutMs: 5000, warn: () => {}, info: () => {} },
      );
      const seconds = (performance.now() - started) / 1000;
      expect(result.devicesEnriched).toBe(40_000);
      expect(result.inventory.circuits[0]?.devices[0]?.ipv6).toEqual(['2001:db8:1::/64']);
      expect(result.inventory.circuits[39_999]?.devices[0]?.ipv6).toEqual(['2001:db8:2:4e1f::/64']);
      expect(seconds).toBeLessThan(5);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

async function fileFor(port: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-ipv6-bare-'));
  const path = join(dir, 'routers.toml');
  await writeFile(
    path,
    `[[router]]\nname = "bare"\nhost = "127.0.0.1"\nport = ${port}\nusername = "libreqos"\npassword = "${API_PASSWORD}"\n`,
  );
  return path;
}
