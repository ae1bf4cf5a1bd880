import type { Capacity, UispDevice, UispSettings } from './types.js';

const UNKNOWN: Capacity = Object.freeze({ download: undefined, upload: undefined });

/** airMax (identification.type airMax, or a model with `5AC` as LibreQoS matches it). */
export function isAirMax(device: UispDevice): boolean {
  return device.family === 'airmax' || device.model.includes('5AC');
}

export function isLtu(device: UispDevice): boolean {
  return device.family === 'ltu' || device.model.toUpperCase().includes('LTU');
}

/**
 * What a device can carry, in Mbps, from the capacities UISP measures (overview, bits/s):
 *  - an airMax flexible-frame AP (airMax, role ap, ap-ptmp, with a dlRatio or a theoretical total)
 *    splits its total × airmax_capacity by its dlRatio, else by
 *    airmax_flexible_frame_download_ratio (LibreQoS 2.2's rule);
 *  - any other device: downlink/uplink capacity, × airmax_capacity for airMax and × ltu_capacity
 *    for LTU.
 * Below 1 Mbps, missing, or ignore_calculated_capacity: unknown (the generated_pn default).
 */
export function deviceCapacity(device: UispDevice, settings: UispSettings): Capacity {
  if (settings.ignoreCalculatedCapacity) return UNKNOWN;
  const flexible = flexibleFrame(device, settings);
  if (flexible !== undefined) return flexible;
  let factor = 1;
  if (isAirMax(device)) factor *= settings.airmaxCapacity;
  if (isLtu(device)) factor *= settings.ltuCapacity;
  return { download: mbps(device.downlinkBps, factor), upload: mbps(device.uplinkBps, factor) };
}

function flexibleFrame(device: UispDevice, settings: UispSettings): Capacity | undefined {
  if (device.family !== 'airmax' || device.role !== 'ap' || device.wirelessMode !== 'ap-ptmp')
    return undefined;
  const ratio = downloadRatio(device);
  if (ratio === undefined && !((device.theoreticalTotalBps ?? 0) > 0)) return undefined;
  const totalBps = device.totalBps ?? Math.max(device.downlinkBps ?? 0, device.uplinkBps ?? 0);
  const total = (totalBps / 1e6) * settings.airmaxCapacity;
  if (!(total >= 1)) return undefined;
  const share = ratio ?? settings.airmaxDownloadRatio;
  return { download: whole(Math.round(total * share)), upload: whole(Math.round(total * (1 - share))) };
}

/** The AP's dlRatio: the active wireless interfaces first, then the first wireless one. */
export function downloadRatio(device: UispDevice): number | undefined {
  for (const id of device.activeInterfaceIds) {
    const ratio = normalizeRatio(device.radios.find((radio) => radio.name === id)?.dlRatio);
    if (ratio !== undefined) return ratio;
  }
  return normalizeRatio(device.radios.find((radio) => radio.wireless)?.dlRatio);
}

/** A share in (0, 1) as is, a percentage in [1, 100] / 100, anything else unusable. */
function normalizeRatio(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (value > 0 && value < 1) return value;
  if (value >= 1 && value <= 100) return value / 100;
  return undefined;
}

/** bits/s × factor → whole Mbps (the tiny epsilon keeps 300 × 0.65 at 195, not 194.99…). */
function mbps(bps: number | undefined, factor: number): number | undefined {
  if (bps === undefined) return undefined;
  return whole(Math.floor((bps / 1e6) * factor + 1e-6));
}

function whole(value: number): number | undefined {
  return value >= 1 ? value : undefined;
}

/** The smaller of two capacities, direction by direction (unknown counts as no limit). */
export function minCapacity(a: Capacity, b: Capacity): Capacity {
  return { download: minKnown(a.download, b.download), upload: minKnown(a.upload, b.upload) };
}

function minKnown(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
