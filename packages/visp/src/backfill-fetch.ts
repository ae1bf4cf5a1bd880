/**
 * The per-customer lookup for subscribers the bulk query did not cover (§9.6 step 8): their active
 * services, and their IP list when a service would otherwise have no address. Customers are looked
 * up a few at a time; answers keep the subscribers' order, so the output does not depend on timing.
 *
 * A customer VISP answers with a GraphQL error is skipped (as LibreQoS does); a network or auth
 * failure that outlives the retries stops the run instead of writing a partial list.
 */
import { isHttpError, isWispError } from '@wispsync/core';
import type { VispApi } from './client.js';
import { type IpAllowed, splitIpv4Candidates } from './ips.js';
import { CUSTOMER_IP_LIST, customerServicesQuery } from './queries.js';
import { type BackfillAnswer, isRow, jsonObject, objectRows, type Row, text } from './records.js';
import { serviceIsActive, serviceIsShapable } from './values.js';

export interface BackfillOptions {
  api: VispApi;
  customers: { id: number; subscriber: Row }[];
  serviceTypes: string[];
  concurrency: number;
  allowed: IpAllowed;
  warn(message: string): void;
}

export async function fetchBackfill(options: BackfillOptions): Promise<BackfillAnswer[]> {
  const allowlist = new Set(options.serviceTypes.map((type) => type.toLowerCase()));
  const queries = new ServiceQueries(options);
  return pool(options.customers, options.concurrency, async ({ id, subscriber }) => {
    let services: Row[];
    try {
      services = await queries.services(id);
    } catch (error) {
      if (isHttpError(error) || !isWispError(error)) throw error;
      return { customerId: id, services: [], error: error.message };
    }
    const answer: BackfillAnswer = { customerId: id, services };
    if (needsIpList(services, subscriber, allowlist, options.allowed)) {
      try {
        const data = await options.api.request('CustomerIpList', CUSTOMER_IP_LIST, { customer_id: id });
        if (isRow(data.row)) answer.ipList = data.row;
      } catch (error) {
        if (isHttpError(error) || !isWispError(error)) throw error;
        options.warn(
          `VISP customer ${id}: the IP list lookup failed (${error.message}); continuing without it`,
        );
      }
    }
    return answer;
  });
}

/**
 * customerServices with a details fragment per allowlisted type. VISP's schema is not published:
 * if it rejects a fragment, the lookup falls back to LibreQoS's query (Wifi details only) for the
 * rest of the run, with one warning.
 */
class ServiceQueries {
  private wifiOnly: boolean;
  private readonly full: string;
  private readonly fallback: string;

  constructor(private readonly options: BackfillOptions) {
    this.full = customerServicesQuery(options.serviceTypes, false);
    this.fallback = customerServicesQuery(options.serviceTypes, true);
    this.wifiOnly = this.full === this.fallback;
  }

  async services(customerId: number): Promise<Row[]> {
    if (this.wifiOnly) return this.ask(this.fallback, customerId);
    try {
      return await this.ask(this.full, customerId);
    } catch (error) {
      if (isHttpError(error) || !isWispError(error)) throw error;
      const rows = await this.ask(this.fallback, customerId);
      if (!this.wifiOnly) {
        this.wifiOnly = true;
        this.options.warn(
          `VISP rejected the service-type fragments of service_type_allowlist (${error.message}); reading ServiceTypeWifi details only`,
        );
      }
      return rows;
    }
  }

  private async ask(query: string, customerId: number): Promise<Row[]> {
    const data = await this.options.api.request('CustomerServices', query, { customer_id: customerId });
    return objectRows(data.rows).rows;
  }
}

/** Whether a service the mapper will shape has no address of its own or from the subscriber row. */
export function needsIpList(
  services: readonly Row[],
  subscriber: Row,
  allowlist: ReadonlySet<string>,
  allowed: IpAllowed,
): boolean {
  const cache = splitIpv4Candidates(allowed, subscriber.package_ip, subscriber.equipment_ip);
  return services.some((service) => {
    const details = jsonObject(service.service_details);
    if (!serviceIsShapable(service.service_type, details, allowlist)) return false;
    if (!serviceIsActive({ status: service.status })) return false;
    if (text(details.service_number) === '' && text(service.id) === '') return false;
    return splitIpv4Candidates(allowed, details.ip_address, cache).length === 0;
  });
}

/** Runs `work` over the items, `limit` at a time; results in item order; stops at the first failure. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
