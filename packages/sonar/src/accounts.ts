import { type PlanRate, type RecordValidator, toText } from '@wispsync/core';
import { formatAccountAddress } from './address.js';
import { buildAccountDevices, type SonarDevice } from './devices.js';
import { type Entity, entitiesOf } from './entities.js';
import { type RateSource, resolveAccountRate } from './rates.js';
import type { RateRules } from './settings.js';

export interface SonarAccount {
  /** `sonar:account:<id>`: the circuit id. */
  id: string;
  rawId: string;
  name: string;
  address: string;
  rate: PlanRate;
  rateSource: RateSource;
  devices: SonarDevice[];
}

export type SkipReason = 'no-address' | 'no-devices' | 'no-rate';

export type AccountOutcome = { account: SonarAccount } | { skipped: SkipReason };

/** One account → a record, or why it cannot be shaped (checked in LibreQoS's order, §8.4). */
export function buildAccountRecord(
  entity: Entity,
  fallbackAddress: string,
  rules: RateRules,
): AccountOutcome {
  const address = formatAccountAddress(entity) || fallbackAddress;
  if (address === '') return { skipped: 'no-address' };
  const devices = buildAccountDevices(entity);
  if (devices.length === 0) return { skipped: 'no-devices' };
  const rate = resolveAccountRate(entity, rules);
  if (rate === undefined) return { skipped: 'no-rate' };
  const rawId = toText(entity.id);
  const { source, ...plan } = rate;
  return {
    account: {
      id: `sonar:account:${rawId}`,
      rawId,
      name: toText(entity.name) || rawId,
      address,
      rate: plan,
      rateSource: source,
      devices,
    },
  };
}

export interface AccountInput {
  rules: RateRules;
  check: RecordValidator;
  /** Called for every account left out, with its id and name for the warning. */
  onSkip(reason: SkipReason | 'invalid-record' | 'duplicate-account', who: string, detail?: string): void;
}

/**
 * All accounts (every page), then their child accounts (§8.4): a child without an address of its
 * own takes its parent's. A child that is also a top-level account is built once, from the top
 * level. Output order: top-level accounts, then children. An account skipped at the top level but
 * built as a child (it had no address of its own) is not reported as skipped.
 */
export function buildAccounts(entities: readonly unknown[], input: AccountInput): SonarAccount[] {
  const accounts: SonarAccount[] = [];
  const produced = new Set<string>();
  const children: { child: unknown; parentAddress: string }[] = [];
  const skips: { rawId: string; reason: SkipReason; who: string }[] = [];

  const build = (record: unknown, index: number, fallbackAddress: string, isChild: boolean) => {
    const entity = (record ?? {}) as Entity;
    const rawId = toText(entity.id);
    const who = describe(entity, index, isChild);
    const problems = input.check(record);
    if (problems.length > 0 || rawId === '') {
      input.onSkip('invalid-record', who, problems.join('; ') || 'it has no id');
      return undefined;
    }
    if (produced.has(rawId)) {
      if (!isChild) input.onSkip('duplicate-account', who);
      return entity;
    }
    const outcome = buildAccountRecord(entity, fallbackAddress, input.rules);
    if ('skipped' in outcome) skips.push({ rawId, reason: outcome.skipped, who });
    else {
      produced.add(rawId);
      accounts.push(outcome.account);
    }
    return entity;
  };

  entities.forEach((record, index) => {
    const entity = build(record, index, '', false);
    if (entity === undefined) return;
    const parentAddress = formatAccountAddress(entity);
    for (const child of entitiesOf(entity.child_accounts)) children.push({ child, parentAddress });
  });
  children.forEach(({ child, parentAddress }, index) => {
    build(child, index, parentAddress, true);
  });
  const reported = new Set<string>();
  for (const { rawId, reason, who } of skips) {
    if (produced.has(rawId) || reported.has(rawId)) continue;
    reported.add(rawId);
    input.onSkip(reason, who);
  }
  return accounts;
}

function describe(entity: Entity, index: number, isChild: boolean): string {
  const id = toText(entity.id);
  const name = toText(entity.name);
  const kind = isChild ? 'child account' : 'account';
  if (id === '') return `${kind} #${index + 1}`;
  return name === '' ? `${kind} ${id}` : `${kind} ${id} "${name}"`;
}
