import type { InventoryDevice } from '../model/index.js';
import { countDrop, pushDetails } from './graph.js';
import type { TopologyOptions, WorkCircuit, WorkDevice, WorkGraph } from './types.js';

type AddressOptions = Pick<TopologyOptions, 'normalizeIp' | 'normalizeMac' | 'ignoreSubnets'>;

/**
 * Step 8 — normalise every device address and decide who owns it. An address sorts itself into
 * its real family whichever list it came in. Invalid ones and ones inside ignore_subnets are
 * dropped; an address already owned by an earlier circuit (input order) is dropped from the later
 * one with a warning; repeats inside one circuit merge silently. Blank entries are skipped.
 * Devices left without an address go, and so do circuits left without a device (`no-ip`).
 */
export function assignAddresses(graph: WorkGraph, options: AddressOptions): void {
  const owner = new Map<string, WorkCircuit>();
  const invalid: string[] = [];
  const duplicates: string[] = [];

  const take = (circuit: WorkCircuit, raw: string, v4: string[], v6: string[]): void => {
    if (raw.trim() === '') return;
    const ip = options.normalizeIp(raw);
    if (!ip.ok) {
      countDrop(graph, 'invalid-ip');
      invalid.push(
        `invalid IP dropped from circuit ${circuit.id} "${circuit.name}": "${raw}" (${ip.reason})`,
      );
      return;
    }
    if (options.ignoreSubnets.contains(ip.text)) {
      countDrop(graph, 'ignored-subnet');
      return;
    }
    const first = owner.get(ip.text);
    if (first === circuit) return;
    if (first !== undefined) {
      countDrop(graph, 'duplicate-ip');
      duplicates.push(
        `duplicate IP ${ip.text}: kept on circuit ${first.id} "${first.name}", dropped from circuit ${circuit.id} "${circuit.name}"`,
      );
      return;
    }
    owner.set(ip.text, circuit);
    (ip.family === 4 ? v4 : v6).push(ip.text);
  };

  const device = (circuit: WorkCircuit, source: InventoryDevice): WorkDevice | null => {
    const ipv4: string[] = [];
    const ipv6: string[] = [];
    for (const raw of source.ipv4) take(circuit, raw, ipv4, ipv6);
    for (const raw of source.ipv6) take(circuit, raw, ipv4, ipv6);
    if (ipv4.length === 0 && ipv6.length === 0) return null;
    const id = source.id.trim();
    return { id, name: source.name.trim() || id, mac: options.normalizeMac(source.mac ?? ''), ipv4, ipv6 };
  };

  const before = graph.circuits.length;
  graph.circuits = graph.circuits.filter((circuit) => {
    circuit.devices = [];
    for (const source of circuit.source.devices) {
      const kept = device(circuit, source);
      if (kept !== null) circuit.devices.push(kept);
    }
    return circuit.devices.length > 0;
  });
  if (graph.circuits.length < before) countDrop(graph, 'no-ip', before - graph.circuits.length);

  pushDetails(graph, invalid, 'invalid IP address(es) dropped');
  pushDetails(graph, duplicates, 'duplicate IP address(es) dropped from later circuits');
}
