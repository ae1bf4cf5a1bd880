import { toText } from '@wispsync/core';
import { type Entity, entitiesOf } from './entities.js';

/**
 * LibreQoS's address text from an account's first address: `line1, line2, city, ST` (the state is
 * the last two characters of Sonar's subdivision, `US_TX` → `TX`; an empty line2 is left out),
 * trimmed of surrounding commas and spaces. '' when the account has no address.
 */
export function formatAccountAddress(account: Entity): string {
  const first = entitiesOf(account.addresses)[0];
  if (first === undefined) return '';
  const line1 = toText(first.line1);
  const line2 = toText(first.line2);
  const city = toText(first.city);
  const state = toText(first.subdivision).slice(-2);
  const text = `${line1},${line2 ? ` ${line2},` : ''} ${city}, ${state}`;
  return text.replace(/^[\s,]+|[\s,]+$/g, '');
}
