import { type LibreQosVersion, RATE_FIELDS } from '@wispsync/core';
import { ipKey } from './fix-ips.js';
import type { FixedNetwork } from './fix-network.js';
import { type FixRow, type Note, RATE_NAMES } from './fix-rows.js';

/** Quoted for a change line, like the problem lines quote values. */
function json(value: string): string {
  return `'${value.replace(/\n/g, '\\n')}'`;
}

/**
 * Parents against the fixed network.json: a renamed node is followed; a Parent Node that names
 * no node is cleared (LibreQoS then picks a CPU bin); on 2.2, Parent Node ID must be the id of
 * that node and an Anchor Node ID must resolve, or they are cleared.
 */
export function fixParents(rows: FixRow[], network: FixedNetwork, target: LibreQosVersion, note: Note): void {
  for (const row of rows) {
    const renamed = network.renamed.get(row.parentNode);
    if (renamed !== undefined) {
      note(row, 'circuit', `Parent Node ${json(row.parentNode)} → ${json(renamed)} (the node was renamed)`);
      row.parentNode = renamed;
    }
    if (row.parentNode !== '' && !network.idByName.has(row.parentNode)) {
      note(row, 'circuit', `Parent Node ${json(row.parentNode)} cleared: network.json has no such node`);
      row.parentNode = '';
    }
    if (target !== '2.2') continue;
    if (row.parentNodeId !== '') {
      const wanted = row.parentNode === '' ? row.parentNodeId : (network.idByName.get(row.parentNode) ?? '');
      const next = network.ids.has(wanted) ? wanted : '';
      if (next !== row.parentNodeId) {
        note(
          row,
          'circuit',
          next === ''
            ? `Parent Node ID ${json(row.parentNodeId)} cleared: no node has that id`
            : `Parent Node ID ${json(row.parentNodeId)} → ${json(next)} (the id of Parent Node ${json(row.parentNode)})`,
        );
        row.parentNodeId = next;
      }
    }
    if (row.anchorNodeId !== '' && !network.ids.has(row.anchorNodeId)) {
      note(row, 'circuit', `Anchor Node ID ${json(row.anchorNodeId)} cleared: no node has that id`);
      row.anchorNodeId = '';
    }
  }
}

const CIRCUIT_FIELDS = [
  ['parentNode', 'Parent Node'],
  ['parentNodeId', 'Parent Node ID'],
  ['anchorNodeId', 'Anchor Node ID'],
  ['sqm', 'sqm'],
  ['comment', 'Comment'],
] as const;

/**
 * Circuit-wide values follow the circuit's first row (as LibreQoS does); an IP already used by an
 * earlier row is removed from the later one; a Device ID used twice gets a `-2`, `-3`… suffix.
 */
export function fixCircuits(rows: FixRow[], note: Note): void {
  const first = new Map<string, FixRow>();
  const ips = new Map<string, FixRow>();
  const deviceIds = new Set(rows.map((row) => row.deviceId));
  const seenDevices = new Set<string>();
  for (const row of rows) {
    const head = first.get(row.circuitId);
    if (head === undefined) first.set(row.circuitId, row);
    else {
      for (const [key, label] of CIRCUIT_FIELDS) {
        if (row[key] === head[key]) continue;
        note(
          row,
          'circuit',
          `${label} ${json(row[key])} → ${json(head[key])} (as on line ${head.line}, the circuit's first row)`,
        );
        row[key] = head[key];
      }
      for (const key of RATE_FIELDS) {
        if (Number(row.rates[key]) === Number(head.rates[key])) continue;
        note(
          row,
          'circuit',
          `${RATE_NAMES[key]} ${json(row.rates[key])} → ${json(head.rates[key])} (as on line ${head.line}, the circuit's first row)`,
        );
        row.rates[key] = head.rates[key];
      }
    }
    for (const family of ['ipv4', 'ipv6'] as const) {
      row[family] = row[family].filter((item) => {
        const key = ipKey(item);
        const owner = ips.get(key);
        if (owner === undefined) {
          ips.set(key, row);
          return true;
        }
        const where =
          owner === row
            ? 'it is listed twice on this row'
            : `already used by circuit ${json(owner.circuitId)} (line ${owner.line})`;
        note(row, 'device', `${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${json(item)} removed: ${where}`);
        return false;
      });
    }
    if (row.deviceId === '') continue;
    if (seenDevices.has(row.deviceId)) {
      let n = 2;
      while (deviceIds.has(`${row.deviceId}-${n}`)) n++;
      const unique = `${row.deviceId}-${n}`;
      note(row, 'device', `Device ID ${json(row.deviceId)} → ${json(unique)} (it was used twice)`);
      row.deviceId = unique;
      deviceIds.add(unique);
    }
    seenDevices.add(row.deviceId);
  }
}
