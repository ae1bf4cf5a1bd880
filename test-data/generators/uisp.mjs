// Deterministic synthetic UISP network for the benchmark: a core site and `towers - 1` tower sites
// joined by PtP backhauls (a tree plus a redundant link on every 10th tower), `aps` access points
// (airMax flexible-frame and LTU) spread over the towers, and `clients` client sites, each with a
// CPE linked to its AP (some with a router too, some suspended, some with burst).
// `node test-data/generators/uisp.mjs <dir> [towers] [aps] [clients]` writes sites.json,
// devices.json and data-links.json into <dir>.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, random } from './random.mjs';
import { clientSite, dataLink, device, towerSite } from './uisp-records.mjs';

const PLANS = [
  [25, 5],
  [50, 10],
  [100, 20],
  [250, 50],
  [500, 100],
];

const hex = (n, width) => n.toString(16).padStart(width, '0');
const macOf = (n) => {
  const h = hex(n, 8);
  return `02:00:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`;
};
/** The n-th address of 100.64.0.0/10 (4M hosts). */
const cgnat = (n) => `100.${64 + (n >>> 16)}.${(n >>> 8) & 255}.${n & 255}`;

/**
 * A CPE as UISP lists it, trimmed to what a station usually carries (no counters, one bridge
 * interface): the bulk of the answer, so its size decides how long a run takes to parse.
 */
function leanCpe({ id, hostname, mac, airMax, site, ip, ap }) {
  return {
    identification: {
      id,
      hostname,
      mac,
      model: airMax ? 'LBE-5AC-Gen2' : 'LTU-LR',
      type: airMax ? 'airMax' : 'ltu',
      role: 'station',
      site: { id: site },
    },
    ipAddress: `${ip}/10`,
    attributes: { ssid: 'wisp', apDevice: { id: ap.id, name: ap.name } },
    overview: { status: 'active', wirelessMode: 'sta-ptmp', signal: -60 },
    interfaces: [{ identification: { name: 'br0', type: 'br' }, addresses: [{ cidr: `${ip}/10` }] }],
  };
}

export function generateUispNetwork({ towers = 2000, aps = 5000, clients = 100_000, seed = 1 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sites = [];
  const devices = [];
  const links = [];
  let macSeq = 1;
  const towerId = (t) => `tower-${hex(t, 5)}`;
  const towerName = (t) => (t === 0 ? 'Core' : `Tower ${String(t).padStart(4, '0')}`);
  for (let t = 0; t < towers; t++) {
    const parent = t === 0 ? undefined : towerId(Math.floor(rand() * t));
    sites.push(
      towerSite({ id: towerId(t), name: towerName(t), parent, lat: 40 + t / 1000, lon: -100 - t / 1000 }),
    );
  }
  devices.push(
    device({
      id: 'dev-core-rtr',
      hostname: 'core-rtr',
      mac: macOf(macSeq++),
      model: 'ER-8-XG',
      type: 'erouter',
      role: 'router',
      site: towerId(0),
      ip: '10.0.0.1/24',
    }),
  );
  links.push(
    dataLink('wan', { device: ['dev-core-rtr', 'core-rtr'], site: [towerId(0), 'Core'] }, {}, false),
  );
  // Backhauls: tower t hangs from its UISP parent; every 10th tower has a second path.
  const backhaul = (a, b, n) => {
    const ap = `bh-${n}-a`;
    const sta = `bh-${n}-b`;
    const capacity = pick([450, 800, 1200, 1800]);
    devices.push(
      device({
        id: ap,
        hostname: `BH-${n}-A`,
        mac: macOf(macSeq++),
        model: 'AF-5XHD',
        type: 'airFiber',
        role: 'ap',
        site: towerId(a),
        wirelessMode: 'ap-ptp',
        down: capacity,
        up: capacity,
        ip: `10.${1 + (n >> 8)}.${n & 255}.1/24`,
      }),
      device({
        id: sta,
        hostname: `BH-${n}-B`,
        mac: macOf(macSeq++),
        model: 'AF-5XHD',
        type: 'airFiber',
        role: 'station',
        site: towerId(b),
        wirelessMode: 'sta-ptp',
        down: capacity - 20,
        up: capacity - 10,
        ip: `10.${1 + (n >> 8)}.${n & 255}.2/24`,
      }),
    );
    links.push(
      dataLink(
        `link-bh-${n}`,
        { device: [ap, `BH-${n}-A`], site: [towerId(a), towerName(a)] },
        { device: [sta, `BH-${n}-B`], site: [towerId(b), towerName(b)] },
      ),
    );
  };
  let bh = 0;
  for (let t = 1; t < towers; t++) {
    backhaul(Number.parseInt(sites[t].identification.parent.id.slice(6), 16), t, bh++);
    if (t % 10 === 0) backhaul(Math.floor(rand() * t), t, bh++);
  }
  const apList = [];
  for (let a = 0; a < aps; a++) {
    const tower = a % towers;
    const airMax = a % 2 === 0;
    const id = `ap-${hex(a, 5)}`;
    const name = `AP-${String(a).padStart(5, '0')}`;
    apList.push({ id, name, tower, airMax });
    devices.push(
      airMax
        ? device({
            id,
            hostname: name,
            mac: macOf(macSeq++),
            model: 'RP-5AC-Gen2',
            type: 'airMax',
            role: 'ap',
            site: towerId(tower),
            wirelessMode: 'ap-ptmp',
            down: 300,
            up: 100,
            total: 400,
            dlRatio: pick([50, 67, 75]),
            ip: `10.100.${a >> 8}.${a & 255}/16`,
          })
        : device({
            id,
            hostname: name,
            mac: macOf(macSeq++),
            model: 'LTU-Rocket',
            type: 'ltu',
            role: 'ap',
            site: towerId(tower),
            wirelessMode: 'ap-ptmp',
            down: 600,
            up: 200,
            ip: `10.100.${a >> 8}.${a & 255}/16`,
          }),
    );
  }
  for (let c = 0; c < clients; c++) {
    const ap = apList[c % aps];
    const [down, up] = pick(PLANS);
    const id = `client-${hex(c, 6)}`;
    const name = `${pick(FIRST)} ${pick(LAST)} ${c}`;
    const burst = rand() < 0.1 ? pick([6250, 12500, 25000]) : null;
    sites.push(
      clientSite({
        id,
        name,
        parent: towerId(ap.tower),
        address: `${1 + (c % 999)} Main St`,
        down,
        up,
        burstDown: burst,
        burstUp: burst && burst / 5,
        suspended: rand() < 0.03,
        crmId: 10_000 + c,
      }),
    );
    const cpe = `cpe-${hex(c, 6)}`;
    const ip = cgnat(c + 1);
    devices.push(
      leanCpe({ id: cpe, hostname: `CPE-${c}`, mac: macOf(macSeq++), airMax: ap.airMax, site: id, ip, ap }),
    );
    if (c % 20 === 0) {
      const router = `rtr-${hex(c, 6)}`;
      const lan = `172.${16 + ((c >> 16) & 15)}.${(c >> 8) & 255}.${c & 255}`;
      devices.push(
        device({
          id: router,
          hostname: `router-${c}`,
          mac: macOf(macSeq++),
          model: 'ER-X',
          type: 'erouter',
          role: 'router',
          site: id,
          ip: `${lan}/32`,
          cidrs: [`${lan}/32`],
        }),
      );
    }
    links.push(
      dataLink(
        `link-c-${c}`,
        { device: [ap.id, ap.name], site: [towerId(ap.tower), towerName(ap.tower)] },
        { device: [cpe, `CPE-${c}`], site: [id, name] },
      ),
    );
  }
  return { sites, devices, dataLinks: links };
}

/** Writes the three answers; streamed item by item so 200k clients never form one huge string. */
export function writeUispNetwork(dir, options) {
  mkdirSync(dir, { recursive: true });
  const network = generateUispNetwork(options);
  for (const [file, list] of [
    ['sites.json', network.sites],
    ['devices.json', network.devices],
    ['data-links.json', network.dataLinks],
  ]) {
    const fd = openSync(join(dir, file), 'w');
    writeSync(fd, '[');
    for (let i = 0; i < list.length; i++) writeSync(fd, (i === 0 ? '' : ',') + JSON.stringify(list[i]));
    writeSync(fd, ']');
    closeSync(fd);
  }
  return {
    sites: network.sites.length,
    devices: network.devices.length,
    dataLinks: network.dataLinks.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'uisp-bench', towers = '2000', aps = '5000', clients = '100000'] = process.argv.slice(2);
  console.log(writeUispNetwork(dir, { towers: Number(towers), aps: Number(aps), clients: Number(clients) }));
}
