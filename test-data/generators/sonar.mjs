// Deterministic synthetic Sonar data for the benchmark: `sites` network sites with `aps` access
// points (airMAX and LTU alternating) on loopback addresses 127.1.x.y, and `accounts` active
// accounts (plus a few disconnected ones Sonar filters out) with the mix a real Sonar has: one CPE
// per account associated with an AP, some RADIUS-only accounts (PPPoE), some identified by an
// uninventoried MAC, bulk accounts with child units on a recurring-service rate, IPv6 delegations.
// `agents` lists what each AP's SNMP agent must answer (see sonar-snmp.mjs).
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, random } from './random.mjs';
import { account, address, apItem, dataService, item, recurringService, site } from './sonar-entities.mjs';

/** 100.64.0.0/10 holds 4M hosts: host n in order. */
function ipv4(n) {
  return `100.${64 + (n >>> 16)}.${(n >>> 8) & 255}.${n & 255}`;
}

function mac(prefix, n) {
  const hex = (v) => (v & 255).toString(16).padStart(2, '0').toUpperCase();
  return `${prefix}:${hex(n >>> 16)}:${hex(n >>> 8)}:${hex(n)}`;
}

export function apHost(index) {
  return `127.1.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}

const PLANS = [
  [25000, 5000],
  [50000, 10000],
  [100000, 20000],
  [250000, 50000],
  [1000000, 200000],
];

export function generateSonar({ sites = 100, aps = 1000, accounts = 50_000, seed = 7 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const networkSites = [];
  const agents = [];
  for (let s = 0; s < sites; s++) {
    const items = [];
    for (let a = Math.floor((s * aps) / sites); a < Math.floor(((s + 1) * aps) / sites); a++) {
      const ltu = a % 2 === 1;
      items.push(
        apItem(
          100_000 + a,
          ltu ? 20 : 10,
          a % 3 === 0 ? { fieldIp: `${apHost(a)}/24` } : { itemIp: apHost(a) },
        ),
      );
      agents.push({
        host: apHost(a),
        table: ltu ? 'ltu' : 'airmax',
        sysName: `Site${s + 1}-AP${a + 1}`,
        macs: [],
      });
    }
    networkSites.push(site(s + 1, `Site ${String(s + 1).padStart(3, '0')}`, items));
  }

  const list = [];
  let nextIp = 1;
  let nextId = 1;
  while (list.length < accounts) {
    const id = nextId++;
    const name = `${pick(FIRST)} ${pick(LAST)} ${id}`;
    const [down, up] = pick(PLANS);
    const where = [
      address(`${id} County Rd ${(id % 90) + 1}`, id % 7 === 0 ? `Unit ${id % 40}` : '', 'Llano', 'US_TX'),
    ];
    const kind = id % 100;
    const services = [dataService(900 + (id % 5), `${down / 1000} Mbps`, down, up)];
    if (kind < 5) {
      // PPPoE: only a RADIUS account, no CPE MAC, so the account sits at the top level.
      list.push(account({ id, name, addresses: where, radius: [[id, [ipv4(nextIp++)]]], services }));
      continue;
    }
    const ap = id % aps;
    const cpeMac = mac(agents[ap].table === 'ltu' ? '74:83:C2' : '24:5A:4C', id);
    agents[ap].macs.push(cpeMac);
    if (kind < 8) {
      list.push(account({ id, name, addresses: where, macs: [[id, cpeMac, [ipv4(nextIp++)]]], services }));
      continue;
    }
    if (kind === 8 && list.length + 4 <= accounts) {
      // A bulk account on a recurring rate with three child units (children only by address).
      where[0].inventory_items.entities.push(item(id, 'LTU-Pro', { mac: cpeMac, itemIps: [ipv4(nextIp++)] }));
      list.push(
        account({
          id,
          name: `${name} Apartments`,
          addresses: where,
          services: [recurringService(990, '1 Gig Bulk')],
        }),
      );
      for (let unit = 1; unit <= 3; unit++) {
        const child = nextId++;
        list.push(
          account({
            id: child,
            name: `${name} Unit ${unit}`,
            parent: id,
            ips: [ipv4(nextIp++)],
            services: [dataService(901, '50 Mbps', 50000, 10000)],
          }),
        );
      }
      continue;
    }
    const subnets =
      kind % 10 === 9
        ? [ipv4(nextIp++), `2001:db8:${(id >>> 16).toString(16)}:${(id & 0xffff).toString(16)}::/64`]
        : [ipv4(nextIp++)];
    where[0].inventory_items.entities.push(
      item(id, agents[ap].table === 'ltu' ? 'LTU-LR' : 'NanoStation 5AC', { mac: cpeMac, fieldIps: subnets }),
    );
    list.push(account({ id, name, status: kind === 50 ? 2 : 1, addresses: where, services }));
  }
  // Disconnected accounts: Sonar's status filter leaves them out.
  for (let i = 0; i < accounts / 50; i++) {
    const id = nextId++;
    list.push(
      account({ id, name: `Former ${id}`, status: 3, radius: [[id, [ipv4(nextIp++)]]], services: [] }),
    );
  }
  const statuses = [
    { id: 1, name: 'Active', activates_account: true },
    { id: 2, name: 'Active - Promotion', activates_account: true },
    { id: 3, name: 'Disconnected', activates_account: false },
  ];
  return { db: { account_statuses: statuses, network_sites: networkSites, accounts: list }, agents };
}
