// Writes test-data/uisp/network/{sites,devices,data-links}.json: the realistic network the
// uisp-integration tests run every strategy on. `node test-data/generators/uisp-fixtures.mjs`.
//
//   Core DC ══PtP══ North Tower ══PtP══ Ridge Tower ──PtMP── Valley Relay
//      ║                                    ║
//      ╚═══PtP═══ East Tower ═════PtP═══════╝        (a loop: Ridge is reachable both ways)
//                     ║
//                     ╚══PtP══ Lab                  Hill Repeater: no link, UISP parent North
//                                                   Island POP: no link, no parent (detached)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientSite, dataLink, device, towerSite } from './uisp-records.mjs';

const towers = [
  towerSite({
    id: 's-core',
    name: 'Core DC',
    lat: 45.5231,
    lon: -122.6765,
    address: '100 Exchange St, Riverside',
  }),
  towerSite({ id: 's-north', name: 'North Tower', parent: 's-core', lat: 45.61, lon: -122.7 }),
  towerSite({ id: 's-east', name: 'East Tower', parent: 's-core', lat: 45.52, lon: -122.5 }),
  towerSite({ id: 's-ridge', name: 'Ridge Tower', parent: 's-north', lat: 45.66, lon: -122.55 }),
  towerSite({ id: 's-valley', name: 'Valley Relay', parent: 's-ridge' }),
  towerSite({ id: 's-lab', name: 'Lab', parent: 's-east' }),
  towerSite({ id: 's-hill', name: 'Hill Repeater', parent: 's-north' }),
  towerSite({ id: 's-island', name: 'Island POP' }),
];

let macSeq = 0;
const mac = () => {
  macSeq++;
  return `24:5A:4C:${(macSeq >> 8).toString(16).padStart(2, '0').toUpperCase()}:${(macSeq & 255).toString(16).padStart(2, '0').toUpperCase()}:10`;
};

// Tower devices: [id, hostname, model, type, role, site, mode, down, up, extra]
const infra = [
  [
    'd-core-rtr',
    'core-rtr',
    'ER-8-XG',
    'erouter',
    'router',
    's-core',
    undefined,
    undefined,
    undefined,
    { ip: '10.0.0.1/24' },
  ],
  ['d-core-north-bh', 'BH-Core-North', 'AF-5XHD', 'airFiber', 'ap', 's-core', 'ap-ptp', 1200, 1200],
  ['d-core-east-bh', 'BH-Core-East', 'AF60-LR', 'airFiber', 'ap', 's-core', 'ap-ptp', 1800, 1800],
  ['d-core-ap', 'AP-Core-LTU', 'LTU-Rocket', 'ltu', 'ap', 's-core', 'ap-ptmp', 600, 200],
  ['d-north-bh-core', 'BH-North-Core', 'AF-5XHD', 'airFiber', 'station', 's-north', 'sta-ptp', 1100, 1150],
  ['d-north-bh-ridge', 'BH-North-Ridge', 'PBE-5AC-Gen2', 'airMax', 'ap', 's-north', 'ap-ptp', 450, 450],
  [
    'd-north-ap1',
    'AP-North-1',
    'RP-5AC-Gen2',
    'airMax',
    'ap',
    's-north',
    'ap-ptmp',
    320,
    80,
    { total: 400, dlRatio: 75 },
  ],
  ['d-north-ap2', 'AP-North-2', 'LTU-Rocket', 'ltu', 'ap', 's-north', 'ap-ptmp', 500, 250],
  ['d-north-sw', 'SW-North', 'USW-Pro-24', 'switch', 'switch', 's-north'],
  ['d-east-bh-core', 'BH-East-Core', 'AF60-LR', 'airFiber', 'station', 's-east', 'sta-ptp', 1700, 1750],
  ['d-east-bh-ridge', 'BH-East-Ridge', 'AF-5XHD', 'airFiber', 'ap', 's-east', 'ap-ptp', 800, 800],
  ['d-east-bh-lab', 'BH-East-Lab', 'PBE-5AC-500', 'airMax', 'ap', 's-east', 'ap-ptp', 300, 300],
  ['d-east-ap1', 'AP-East-1', 'LTU-Rocket', 'ltu', 'ap', 's-east', 'ap-ptmp', 400, 150],
  [
    'd-east-ap2',
    'AP-East-2',
    'RP-5AC-Gen2',
    'airMax',
    'ap',
    's-east',
    'ap-ptmp',
    240,
    60,
    { total: 300, theoretical: 866 },
  ],
  ['d-ridge-bh-north', 'BH-Ridge-North', 'PBE-5AC-Gen2', 'airMax', 'station', 's-ridge', 'sta-ptp', 440, 430],
  ['d-ridge-bh-east', 'BH-Ridge-East', 'AF-5XHD', 'airFiber', 'station', 's-ridge', 'sta-ptp', 780, 790],
  [
    'd-ridge-ap1',
    'AP-Ridge-1',
    'RP-5AC-Gen2',
    'airMax',
    'ap',
    's-ridge',
    'ap-ptmp',
    150,
    150,
    { total: 300, dlRatio: 50 },
  ],
  ['d-ridge-sector', 'AP-Ridge-Sector', 'LTU-Rocket', 'ltu', 'ap', 's-ridge', 'ap-ptmp', 450, 150],
  ['d-valley-sta', 'STA-Valley', 'LTU-LR', 'ltu', 'station', 's-valley', 'sta-ptmp', 200, 80],
  [
    'd-valley-ap',
    'AP-Valley',
    'RP-5AC-Gen2',
    'airMax',
    'ap',
    's-valley',
    'ap-ptmp',
    130,
    70,
    { total: 200, dlRatio: 67 },
  ],
  ['d-lab-bh', 'BH-Lab-East', 'PBE-5AC-500', 'airMax', 'station', 's-lab', 'sta-ptp', 290, 290],
  ['d-lab-ap', 'AP-Lab', 'LTU-Rocket', 'ltu', 'ap', 's-lab', 'ap-ptmp', 300, 100],
  // Named like its site: the export name becomes "Hill Repeater [AP]".
  ['d-hill-ap', 'Hill Repeater', 'LTU-Rocket', 'ltu', 'ap', 's-hill', 'ap-ptmp', 300, 100],
  ['d-island-ap', 'AP-Island', 'RP-5AC-Gen2', 'airMax', 'ap', 's-island', undefined],
];
const towerDevices = infra.map(
  ([id, hostname, model, type, role, site, wirelessMode, down, up, extra = {}], i) =>
    device({
      id,
      hostname,
      mac: mac(),
      model,
      type,
      role,
      site,
      ip: extra.ip ?? `10.0.${Math.floor(i / 8) + 1}.${(i % 8) * 10 + 2}/24`,
      wirelessMode,
      down,
      up,
      total: extra.total,
      theoretical: extra.theoretical,
      dlRatio: extra.dlRatio,
    }),
);
const nameOf = new Map(infra.map(([id, hostname]) => [id, hostname]));
const ap = (id) => ({ id, name: nameOf.get(id) });
const siteName = new Map(towers.map((s) => [s.id, s.identification.name]));

const links = [
  dataLink('l-wan', { device: ['d-core-rtr', 'core-rtr'], site: ['s-core', 'Core DC'] }, {}, false),
  ...[
    ['d-core-north-bh', 's-core', 'd-north-bh-core', 's-north'],
    ['d-core-east-bh', 's-core', 'd-east-bh-core', 's-east'],
    ['d-north-bh-ridge', 's-north', 'd-ridge-bh-north', 's-ridge'],
    ['d-east-bh-ridge', 's-east', 'd-ridge-bh-east', 's-ridge'],
    ['d-east-bh-lab', 's-east', 'd-lab-bh', 's-lab'],
    ['d-ridge-sector', 's-ridge', 'd-valley-sta', 's-valley'],
  ].map(([a, sa, b, sb], i) =>
    dataLink(
      `l-bh-${i + 1}`,
      { device: [a, nameOf.get(a)], site: [sa, siteName.get(sa)] },
      { device: [b, nameOf.get(b)], site: [sb, siteName.get(sb)] },
    ),
  ),
];

// Clients: [site id, name, AP device id, down, up, options]. Options: burst [down, up] kB/s,
// suspended, noQos, link ('device' = AP→CPE data-link instead of apDevice; 'site' = site link),
// parent (UISP parent site), v6, cidrs, extraDevice, address, noIp, mac, sameIp.
const clientTable = [
  ['c-01', 'Anna Berg', 'd-core-ap', 50, 10, { address: '3 Quay St, Riverside' }],
  ['c-02', 'Ben Carter', 'd-core-ap', 100, 20, { burst: [12500, 2500] }],
  ['c-03', 'Cora Diaz', 'd-core-ap', 25, 5, { suspended: true }],
  ['c-04', 'Dev Patel', 'd-core-ap', 250, 50, { v6: '2001:db8:4::/56' }],
  ['c-05', 'Elle Fox', 'd-core-ap', 100, 20, { link: 'device' }],
  ['c-06', 'Finn Gray', 'd-north-ap1', 50, 10, {}],
  ['c-07', 'Gia Hart', 'd-north-ap1', 100, 20, { burst: [6250, 6250] }],
  ['c-08', 'Hugo Ito', 'd-north-ap1', 25, 5, {}],
  ['c-09', 'Ivy Jones', 'd-north-ap1', 50, 10, { cidrs: ['100.64.20.9/24', '192.168.1.1/24'] }],
  ['c-10', 'Jon Kim', 'd-north-ap1', 100, 20, { suspended: true, burst: [25000, 5000] }],
  ['c-11', 'Smith Residence', 'd-north-ap1', 50, 10, { address: '11 Elm St, Riverside' }],
  ['c-12', 'Smith Residence', 'd-north-ap2', 100, 20, { address: '40 Birch Rd, Riverside' }],
  ['c-13', 'Kai Lund', 'd-north-ap2', 200, 40, { burst: [25000, null] }],
  ['c-14', 'Lena Moss', 'd-north-ap2', 50, 10, { link: 'device' }],
  ['c-15', 'Acme Corp', 'd-north-ap2', 500, 100, { extraDevice: 'router', service: '500/100 Business' }],
  ['c-16', 'Milo Nash', 'd-north-ap2', 25, 5, {}],
  ['c-17', 'Nora Ortiz', 'd-north-ap2', 100, 20, { mac: '24-5A-4C-AA-BB-17' }],
  ['c-18', 'Omar Park', 'd-east-ap1', 50, 10, {}],
  ['c-19', 'Pia Quinn', 'd-east-ap1', 100, 20, { suspended: true }],
  ['c-20', 'Miller Farm', 'd-east-ap1', 100, 20, {}],
  ['c-21', 'Ravi Shah', 'd-east-ap1', 50, 10, { sameIp: 'c-18' }],
  ['c-22', 'Sara Tan', 'd-east-ap1', 25, 5, { v6: '2001:db8:22::7/64' }],
  ['c-23', 'Tom Uhl', 'd-east-ap2', 50, 10, {}],
  ['c-24', 'Una Vega', 'd-east-ap2', 100, 20, { noQos: true }],
  ['c-25', 'Vic Wade', 'd-east-ap2', 25, 5, { link: 'site' }],
  ['c-26', 'Wes Xu', 'd-east-ap2', 50, 10, {}],
  ['c-27', 'Jones Cabin', 'd-east-ap2', 100, 20, {}],
  ['c-28', 'Xena Yates', 'd-ridge-ap1', 50, 10, {}],
  ['c-29', 'Yuri Zane', 'd-ridge-ap1', 100, 20, { burst: [12500, 12500] }],
  ['c-30', 'Zoe Abbott', 'd-ridge-ap1', 25, 5, {}],
  ['c-31', 'Abe Brooks', 'd-ridge-ap1', 50, 10, { noIp: true }],
  ['c-32', 'Bea Cole', 'd-ridge-ap1', 50, 10, {}],
  ['c-33', 'Cal Dunn', 'd-ridge-sector', 100, 20, {}],
  ['c-34', 'Dee Ellis', 'd-ridge-sector', 50, 10, {}],
  ['c-35', 'Eli Frost', 'd-ridge-sector', 25, 5, { suspended: true }],
  ['c-36', 'Fay Gold', 'd-valley-ap', 50, 10, {}],
  ['c-37', 'Gus Hale', 'd-valley-ap', 100, 20, {}],
  ['c-38', 'Hal Irwin', 'd-valley-ap', 25, 5, {}],
  ['c-39', 'Ida Jett', 'd-valley-ap', 50, 10, { burst: [6250, 1250] }],
  ['c-40', 'Lab Test CPE 1', 'd-lab-ap', 100, 100, {}],
  ['c-41', 'Lab Test CPE 2', 'd-lab-ap', 100, 100, {}],
  ['c-42', 'Kim Lowe', 'd-hill-ap', 50, 10, {}],
  ['c-43', 'Lou Mann', 'd-hill-ap', 25, 5, {}],
  ['c-44', 'Max Noel', 'd-island-ap', 50, 10, {}],
  ['c-45', 'Ned Oake', 'd-island-ap', 25, 5, {}],
  ['c-46', 'Fiber Biz', undefined, 1000, 1000, { parent: 's-east', service: '1G Dedicated' }],
  ['c-47', 'Lost Customer', undefined, 50, 10, {}],
  ['c-48', 'Farm Main House', 'd-ridge-ap1', 100, 20, { extraDevice: 'farm-router' }],
  ['c-49', 'Farm Barn', 'farm-router', 25, 5, {}],
  ['c-50', 'Dual CPE Home', 'd-north-ap1', 100, 20, { extraDevice: 'second-cpe' }],
];

const clients = [];
const clientDevices = [];
const hostOf = new Map();
clientTable.forEach(([id, name, apId, down, up, o], i) => {
  const n = i + 1;
  const parentSite = o.parent ?? (apId?.startsWith('d-') ? infra.find((d) => d[0] === apId)[5] : undefined);
  clients.push(
    clientSite({
      id,
      name,
      parent: parentSite,
      address: o.address ?? `${n * 7} Main St, Riverside`,
      down: o.noQos ? undefined : down,
      up: o.noQos ? undefined : up,
      burstDown: o.burst?.[0] ?? null,
      burstUp: o.burst?.[1] ?? null,
      suspended: o.suspended ?? false,
      service: o.service,
      crmId: 1000 + n,
    }),
  );
  const hostname = `CPE-${name.split(' ').at(-1)}`;
  const ip = o.noIp ? null : `100.64.${10 + Math.floor(n / 200)}.${n % 200}/24`;
  hostOf.set(id, ip);
  const apRef =
    apId === undefined || o.link
      ? undefined
      : apId === 'farm-router'
        ? { id: 'd-c-48-rtr', name: 'farm-router' }
        : ap(apId);
  const cidrs = o.noIp ? [] : [ip, ...(o.cidrs ?? [])];
  if (o.sameIp) cidrs.push(hostOf.get(o.sameIp));
  const extra = o.v6
    ? [
        {
          identification: { name: 'br0', type: 'br' },
          addresses: [{ cidr: o.v6 }, { cidr: 'fe80::265a:4cff:fe00:1/64' }],
        },
      ]
    : [];
  clientDevices.push(
    device({
      id: `d-${id}`,
      hostname,
      mac: o.mac ?? mac(),
      model: apId?.includes('ap1') || apId === 'd-valley-ap' ? 'LBE-5AC-Gen2' : 'LTU-LR',
      type: apId?.includes('ap1') || apId === 'd-valley-ap' ? 'airMax' : 'ltu',
      role: 'station',
      site: id,
      ip,
      apDevice: apRef,
      wirelessMode: apId === undefined ? undefined : 'sta-ptmp',
      cidrs,
      interfaceName: 'br0',
      extraInterfaces: extra,
    }),
  );
  if (o.extraDevice === 'router') {
    clientDevices.push(
      device({
        id: `d-${id}-rtr`,
        hostname: 'acme-edge',
        mac: mac(),
        model: 'ER-X',
        type: 'erouter',
        role: 'router',
        site: id,
        ip: '100.64.30.1/30',
        cidrs: ['100.64.30.1/30', '100.64.99.0/29'],
      }),
    );
  }
  if (o.extraDevice === 'farm-router') {
    clientDevices.push(
      device({
        id: 'd-c-48-rtr',
        hostname: 'farm-router',
        mac: mac(),
        model: 'ER-X',
        type: 'erouter',
        role: 'router',
        site: id,
        ip: '100.64.31.1/24',
        cidrs: ['100.64.31.1/24'],
      }),
    );
  }
  if (o.extraDevice === 'second-cpe') {
    clientDevices.push(
      device({
        id: `d-${id}-b`,
        hostname: 'CPE-Home-2',
        mac: mac(),
        model: 'LTU-LR',
        type: 'ltu',
        role: 'station',
        site: id,
        ip: '100.64.32.2/24',
        apDevice: ap('d-north-ap2'),
        wirelessMode: 'sta-ptmp',
        cidrs: ['100.64.32.2/24'],
        interfaceName: 'br0',
      }),
    );
  }
  if (o.link === 'device') {
    links.push(
      dataLink(
        `l-${id}`,
        { device: [apId, nameOf.get(apId)], site: [parentSite, siteName.get(parentSite)] },
        { device: [`d-${id}`, hostname], site: [id, name] },
      ),
    );
  }
  if (o.link === 'site') {
    links.push(
      dataLink(
        `l-${id}`,
        { device: [apId, nameOf.get(apId)], site: [parentSite, siteName.get(parentSite)] },
        { site: [id, name] },
      ),
    );
  }
});

// API order mixes tower and client sites, as UISP does.
const sites = [...towers.slice(0, 3), ...clients.slice(0, 20), ...towers.slice(3), ...clients.slice(20)];
const devices = [...towerDevices.slice(0, 12), ...clientDevices, ...towerDevices.slice(12)];

function writeScenario(name, records) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '../uisp', name);
  mkdirSync(out, { recursive: true });
  for (const [file, value] of Object.entries(records)) {
    writeFileSync(join(out, file), `${JSON.stringify(value, null, 2)}\n`);
  }
  const counts = Object.entries(records).map(
    ([file, value]) => `${value.length} ${file.replace('.json', '')}`,
  );
  console.log(`${name}: ${counts.join(', ')}`);
}

writeScenario('network', { 'sites.json': sites, 'devices.json': devices, 'data-links.json': links });

// The route-override example of LibreQoS's documentation: a triangle of sites, every link at the
// default cost of 10, so Site 3 is one hop from Site 1 until the Site 1–Site 3 link costs 100.
const triangle = ['Site 1', 'Site 2', 'Site 3'].map((name, i) =>
  towerSite({ id: `site-${i + 1}`, name, parent: i === 0 ? undefined : 'site-1' }),
);
const radio = (id, hostname, role, site, mode) =>
  device({
    id,
    hostname,
    mac: mac(),
    model: 'AF-5XHD',
    type: 'airFiber',
    role,
    site,
    wirelessMode: mode,
    down: 1000,
    up: 1000,
  });
const triangleDevices = [
  radio('r-12', 'PtP-1-2', 'ap', 'site-1', 'ap-ptp'),
  radio('r-13', 'PtP-1-3', 'ap', 'site-1', 'ap-ptp'),
  radio('r-21', 'PtP-2-1', 'station', 'site-2', 'sta-ptp'),
  radio('r-23', 'PtP-2-3', 'ap', 'site-2', 'ap-ptp'),
  radio('r-31', 'PtP-3-1', 'station', 'site-3', 'sta-ptp'),
  radio('r-32', 'PtP-3-2', 'station', 'site-3', 'sta-ptp'),
  device({
    id: 'ap-3',
    hostname: 'AP-Site-3',
    mac: mac(),
    model: 'LTU-Rocket',
    type: 'ltu',
    role: 'ap',
    site: 'site-3',
    wirelessMode: 'ap-ptmp',
    down: 400,
    up: 100,
  }),
  device({
    id: 'cpe-1',
    hostname: 'CPE-Sam',
    mac: mac(),
    model: 'LTU-LR',
    type: 'ltu',
    role: 'station',
    site: 'client-1',
    ip: '100.64.3.10/24',
    apDevice: { id: 'ap-3', name: 'AP-Site-3' },
    wirelessMode: 'sta-ptmp',
    cidrs: ['100.64.3.10/24'],
  }),
];
const triangleSites = [
  ...triangle,
  clientSite({ id: 'client-1', name: 'Sam Site3', parent: 'site-3', down: 100, up: 20, crmId: 1 }),
];
const ptp = (id, a, b) =>
  dataLink(id, { device: [a[0], a[1]], site: [a[2], a[3]] }, { device: [b[0], b[1]], site: [b[2], b[3]] });
const triangleLinks = [
  ptp('t-12', ['r-12', 'PtP-1-2', 'site-1', 'Site 1'], ['r-21', 'PtP-2-1', 'site-2', 'Site 2']),
  ptp('t-23', ['r-23', 'PtP-2-3', 'site-2', 'Site 2'], ['r-32', 'PtP-3-2', 'site-3', 'Site 3']),
  ptp('t-13', ['r-13', 'PtP-1-3', 'site-1', 'Site 1'], ['r-31', 'PtP-3-1', 'site-3', 'Site 3']),
];
writeScenario('routes', {
  'sites.json': triangleSites,
  'devices.json': triangleDevices,
  'data-links.json': triangleLinks,
});
