// Deterministic synthetic Splynx API data: `sites` network sites, each with a tower (a monitoring
// site) carrying `aps / sites` access points, a router per site with two sectors, 20 internet
// tariffs, and `services` internet services over ~0.8 × as many customers, with the mix a real
// Splynx has: routed subnets, IPv6 delegations, PPPoE services known only from customers-online,
// blocked services, services placed by router or sector instead of access device.
// Used by the benchmark (100,000+ services).
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, random } from './random.mjs';

/** 100.64.0.0/10 holds 4M hosts: host n in order. */
function ipv4(n) {
  return `100.${64 + (n >>> 16)}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Fixture file name → list. */
export const SPLYNX_FILES = {
  'tariffs.json': 'tariffs',
  'customers.json': 'customers',
  'customers-online.json': 'online',
  'routers.json': 'routers',
  'routers-sectors.json': 'sectors',
  'internet-services.json': 'services',
  'monitoring.json': 'monitoring',
  'network-sites.json': 'networkSites',
};

export function generateSplynx({ sites = 100, aps = 2000, services = 100_000, seed = 1 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const tariffs = [];
  for (let t = 1; t <= 20; t++) {
    const down = 10000 * t * (t % 4 === 0 ? 4 : 1);
    const tariff = {
      id: t,
      title: `Plan ${t}`,
      speed_download: String(down),
      speed_upload: String(down / 5),
    };
    if (t % 5 === 0) {
      tariff.burst_limit_fixed_down = String(down * 1.5);
      tariff.burst_limit_fixed_up = String(down / 4);
    }
    tariffs.push(tariff);
  }

  const networkSites = [];
  const monitoring = [];
  const routers = [];
  const sectors = [];
  const apIds = [];
  const perSite = Math.max(1, Math.floor(aps / sites));
  for (let s = 0; s < sites; s++) {
    const siteId = s + 1;
    const towerId = 100_000 + s * 1000;
    networkSites.push({
      id: siteId,
      title: `Site ${String(siteId).padStart(3, '0')}`,
      gps: `45.${s},-93.${s}`,
    });
    monitoring.push({
      id: towerId,
      title: `Tower ${siteId}`,
      parent_id: 0,
      network_site_id: siteId,
      access_device: 0,
      type: 1,
    });
    for (let a = 1; a <= perSite; a++) {
      const id = towerId + a;
      monitoring.push({
        id,
        title: `AP ${a}`,
        parent_id: towerId,
        network_site_id: siteId,
        access_device: 1,
        gps: `45.${s}${a},-93.${s}${a}`,
      });
      apIds.push(id);
    }
    routers.push({ id: siteId, title: `Router ${siteId}`, ip: `10.${s >>> 8}.${s & 255}.1` });
    sectors.push({ id: towerId + 1, router_id: siteId }, { id: towerId + 2, router_id: siteId });
  }

  const customers = [];
  const customerCount = Math.max(1, Math.floor(services * 0.8));
  for (let c = 0; c < customerCount; c++) {
    customers.push({
      id: c + 1,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      street_1: `${c + 1} Main St`,
      city: 'Town',
    });
  }

  const serviceList = [];
  const online = [];
  for (let i = 0; i < services; i++) {
    const id = 1_000_000 + i;
    const host = i + 1;
    const roll = rand();
    const service = {
      id,
      customer_id: (i % customerCount) + 1,
      tariff_id: 1 + Math.floor(rand() * tariffs.length),
      status: roll < 0.03 ? 'blocked' : 'active',
      ipv4: roll < 0.13 && roll >= 0.03 ? '' : ipv4(host),
      ipv4_route:
        rand() < 0.05 ? `10.${64 + (host >>> 14)}.${(host >>> 6) & 255}.${(host & 63) << 2}/30` : '',
      ipv6: '',
      ipv6_delegated:
        rand() < 0.3 ? `2001:db8:${(host >>> 16).toString(16)}:${(host & 0xffff).toString(16)}::/64` : '',
      mac: `02:00:${((host >>> 16) & 255).toString(16).padStart(2, '0')}:${((host >>> 8) & 255).toString(16).padStart(2, '0')}:${(host & 255).toString(16).padStart(2, '0')}:01`,
      access_device: rand() < 0.95 ? String(pick(apIds)) : 0,
      router_id: 1 + (i % sites),
    };
    serviceList.push(service);
    // PPPoE services without a static address are shaped from their session.
    if (service.ipv4 === '' || rand() < 0.2) {
      online.push({
        id: i + 1,
        service_id: id,
        customer_id: service.customer_id,
        ipv4: ipv4(host),
        ipv6: '',
      });
    }
  }
  return {
    tariffs,
    customers,
    online,
    routers,
    sectors,
    services: serviceList,
    monitoring,
    networkSites,
  };
}

// `node test-data/generators/splynx.mjs <dir> [services] [aps] [sites]` writes one JSON file per list,
// named like the mock's fixtures (tariffs.json, internet-services.json, …).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const [dir = '.', services = '100000', aps = '2000', sites = '100'] = process.argv.slice(2);
  const data = generateSplynx({ services: Number(services), aps: Number(aps), sites: Number(sites) });
  mkdirSync(dir, { recursive: true });
  for (const [file, list] of Object.entries(SPLYNX_FILES))
    writeFileSync(join(dir, file), JSON.stringify(data[list]));
}
