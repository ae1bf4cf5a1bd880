import type { InventoryCircuit } from '@wispsync/core';
import { cell, circuitId, deviceId } from './ids.js';
import { toPlanRate } from './plan-rate.js';
import type { MikrotikSettings } from './schema.js';
import type { JoinContext, Subscriber } from './subscriber.js';

/** Examples named in an aggregated warning. */
const EXAMPLES = 3;

export interface Draft {
  circuit: InventoryCircuit;
  /** The subscriber the circuit was made from (the first, when several share an id). */
  subscriber: Subscriber;
}

/**
 * Subscribers (already in priority order) → circuits with one device each. Subscribers sharing
 * an id — one username with two sessions, one MAC leased by two servers — become one circuit
 * whose device holds every address. Rates come from the router's rate-limit (rx = upload, tx =
 * download); a subscriber without one gets the configured default or is skipped.
 */
export function buildCircuits(
  subscribers: readonly Subscriber[],
  settings: MikrotikSettings,
  context: JoinContext,
): Draft[] {
  const byId = new Map<string, Draft>();
  const noRate: string[] = [];
  let noRateCount = 0;
  const unlimited: string[] = [];
  let unlimitedCount = 0;
  const skipped = new Set<string>();

  for (const subscriber of subscribers) {
    const id = circuitId(subscriber.router, subscriber.kind, subscriber.key);
    const known = byId.get(id);
    if (known !== undefined) {
      const device = known.circuit.devices[0]!;
      for (const address of subscriber.addresses) {
        if (address !== '' && !device.ipv4.includes(address)) device.ipv4.push(address);
      }
      continue;
    }
    if (skipped.has(id)) continue;
    if (subscriber.limit === null) {
      noRateCount++;
      if (noRate.length < EXAMPLES) noRate.push(id);
      if (settings.missingRate === 'skip') {
        skipped.add(id);
        context.skip('no-rate');
        continue;
      }
    }
    const { rate, unlimited: open } =
      subscriber.limit === null
        ? {
            rate: { downloadMbps: settings.defaultDownloadMbps, uploadMbps: settings.defaultUploadMbps },
            unlimited: [],
          }
        : toPlanRate(subscriber.limit, settings);
    if (open.length > 0) {
      unlimitedCount++;
      if (unlimited.length < EXAMPLES) unlimited.push(`${id} (${open.join(' and ')})`);
    }
    const name = cell(subscriber.name) || subscriber.key;
    const comment = cell(subscriber.comment);
    byId.set(id, {
      subscriber,
      circuit: {
        id,
        name,
        parentId: null,
        rate,
        comment: comment === '' ? undefined : comment,
        devices: [
          {
            id: deviceId(id),
            name,
            mac: subscriber.mac,
            ipv4: subscriber.addresses.filter((address) => address !== ''),
            ipv6: [],
          },
        ],
      },
    });
  }

  if (noRateCount > 0) {
    const what =
      settings.missingRate === 'skip'
        ? 'skipped ([mikrotik_integration].missing_rate = "skip")'
        : `shaped at the default ${settings.defaultDownloadMbps}/${settings.defaultUploadMbps} Mbps`;
    context.warn(
      `${noRateCount} subscriber(s) have no rate-limit on their router (profile, lease or queue): ${what} (e.g. ${noRate.join(', ')})`,
    );
  }
  if (unlimitedCount > 0) {
    context.warn(
      `${unlimitedCount} subscriber(s) have an unlimited (0) rate-limit direction: the default rate is used for it (e.g. ${unlimited.join(', ')})`,
    );
  }
  return [...byId.values()];
}
