// Deterministic synthetic Netzur export: `zones` zones, `customers` customers spread over them,
// with the mix a real export has (IPv6 on some, routed subnets on a few, plan sizes, MACs).
// Used by the benchmark (100,000+ customers) and to make the demo data set.
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, random } from './random.mjs';

const PLANS = [
  [25, 5],
  [50, 10],
  [100, 20],
  [250, 50],
  [500, 100],
  [1000, 500],
];
const STREETS = ['Main St', 'Oak Ave', 'Ridge Rd', 'Mill Ln', 'Lake Dr', 'Pine Ct', 'Hill St', 'River Rd'];

export function generateNetzurExport({ zones = 1000, customers = 100_000, seed = 1 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const zoneList = [];
  for (let z = 0; z < zones; z++) {
    zoneList.push({
      id: 1000 + z,
      name: `Tower ${String(z + 1).padStart(4, '0')}`,
      capacity_download_mbps: 1000 + 100 * (z % 20),
      capacity_upload_mbps: 500 + 50 * (z % 20),
    });
  }
  const customerList = [];
  for (let c = 0; c < customers; c++) {
    const [down, up] = pick(PLANS);
    const zone = zoneList[c % zones];
    // 100.64.0.0/10 holds 4M hosts: one per customer, in order.
    const host = c + 1;
    const ip = `100.${64 + (host >>> 16)}.${(host >>> 8) & 255}.${host & 255}`;
    const hex = (host + 0x100000).toString(16).padStart(6, '0');
    const customer = {
      subscriber_id: 100000 + c,
      customerName: `${pick(FIRST)} ${pick(LAST)}`,
      zone: zone.name,
      address: `${1 + Math.floor(rand() * 999)} ${pick(STREETS)}`,
      download: down,
      upload: up,
      ip,
      mac: `02:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:01`,
    };
    if (rand() < 0.3)
      customer.ipv6 = [`2001:db8:${(host >>> 16).toString(16)}:${(host & 0xffff).toString(16)}::/64`];
    customerList.push(customer);
  }
  return { zones: zoneList, customers: customerList };
}

// `node test-data/generators/netzur.mjs <zones> <customers> > export.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [zones = '1000', customers = '100000'] = process.argv.slice(2);
  process.stdout.write(
    JSON.stringify(generateNetzurExport({ zones: Number(zones), customers: Number(customers) })),
  );
}
