import type { PlanNode } from '../model/index.js';

const INDENT = '    ';

type Step = { node: PlanNode; depth: number; last: boolean } | { close: string };

/**
 * network.json text, 4-space indent, keys in a fixed order. The text is built from the ordered
 * arrays by hand: a JS object would move integer-like node names ("123") to the front.
 * Iterative, so a very deep tree cannot overflow the stack.
 */
export function renderNetworkJson(nodes: readonly PlanNode[]): string {
  if (nodes.length === 0) return '{}\n';
  const out: string[] = ['{\n'];
  const stack: Step[] = [{ close: '}\n' }];
  pushChildren(stack, nodes, 1);
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('close' in step) {
      out.push(step.close);
      continue;
    }
    const { node, depth, last } = step;
    const pad = INDENT.repeat(depth);
    const inner = pad + INDENT;
    out.push(`${pad}${JSON.stringify(node.name)}: {\n`);
    const lines = [
      `${inner}"downloadBandwidthMbps": ${JSON.stringify(node.downloadMbps)}`,
      `${inner}"uploadBandwidthMbps": ${JSON.stringify(node.uploadMbps)}`,
      `${inner}"type": ${JSON.stringify(node.type)}`,
    ];
    if (node.id !== undefined && node.id !== '') lines.push(`${inner}"id": ${JSON.stringify(node.id)}`);
    if (node.latitude !== undefined && node.longitude !== undefined) {
      lines.push(`${inner}"latitude": ${JSON.stringify(node.latitude)}`);
      lines.push(`${inner}"longitude": ${JSON.stringify(node.longitude)}`);
    }
    const closeNode = `${pad}}${last ? '' : ','}\n`;
    if (node.children.length === 0) {
      out.push(`${lines.join(',\n')}\n`, closeNode);
      continue;
    }
    out.push(`${lines.join(',\n')},\n${inner}"children": {\n`);
    stack.push({ close: `${inner}}\n${closeNode}` });
    pushChildren(stack, node.children, depth + 2);
  }
  return out.join('');
}

function pushChildren(stack: Step[], children: readonly PlanNode[], depth: number): void {
  for (let i = children.length - 1; i >= 0; i--) {
    stack.push({ node: children[i]!, depth, last: i === children.length - 1 });
  }
}
