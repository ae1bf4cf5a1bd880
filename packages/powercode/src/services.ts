import { type MapContext, type RecordValidator, toNumber, toText, warnSome } from '@wispsync/core';

/** A Powercode service's plan, in Mbps. */
export interface ServiceRate {
  id: string;
  downloadMbps: number;
  uploadMbps: number;
}

/**
 * `list_services` → service id → plan in Mbps (Powercode sends kbps). A service without a positive
 * download and upload rate cannot shape anything: it is left out with a warning, and equipment on
 * it counts as on an unknown service (LibreQoS drops it silently).
 */
export function mapServices(
  services: unknown[],
  check: RecordValidator,
  context: MapContext,
): Map<string, ServiceRate> {
  const rates = new Map<string, ServiceRate>();
  const withoutRate: string[] = [];
  services.forEach((record, index) => {
    const problems = check(record);
    const service = (record ?? {}) as Record<string, unknown>;
    const id = problems.length === 0 ? toText(service.id) : '';
    if (id === '') {
      const who = toText(service.id) || `#${index + 1}`;
      context.warn(`Powercode service ${who} skipped: ${problems.join('; ') || 'id is empty'}`);
      context.skip('invalid-record');
      return;
    }
    if (rates.has(id)) {
      context.warn(`Powercode service ${id} appears twice: the first one is used`);
      context.skip('duplicate-service');
      return;
    }
    const down = toNumber(service.rate_down);
    const up = toNumber(service.rate_up);
    if (down === undefined || up === undefined || down <= 0 || up <= 0) {
      withoutRate.push(
        `Powercode service ${id} has no usable rate (rate_down ${show(service.rate_down)}, rate_up ${show(service.rate_up)}): equipment on it is not shaped`,
      );
      context.skip('service-without-rate');
      return;
    }
    rates.set(id, { id, downloadMbps: down / 1000, uploadMbps: up / 1000 });
  });
  warnSome(context, withoutRate, 'services without a usable rate');
  return rates;
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/** The faster of two plans: higher download, then higher upload; the earlier one on a tie. */
export function faster(a: ServiceRate, b: ServiceRate): ServiceRate {
  if (b.downloadMbps !== a.downloadMbps) return b.downloadMbps > a.downloadMbps ? b : a;
  return b.uploadMbps > a.uploadMbps ? b : a;
}
