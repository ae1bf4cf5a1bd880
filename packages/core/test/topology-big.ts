/** A large synthetic network for the topology timing tests. */
import type { Inventory, InventoryCircuit, InventoryNode } from '../src/model/index.js';
import { inventory } from './topology-fixtures.js';

/** 40 regions › 10 sites › 9 APs (4,000 nodes), 200,000 circuits, a client with children per AP. */
export function bigNetwork(): Inventory {
  const nodes: InventoryNode[] = [];
  const aps: string[] = [];
  for (let r = 0; r < 40; r++) {
    nodes.push({ kind: 'site', id: `r${r}`, name: `Region ${r}`, parentId: null });
    for (let s = 0; s < 10; s++) {
      const siteId = `r${r}s${s}`;
      nodes.push({ kind: 'site', id: siteId, name: `Site ${r}-${s}`, parentId: `r${r}` });
      for (let a = 0; a < 9; a++) {
        const apId = `${siteId}a${a}`;
        aps.push(apId);
        nodes.push({ kind: 'ap', id: apId, name: `AP ${r}-${s}-${a}`, parentId: siteId, downloadMbps: 500 });
      }
    }
  }
  const circuits: InventoryCircuit[] = [];
  for (let i = 0; i < 200_000; i++) {
    const parentId =
      i < aps.length ? aps[i]! : i < 2 * aps.length ? `c${i - aps.length}` : aps[i % aps.length]!;
    circuits.push({
      id: `c${i}`,
      name: `Customer ${i % 50_000}`,
      parentId,
      rate: { downloadMbps: 25 + (i % 300), uploadMbps: 5 + (i % 50) },
      devices: [
        {
          id: `d${i}`,
          name: `Device ${i}`,
          mac: 'aa:bb:cc:00:00:01',
          ipv4: [`100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`],
          ipv6: [`2001:db8:${i.toString(16)}::/64`],
        },
      ],
    });
  }
  return inventory(nodes, circuits);
}
