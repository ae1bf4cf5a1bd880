import { minCapacity } from './capacity.js';
import type { Capacity, UispDevice } from './types.js';

const STATION_ROLES = new Set(['station', 'sta', 'cpe']);

/**
 * Which end of a radio link is the AP: `a`, `b`, or undefined when nothing says. Decided by the
 * first rule that can: one names the other as its `apDevice`; roles (`ap` against
 * station/sta/cpe); wireless modes (`ap…` against `sta…`/`station…`).
 */
export function apEnd(a: UispDevice, b: UispDevice): 'a' | 'b' | undefined {
  if (a.apDeviceId !== '' && a.apDeviceId === b.id) return 'b';
  if (b.apDeviceId !== '' && b.apDeviceId === a.id) return 'a';
  const byRole = decide(
    a.role,
    b.role,
    (role) => role === 'ap',
    (role) => STATION_ROLES.has(role),
  );
  if (byRole !== undefined) return byRole;
  return decide(
    a.wirelessMode,
    b.wirelessMode,
    (mode) => mode.startsWith('ap'),
    (mode) => mode.startsWith('sta'),
  );
}

function decide(
  a: string,
  b: string,
  isAp: (value: string) => boolean,
  isStation: (value: string) => boolean,
): 'a' | 'b' | undefined {
  if (isAp(a) && isStation(b)) return 'a';
  if (isAp(b) && isStation(a)) return 'b';
  return undefined;
}

/**
 * What a link carries each way, [a → b, b → a], from both radios' capacities: towards the station
 * it is the smaller download, back towards the AP the smaller upload. Unknown orientation reads
 * `a` as the AP.
 */
export function linkCapacities(
  a: UispDevice,
  b: UispDevice,
  capacityOf: (device: UispDevice) => Capacity,
): [number | undefined, number | undefined] {
  const both = minCapacity(capacityOf(a), capacityOf(b));
  return apEnd(a, b) === 'b' ? [both.upload, both.download] : [both.download, both.upload];
}
