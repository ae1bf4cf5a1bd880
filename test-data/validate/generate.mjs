// Synthetic LibreQoS files for the shaping-validate benchmark: a network.json of `sites` sites with
// `apsPerSite` APs each, and a ShapedDevices.csv of `rows` device rows (every tenth row is a second
// device of the circuit before it; every other device has an IPv6 /56). Valid on every LibreQoS 2.x version.

/** network.json text and the AP names circuits may hang under. */
export function generateNetwork({ sites = 50, apsPerSite = 99 } = {}) {
  const aps = [];
  const parts = [];
  for (let s = 0; s < sites; s++) {
    const children = [];
    for (let a = 0; a < apsPerSite; a++) {
      const name = `AP ${s}-${a}`;
      aps.push(name);
      children.push(
        `${JSON.stringify(name)}: {"downloadBandwidthMbps": 1000, "uploadBandwidthMbps": 1000, "type": "ap", "id": "bench:ap:${s}:${a}", "children": {}}`,
      );
    }
    parts.push(
      `${JSON.stringify(`Site ${s}`)}: {"downloadBandwidthMbps": 10000, "uploadBandwidthMbps": 10000, "type": "site", "id": "bench:site:${s}", "children": {\n${children.join(',\n')}\n}}`,
    );
  }
  return { text: `{\n${parts.join(',\n')}\n}\n`, aps };
}

export function generateShapedDevices({ rows = 200_000, aps }) {
  const out = [
    'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment\n',
  ];
  for (let i = 0; i < rows; i++) {
    // Every tenth row is a second device (a router behind the CPE) of the row before's circuit.
    const circuit = i - Math.floor((i + 1) / 10);
    const parent = aps[circuit % aps.length];
    const v4 = `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
    const v6 = i % 2 === 0 ? `2001:db8:${(i >> 8).toString(16)}:${(i & 255).toString(16)}00::/56` : '';
    const mac = `02:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:01`;
    out.push(
      `bench:svc:${circuit},"Customer ${circuit}, Main St",bench:dev:${i},CPE ${i},${parent},${mac},${v4},${v6},1,1,57.5,11.5,\n`,
    );
  }
  return out.join('');
}
