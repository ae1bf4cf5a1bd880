import { type PlanRate, toNumber, toText } from '@wispsync/core';
import { type Entity, entitiesOf } from './entities.js';
import { normalizeServiceName, type RateRules } from './settings.js';

export type RateSource = 'data_service' | 'recurring_service';

/**
 * The account's plan rate in Mbps (§8.4 step 3): the first data service's speeds (kbps ÷ 1000);
 * without one, the first enabled RECURRING service whose name has a `recurring_service_rates`
 * entry and is not excluded. undefined: no rate, the account is skipped.
 */
export function resolveAccountRate(
  account: Entity,
  rules: RateRules,
): (PlanRate & { source: RateSource }) | undefined {
  const data = firstService(account.account_services)?.data_service_detail as Entity | null | undefined;
  if (data) {
    const down = toNumber(data.download_speed_kilobits_per_second);
    const up = toNumber(data.upload_speed_kilobits_per_second);
    if (down !== undefined && up !== undefined) {
      return { downloadMbps: down / 1000, uploadMbps: up / 1000, source: 'data_service' };
    }
  }
  if (rules.recurring.size === 0) return undefined;
  for (const entry of entitiesOf(account.all_account_services)) {
    const service = entry.service as Entity | null | undefined;
    if (!service || service.enabled === false || toText(service.type) !== 'RECURRING') continue;
    const name = normalizeServiceName(toText(service.name));
    if (name === '' || rules.excluded.has(name)) continue;
    const rule = rules.recurring.get(name);
    if (rule === undefined) continue;
    return { downloadMbps: rule.downloadMbps, uploadMbps: rule.uploadMbps, source: 'recurring_service' };
  }
  return undefined;
}

function firstService(relation: unknown): Entity | undefined {
  const service = entitiesOf(relation)[0]?.service;
  return typeof service === 'object' && service !== null ? (service as Entity) : undefined;
}
