import { pushDetails } from './graph.js';
import type { WorkGraph } from './types.js';

/** Keys LibreQoS gives meaning to inside network.json; a node must not be called that. */
const RESERVED = /^(children|Generated_PN_\d+)$/;

/**
 * Step 9 — final names. Circuits: the service address when circuit_name_as_address is on and
 * there is one, else the trimmed name, else the id. Nodes: trimmed name (else id), unique across
 * the whole tree; a taken or reserved name gets ` (2)`, ` (3)`… in input order. A suffix never
 * takes a name some other node already carries.
 */
export function finalizeNames(graph: WorkGraph, circuitNameAsAddress: boolean): void {
  for (const circuit of graph.circuits) {
    const address = circuitNameAsAddress ? (circuit.source.address?.trim() ?? '') : '';
    circuit.name = address || circuit.name.trim() || circuit.id;
  }

  const claimed = new Set<string>();
  const clashing: typeof graph.nodes = [];
  for (const node of graph.nodes) {
    node.name = node.name.trim() || node.id.trim();
    if (RESERVED.test(node.name) || claimed.has(node.name)) clashing.push(node);
    else claimed.add(node.name);
  }
  const renamed: string[] = [];
  for (const node of clashing) {
    let name = node.name;
    for (let n = 2; claimed.has(name) || RESERVED.test(name); n++) name = `${node.name} (${n})`;
    claimed.add(name);
    const why = RESERVED.test(node.name) ? 'is reserved by LibreQoS' : 'is already taken';
    renamed.push(`node name "${node.name}" ${why}; ${node.kind} id ${node.id} renamed "${name}"`);
    node.name = name;
  }
  pushDetails(graph, renamed, 'nodes renamed');
}
