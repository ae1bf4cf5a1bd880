import type { InventoryCircuit, PlanRate } from '@wispsync/core';
import { deviceAddresses } from './addresses.js';
import type { UispIndex } from './clients.js';
import { listSome } from './report.js';
import type { UispSite } from './types.js';

/** UISP's QoS burst is in kB/s (its form and LibreQoS's docs): × 8 / 1000 gives Mbps. */
export function burstMbps(kBps: number | undefined): number | undefined {
  return kBps !== undefined && kBps > 0 ? (kBps * 8) / 1000 : undefined;
}

/**
 * The plan of a client site: its QoS speeds (bits/s) in Mbps, and burst when set. A direction
 * without a speed gets [queues].generated_pn_*_mbps, as LibreQoS does; `missing` says so.
 */
export function planRate(
  site: UispSite,
  defaultMbps: { download: number; upload: number },
): { rate: PlanRate; missing: boolean } {
  const down = site.downloadBps !== undefined && site.downloadBps > 0 ? site.downloadBps / 1e6 : undefined;
  const up = site.uploadBps !== undefined && site.uploadBps > 0 ? site.uploadBps / 1e6 : undefined;
  return {
    rate: {
      downloadMbps: down ?? defaultMbps.download,
      uploadMbps: up ?? defaultMbps.upload,
      burstDownloadMbps: burstMbps(site.downloadBurstKBps),
      burstUploadMbps: burstMbps(site.uploadBurstKBps),
    },
    missing: down === undefined || up === undefined,
  };
}

/**
 * One circuit per client site (id = the UISP site id, as LibreQoS) with every device at the site
 * (id = the UISP device id). `parentOf` says where each hangs. Sites in `excluded` are left out.
 */
export function buildCircuits(input: {
  clients: readonly UispSite[];
  index: UispIndex;
  excluded: ReadonlySet<string>;
  parentOf: (client: UispSite) => string | null;
  defaultMbps: { download: number; upload: number };
  warn: (message: string) => void;
  skip: (reason: string, count?: number) => void;
}): InventoryCircuit[] {
  const circuits: InventoryCircuit[] = [];
  const withoutQos: string[] = [];
  let localOnly = 0;
  for (const site of input.clients) {
    if (input.excluded.has(site.id)) continue;
    const { rate, missing } = planRate(site, input.defaultMbps);
    if (missing) withoutQos.push(`"${site.name}" (${site.id})`);
    const devices = (input.index.devicesBySite.get(site.id) ?? []).map((device) => {
      const { ipv4, ipv6, dropped } = deviceAddresses(device);
      localOnly += dropped;
      return { id: device.id, name: device.name, mac: device.mac, ipv4, ipv6 };
    });
    circuits.push({
      id: site.id,
      name: site.name || site.id,
      address: site.address || undefined,
      parentId: input.parentOf(site),
      rate,
      suspended: site.suspended,
      devices,
    });
  }
  if (localOnly > 0) input.skip('link-local-ip', localOnly);
  if (withoutQos.length > 0) {
    const { download, upload } = input.defaultMbps;
    input.warn(
      `${withoutQos.length} client site(s) have no QoS speed in UISP and are shaped at [queues].generated_pn_*_mbps (${download}/${upload} Mbps): ${listSome(withoutQos)}`,
    );
  }
  return circuits;
}
