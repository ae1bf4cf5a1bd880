import type { PlanCircuit, PlanDevice } from '../model/index.js';
import type { ShapedDevicesRow } from './types.js';

/** One row per device; `line` is where the row would be written (the header is line 1). */
export function planToRows(circuits: readonly PlanCircuit[]): ShapedDevicesRow[] {
  const rows: ShapedDevicesRow[] = [];
  for (const c of circuits) {
    const rawRates = {
      downloadMin: String(c.downloadMin),
      uploadMin: String(c.uploadMin),
      downloadMax: String(c.downloadMax),
      uploadMax: String(c.uploadMax),
    };
    for (const d of c.devices) {
      rows.push({
        circuitId: c.id,
        circuitName: c.name,
        deviceId: d.id,
        deviceName: d.name,
        parentNode: c.parentNode,
        parentNodeId: c.parentNodeId,
        anchorNodeId: '',
        mac: d.mac,
        // Shared, not copied: rows are only read (200k array copies cost a GC cycle).
        ipv4: d.ipv4,
        ipv6: d.ipv6,
        downloadMin: c.downloadMin,
        uploadMin: c.uploadMin,
        downloadMax: c.downloadMax,
        uploadMax: c.uploadMax,
        rawRates,
        comment: c.comment,
        sqm: c.sqm,
        line: rows.length + 2,
      });
    }
  }
  return rows;
}

/** Group rows into circuits by Circuit ID, in first-appearance order; circuit fields from the first row. */
export function rowsToCircuits(rows: readonly ShapedDevicesRow[]): PlanCircuit[] {
  const byId = new Map<string, PlanCircuit>();
  for (const r of rows) {
    const device: PlanDevice = {
      id: r.deviceId,
      name: r.deviceName,
      mac: r.mac,
      ipv4: [...r.ipv4],
      ipv6: [...r.ipv6],
    };
    const circuit = byId.get(r.circuitId);
    if (circuit !== undefined) {
      circuit.devices.push(device);
      continue;
    }
    byId.set(r.circuitId, {
      id: r.circuitId,
      name: r.circuitName,
      parentNode: r.parentNode,
      parentNodeId: r.parentNodeId,
      downloadMin: r.downloadMin,
      uploadMin: r.uploadMin,
      downloadMax: r.downloadMax,
      uploadMax: r.uploadMax,
      comment: r.comment,
      sqm: r.sqm,
      devices: [device],
    });
  }
  return [...byId.values()];
}
