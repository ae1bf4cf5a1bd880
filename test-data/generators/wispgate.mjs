// Deterministic synthetic WISPGate answer: ShapedDevices-like rows for `circuits` circuits, one to
// three devices each, with the mix a real export has (some IPv6, Parent Node names, rates as
// numbers with both Min and Max). Used by the benchmark (50,000+ circuits).
import { random } from './random.mjs';

const PLANS = [
  [25, 5],
  [50, 10],
  [100, 20],
  [250, 50],
  [1000, 500],
];
const DEVICES = ['Router', 'Radio', 'Phone'];
const FIRST = ['Ann', 'Bob', 'Cara', 'Dan', 'Eve', 'Finn', 'Gia', 'Hugo', 'Ivy', 'Jon', 'Kai', 'Lena'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Okafor', 'Muller', 'Rossi', 'Tanaka', 'Silva', 'Brown'];

export function generateWispgateRows({ circuits = 50_000, towers = 200, seed = 1 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const rows = [];
  let host = 0;
  for (let c = 0; c < circuits; c++) {
    const [down, up] = pick(PLANS);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const devices = 1 + Math.floor(rand() * rand() * 3);
    for (let d = 0; d < devices; d++) {
      host += 1;
      const hex = (host + 0x100000).toString(16).padStart(6, '0');
      rows.push({
        'Circuit ID': `WG-${100000 + c}`,
        'Circuit Name': name,
        'Device ID': String(host),
        'Device Name': DEVICES[d],
        'Parent Node': `Tower ${(c % towers) + 1}`,
        MAC: `02:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:01`,
        IPv4: `100.${64 + (host >>> 16)}.${(host >>> 8) & 255}.${host & 255}`,
        IPv6:
          rand() < 0.25
            ? `2001:db8:${(host >>> 16).toString(16)}:${(host & 0xffff).toString(16)}::/64`
            : null,
        'Download Min Mbps': down / 2,
        'Upload Min Mbps': up / 2,
        'Download Max Mbps': down,
        'Upload Max Mbps': up,
        Comment: '',
      });
    }
  }
  return rows;
}

// `node test-data/generators/wispgate.mjs <circuits> > shaped-devices.json`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [circuits = '50000'] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(generateWispgateRows({ circuits: Number(circuits) })));
}
