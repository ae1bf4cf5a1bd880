/**
 * Infrastructure nodes from VISP's equipment list (§9.6 step 7): an equipment row becomes an AP
 * node `visp:eq:<id>` under its upstream equipment (`parent_id`), and the top of each chain sits
 * under a site node for its location, `visp:site:<location_id or name>`. Nodes are created the
 * first time a circuit needs them, parents first, so the output order follows the customers.
 *
 * LibreQoS recurses up the chain and never returns from a parent cycle longer than one; here the
 * walk is iterative and a cycle is cut at its smallest id, which is placed under its site instead.
 */
import type { InventoryNode } from '@wispsync/core';
import { type Row, safeInt, text, truthy } from './records.js';

export class EquipmentTree {
  readonly nodes: InventoryNode[] = [];
  sites = 0;
  equipment = 0;
  private readonly rows = new Map<number, Row>();
  private readonly created = new Map<number, string>();
  private readonly siteIds = new Set<string>();
  /** Equipment whose parent link was cut to break a cycle. */
  private readonly cut = new Set<number>();

  constructor(
    equipmentRows: readonly Row[],
    private readonly warn: (message: string) => void,
  ) {
    for (const row of equipmentRows) {
      const id = safeInt(row.id);
      if (id > 0) this.rows.set(id, row);
    }
  }

  /** The node id for this equipment (created with its chain and site on first use); '' if unknown. */
  ensure(equipmentId: unknown): string {
    const id = safeInt(equipmentId);
    if (id <= 0) return '';
    const known = this.created.get(id);
    if (known !== undefined) return known;
    if (!this.rows.has(id)) return '';
    const { chain, top } = this.walk(id);
    // Create from the top down so parents precede their children, as LibreQoS's recursion does.
    let parentId = top;
    for (let index = chain.length - 1; index >= 0; index--) {
      const member = chain[index] as number;
      parentId = this.createAp(member, parentId);
    }
    return parentId;
  }

  /** The chain of not-yet-created equipment from `id` upwards, and the node id above its top. */
  private walk(id: number): { chain: number[]; top: string } {
    for (;;) {
      const chain = [id];
      const onChain = new Set(chain);
      let current = id;
      let cycle: number[] | undefined;
      let top: string | undefined;
      while (top === undefined && cycle === undefined) {
        const parent = this.parentOf(current);
        if (parent === undefined) top = this.ensureSite(this.rows.get(current) as Row);
        else if (this.created.has(parent)) top = this.created.get(parent);
        else if (onChain.has(parent)) cycle = chain.slice(chain.indexOf(parent));
        else {
          chain.push(parent);
          onChain.add(parent);
          current = parent;
        }
      }
      if (cycle === undefined) return { chain, top: top as string };
      const breakAt = Math.min(...cycle);
      this.cut.add(breakAt);
      const loop = [...cycle, cycle[0]].join(' → ');
      this.warn(`VISP equipment parent cycle ${loop}: equipment ${breakAt} is placed under its site instead`);
    }
  }

  /** The upstream equipment id, when it is another known equipment row. */
  private parentOf(id: number): number | undefined {
    if (this.cut.has(id)) return undefined;
    const parent = safeInt(this.rows.get(id)?.parent_id);
    return parent > 0 && parent !== id && this.rows.has(parent) ? parent : undefined;
  }

  private createAp(id: number, parentId: string): string {
    const row = this.rows.get(id) as Row;
    const nodeId = `visp_eq_${id}`;
    this.nodes.push({
      kind: 'ap',
      id: nodeId,
      name: text(row.description) || text(row.name) || `VISP ${id}`,
      parentId,
      networkJsonId: `visp:eq:${id}`,
    });
    this.created.set(id, nodeId);
    this.equipment++;
    return nodeId;
  }

  private ensureSite(row: Row): string {
    const location = text(row.location_name);
    const name = location || 'VISP Site';
    const nodeId = truthy(row.location_id)
      ? `visp_site_${text(row.location_id)}`
      : `visp_site_name_${(location || 'unknown').toLowerCase().replaceAll(' ', '_')}`;
    if (!this.siteIds.has(nodeId)) {
      this.siteIds.add(nodeId);
      this.sites++;
      this.nodes.push({
        kind: 'site',
        id: nodeId,
        name,
        parentId: null,
        networkJsonId: `visp:site:${truthy(row.location_id) ? text(row.location_id) : name}`,
      });
    }
    return nodeId;
  }
}
