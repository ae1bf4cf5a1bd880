// Deterministic synthetic RouterOS menus for one PPPoE/hotspot/DHCP router, as the mocks serve
// them (every value a string, full rows: the tool's .proplist picks what it needs). `sessions` PPP
// secrets, all online, over 8 profiles (one without a rate-limit); a few RADIUS sessions with
// their dynamic queue; optional hotspot sessions and DHCP leases.
// Used by the benchmark (two routers × 20,000 PPP sessions over the binary API).
import { random } from './random.mjs';

const PROFILES = [
  ['home-10M', '2M/10M'],
  ['home-25M', '5M/25M'],
  ['home-50M', '10M/50M 20M/80M 8M/40M 16/16 8 5M/25M'],
  ['home-100M', '20M/100M'],
  ['biz-200M', '50M/200M'],
  ['biz-500M', '100M/500M'],
  ['lite-5M', '2M/5M'],
  ['default', ''],
];

/** Router `router` (0, 1, …) owns 100.(64+2·router).0.0/15: up to 131,070 subscribers. */
function address(router, n) {
  const host = n + 2;
  return `100.${64 + 2 * router + (host >>> 16)}.${(host >>> 8) & 255}.${host & 255}`;
}

function mac(router, n, kind) {
  const hex = (n + 0x1000000).toString(16).slice(-6);
  return `${kind}:${(router + 16).toString(16).toUpperCase()}:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`.toUpperCase();
}

export function generateRouterMenus({
  router = 0,
  sessions = 20_000,
  hotspot = 0,
  leases = 0,
  seed = 1,
} = {}) {
  const rand = random(seed + router);
  const profiles = PROFILES.map(([name, rate], i) => ({
    '.id': `*${i}`,
    name,
    'local-address': `100.${64 + 2 * router}.0.1`,
    'remote-address': 'pool-subscribers',
    'only-one': 'yes',
    ...(rate === '' ? {} : { 'rate-limit': rate }),
    default: name === 'default' ? 'true' : 'false',
  }));
  const secrets = [];
  const active = [];
  const queues = [];
  for (let n = 0; n < sessions; n++) {
    const name = `r${router}-user${String(n).padStart(6, '0')}`;
    const radius = n % 50 === 49; // 2 %: no local secret, rate from the RADIUS queue
    if (!radius) {
      secrets.push({
        '.id': `*${(n + 1).toString(16).toUpperCase()}`,
        name,
        service: 'pppoe',
        'caller-id': '',
        password: `pw-${n}`,
        profile: PROFILES[Math.floor(rand() * (PROFILES.length - 1))][0],
        routes: '',
        'limit-bytes-in': '0',
        'limit-bytes-out': '0',
        disabled: 'false',
        comment: n % 3 === 0 ? `Customer ${n}` : '',
      });
    } else {
      queues.push({
        '.id': `*${(0x100000 + n).toString(16).toUpperCase()}`,
        name: `<pppoe-${name}>`,
        target: `<pppoe-${name}>`,
        parent: 'none',
        priority: '8/8',
        'limit-at': '0/0',
        'max-limit': '10M/40M',
        'burst-limit': '0/0',
        'burst-threshold': '0/0',
        'burst-time': '0s/0s',
        dynamic: 'true',
        disabled: 'false',
      });
    }
    active.push({
      '.id': `*${(0x80000000 + n).toString(16).toUpperCase()}`,
      name,
      service: 'pppoe',
      'caller-id': mac(router, n, 'AA'),
      address: address(router, n),
      uptime: `${1 + (n % 90)}h${n % 60}m`,
      encoding: '',
      'session-id': `0x${(0x81000000 + n).toString(16)}`,
      'limit-bytes-in': '0',
      'limit-bytes-out': '0',
      radius: radius ? 'true' : 'false',
    });
  }
  const hotspotActive = [];
  for (let n = 0; n < hotspot; n++) {
    hotspotActive.push({
      '.id': `*A${n}`,
      server: 'hotspot1',
      user: `T-${mac(router, n, 'CC')}`,
      address: `10.${50 + router}.${(n >>> 8) & 255}.${n & 255}`,
      'mac-address': mac(router, n, 'CC'),
      'login-by': 'trial',
      uptime: '5m',
    });
  }
  const leaseRows = [];
  for (let n = 0; n < leases; n++) {
    const ip = `172.${16 + router}.${(n >>> 8) & 255}.${(n & 255) + 0}`;
    leaseRows.push({
      '.id': `*L${n}`,
      address: ip,
      'mac-address': mac(router, n, 'DD'),
      server: 'dhcp-lan',
      status: 'bound',
      'active-address': ip,
      'active-mac-address': mac(router, n, 'DD'),
      'active-server': 'dhcp-lan',
      'host-name': `host-${n}`,
      dynamic: 'true',
      disabled: 'false',
      ...(n % 2 === 0 ? { 'rate-limit': '5M/20M' } : {}),
    });
  }
  return {
    '/system/identity': [{ name: `BRAS-${router + 1}` }],
    '/ppp/profile': profiles,
    '/ppp/secret': secrets,
    '/ppp/active': active,
    '/queue/simple': queues,
    '/ip/hotspot/user/profile': [{ '.id': '*0', name: 'default', default: 'true' }],
    '/ip/hotspot/user': [],
    '/ip/hotspot/active': hotspotActive,
    '/ip/dhcp-server/lease': leaseRows,
  };
}

// `node test-data/generators/mikrotik.mjs <router> <sessions> > core.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [router = '0', sessions = '20000'] = process.argv.slice(2);
  process.stdout.write(
    JSON.stringify(generateRouterMenus({ router: Number(router), sessions: Number(sessions) })),
  );
}
