import { deviceNodeId, type FullTree, siteNodeId } from './full.js';
import type { RoutingGraph, Vertex } from './graph.js';
import type { Routes } from './routing.js';

export const DOT_FILE = 'graph.dot';

/**
 * graph.dot: the routing graph `full` used, for Graphviz (`dot -Tsvg graph.dot -o graph.svg`).
 * Sites are boxes (the root a double octagon), devices ellipses joined to their site by a dotted
 * line. Every data-link is drawn both ways with its cost; the ones network.json follows are red,
 * costs set by integrationUISProutes.csv blue. Devices left out of network.json (they carry
 * nothing) are dashed, excluded sites and their devices grey. A dashed edge marks a site hung
 * under its UISP parent because no data-link reaches it.
 */
export function renderDot(graph: RoutingGraph, routes: Routes, tree: Pick<FullTree, 'inTree'>): string {
  const { vertices, edges } = graph;
  const { via, pred } = routes.state;
  // Edges into tree nodes, and into the radios folded into a site of the tree.
  const used = new Set<number>();
  const shown = new Uint8Array(vertices.length);
  for (let v = 0; v < vertices.length; v++) {
    if (tree.inTree[v] === 0) continue;
    shown[v] = 1;
    if (via[v]! >= 0) used.add(via[v]!);
    const entry = pred[v]!;
    if (vertices[v]!.kind === 'site' && entry >= 0 && tree.inTree[entry] === 0 && via[entry]! >= 0) {
      shown[entry] = 1;
      used.add(via[entry]!);
    }
  }
  const out = [
    '// UISP routing graph written by uisp-integration (strategy full).',
    '// Render it with Graphviz: dot -Tsvg graph.dot -o graph.svg',
    'digraph uisp {',
    '  graph [overlap=false ranksep=1.2];',
    '  node [fontname="Helvetica"];',
    '  edge [fontname="Helvetica" fontsize=10];',
  ];
  vertices.forEach((vertex, v) => {
    const attrs = [`label=${q(label(vertex))}`, `shape=${shape(vertex, v === routes.root)}`];
    if (vertex.blocked) attrs.push('color="gray" fontcolor="gray"');
    else if (shown[v] === 0 && v !== routes.root) attrs.push('style=dashed');
    out.push(`  ${q(idOf(vertex))} [${attrs.join(' ')}];`);
  });
  edges.forEach((edge, e) => {
    const from = q(idOf(vertices[edge.tail]!));
    const to = q(idOf(vertices[edge.head]!));
    if (edge.member) {
      // One line per device, drawn the way the path runs (site → device, or entry radio → site)
      // so Graphviz ranks the drawing like the tree.
      const siteToDevice = vertices[edge.tail]!.kind === 'site';
      const entry = pred[siteToDevice ? edge.tail : edge.head] === (siteToDevice ? edge.head : edge.tail);
      if (siteToDevice !== entry) out.push(`  ${from} -> ${to} [style=dotted arrowhead=none];`);
      return;
    }
    const attrs = [`label=${q(String(edge.cost))}`];
    if (used.has(e)) attrs.push('color="red" penwidth=2');
    else attrs.push('constraint=false');
    if (edge.overridden) attrs.push('fontcolor="blue"');
    out.push(`  ${from} -> ${to} [${attrs.join(' ')}];`);
  });
  for (const v of routes.viaUispParent) {
    const parent = pred[v]!;
    out.push(
      `  ${q(idOf(vertices[parent]!))} -> ${q(idOf(vertices[v]!))} [label="UISP parent" style=dashed color="red"];`,
    );
  }
  out.push('}', '');
  return out.join('\n');
}

function idOf(vertex: Vertex): string {
  return vertex.device === undefined ? siteNodeId(vertex.site.id) : deviceNodeId(vertex.device.id);
}

function label(vertex: Vertex): string {
  return vertex.device === undefined ? vertex.site.name || vertex.site.id : vertex.device.name;
}

function shape(vertex: Vertex, root: boolean): string {
  if (root) return 'doubleoctagon';
  return vertex.device === undefined ? 'box' : 'ellipse';
}

/** A DOT quoted string: JSON's escaping is DOT's (`\"`, `\\`; `\n` is a line break in labels). */
function q(text: string): string {
  return JSON.stringify(text);
}
