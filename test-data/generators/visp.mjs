// Deterministic synthetic VISP data, in the fixture layout the VISP mock serves (token.json,
// subscribers.json, assemblies.json, equipment.json, bulk.json, services.json, iplist.json):
// `sites` locations each with a backhaul and `apsPerSite` APs under it, `subscribers` customers
// each with a CPE assembly under an AP and one wireless service in the bulk answer. Every
// `backfillEvery`-th customer (0 = none) is left out of the bulk answer and answered by the
// per-customer lookup instead. Some services are inactive or speed-less, as in a real ISP.
// Used by the benchmark (50,000 subscribers) and the paging tests.
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, random } from './random.mjs';

const PLANS = [
  [25, 'mbps', 5000, 'kbps'],
  [50, 'mbps', 10, 'mbps'],
  [100, 'Mbps', 20, 'Mbps'],
  [0.5, 'gbps', 100, 'mbps'],
  [1, 'g', 200, 'm'],
];

/** 100.64.0.0/10 holds 4M hosts: host n in order. */
function ipv4(n) {
  return `100.${64 + (n >>> 16)}.${(n >>> 8) & 255}.${n & 255}`;
}

function mac(n, tag) {
  const hex = (n + 0x100000).toString(16).padStart(6, '0');
  return `02:${tag}:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
}

export const VISP_FILES = [
  'token.json',
  'subscribers.json',
  'assemblies.json',
  'equipment.json',
  'bulk.json',
  'services.json',
  'iplist.json',
];

export function generateVisp({
  subscribers = 50_000,
  sites = 100,
  apsPerSite = 10,
  backfillEvery = 0,
  seed = 1,
} = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const equipment = [];
  const aps = [];
  for (let s = 0; s < sites; s++) {
    const location = { location_id: 1000 + s, location_name: `Tower ${String(s + 1).padStart(3, '0')}` };
    const backhaul = 100_000 + s * 100;
    equipment.push({
      id: backhaul,
      parent_id: null,
      name: `bh-${s}`,
      description: `${location.location_name} Backhaul`,
      type: 'Backhaul',
      ...location,
    });
    for (let a = 1; a <= apsPerSite; a++) {
      equipment.push({
        id: backhaul + a,
        parent_id: backhaul,
        name: `ap-${s}-${a}`,
        description: `${location.location_name} AP ${a}`,
        type: 'AP',
        ...location,
      });
      aps.push(backhaul + a);
    }
  }
  const subs = [];
  const assemblies = [];
  const bulk = [];
  const services = {};
  const iplist = {};
  for (let c = 1; c <= subscribers; c++) {
    const username = `user${c}`;
    const first = pick(FIRST);
    const last = pick(LAST);
    const ap = aps[c % aps.length];
    subs.push({
      customer_id: c,
      username,
      first_name: first,
      last_name: last,
      status: 'Active',
      package: 'Residential',
      package_ip: null,
      equipment_ip: null,
    });
    const assemblyId = 1_000_000 + c;
    assemblies.push({
      id: assemblyId,
      parent_id: ap,
      description: 'CPE',
      location_name: username,
      equipment_data: { mac_address: mac(c, '01') },
    });
    const [down, downUnit, up, upUnit] = pick(PLANS);
    const roll = rand();
    const service = {
      service_number: 500_000 + c,
      down_speed: roll < 0.01 ? null : down,
      down_speed_unit: downUnit,
      up_speed: up,
      up_speed_unit: upUnit,
      ip_address: ipv4(c),
      mac_address: mac(c, '02'),
      status: roll > 0.98 ? 'TERMINATED' : 'ACTIVE',
      package_status: 'ACTIVE',
    };
    if (backfillEvery > 0 && c % backfillEvery === 0) {
      const { service_number, ...details } = service;
      services[c] = [
        {
          id: 900_000 + c,
          service_type: 'wifi',
          status: 'active',
          service_details: {
            __typename: 'ServiceTypeWifi',
            service_number,
            ...details,
            ip_address: null,
            username,
          },
        },
      ];
      iplist[c] = { package_ip: ipv4(c), equipment_ip: null };
      continue;
    }
    bulk.push({
      customer_id: c,
      username,
      wireless_services: [service],
      equipment: [{ equipment_id: assemblyId, mac_address: mac(c, '01'), radio_mac: null, ip_address: null }],
    });
  }
  return {
    'token.json': { token: 'bench-token', payload: { exp: 4102444800, ispId: [42] } },
    'subscribers.json': subs,
    'assemblies.json': assemblies,
    'equipment.json': equipment,
    'bulk.json': bulk,
    'services.json': services,
    'iplist.json': iplist,
  };
}

// `node test-data/generators/visp.mjs <dir> [subscribers]` writes the fixture files into <dir>.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const [dir = 'visp-data', subscribers = '50000'] = process.argv.slice(2);
  mkdirSync(dir, { recursive: true });
  for (const [file, value] of Object.entries(generateVisp({ subscribers: Number(subscribers) }))) {
    writeFileSync(join(dir, file), JSON.stringify(value));
  }
}
