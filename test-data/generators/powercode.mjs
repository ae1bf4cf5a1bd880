// Deterministic synthetic Powercode data: `list_customers` and `list_services` answers with the
// mix a real install has (about 8% inactive customers, one to three pieces of equipment each, some
// infrastructure equipment, a few customers on two services, rates in kbps as numeric strings).
// Used by the benchmark (50,000+ customers).
import { random } from './random.mjs';

const PLANS = [
  [10000, 2000],
  [25000, 5000],
  [50000, 10000],
  [100000, 20000],
  [250000, 50000],
  [1000000, 1000000],
];
const STATUSES = ['Inactive', 'Suspended', 'Pending'];
const FIRST = ['Ann', 'Bob', 'Cara', 'Dan', 'Eve', 'Finn', 'Gia', 'Hugo', 'Ivy', 'Jon', 'Kai', 'Lena'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Okafor', 'Muller', 'Rossi', 'Tanaka', 'Silva', 'Brown'];

function ipOf(host) {
  return `100.${64 + (host >>> 16)}.${(host >>> 8) & 255}.${host & 255}`;
}

function macOf(host, n) {
  const hex = (host + 0x100000).toString(16).padStart(6, '0');
  return `0C:EA:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:0${n}`.toUpperCase();
}

export function generatePowercode({ customers = 50_000, seed = 1 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const services = PLANS.map(([down, up], i) => ({
    id: String(100 + i),
    name: `Plan ${down / 1000}`,
    rate_down: String(down),
    rate_up: String(up),
  }));
  const list = [];
  let host = 0;
  let equipmentId = 1_000_000;
  for (let c = 0; c < customers; c++) {
    const service = pick(services).id;
    const equipment = [];
    const shaped = 1 + Math.floor(rand() * 2);
    for (let n = 0; n < shaped; n++) {
      host += 1;
      equipment.push({
        id: String(equipmentId++),
        type: n === 0 ? 'Router' : 'CPE',
        service_id: n === 1 && rand() < 0.1 ? pick(services).id : service,
        name: n === 0 ? 'Customer Router' : 'Radio',
        ip_address: ipOf(host),
        mac_address: macOf(host, n),
      });
    }
    if (rand() < 0.2) {
      equipment.push({
        id: String(equipmentId++),
        type: 'Switch',
        service_id: service,
        name: 'Switch',
        ip_address: '',
        mac_address: '',
      });
    }
    list.push({
      id: String(10_000 + c),
      status: rand() < 0.08 ? pick(STATUSES) : 'Active',
      name: `${pick(FIRST)} ${pick(LAST)}`,
      company_name: '',
      equipment,
    });
  }
  return { customers: list, services };
}

// `node test-data/generators/powercode.mjs <customers> > customers-and-services.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [customers = '50000'] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(generatePowercode({ customers: Number(customers) })));
}
