import { splynxId } from './ids.js';
import { type Coordinates, disambiguateNames, firstText, normalizeDisplayName, parseGps } from './names.js';
import type { RawRecord } from './records.js';
import type { WarningGroups } from './warnings.js';

/** A monitoring device after classification and naming. */
export interface HardwareDevice {
  id: string;
  /** Display name: `<parent>_<name>`, whitespace-normalised, `(<id>)` added when shared. */
  name: string;
  /** The same before normalisation and disambiguation, for override files written against it. */
  rawName: string;
  /** Id of the parent monitoring device; '' when none or not in the list. */
  parentId: string;
  isAp: boolean;
  /** `network_site_id`, normalised; '' when none. */
  networkSiteId: string;
  coordinates: Coordinates | undefined;
}

const AP_FLAGS = new Set(['1', 'true']);

/**
 * Is this device an access point? Its own `access_device` flag when it has the key, else its
 * `type` (5 = AP in Splynx); failing both, it is one when a service names it as its access device.
 */
export function isAccessPoint(record: RawRecord, accessDeviceIds: ReadonlySet<string>): boolean {
  let ap = false;
  if ('access_device' in record) {
    const flag = record.access_device;
    ap =
      flag === true ||
      AP_FLAGS.has(
        String(flag ?? '')
          .trim()
          .toLowerCase(),
      );
  } else if ('type' in record) {
    ap = String(record.type ?? '').trim() === '5';
  }
  return ap || accessDeviceIds.has(splynxId(record.id));
}

/**
 * Monitoring records → devices, in list order. A repeated id keeps its first record; a parent that
 * is not in the list is dropped (the device goes to the top level) with a warning.
 */
export function readHardware(
  records: readonly RawRecord[],
  accessDeviceIds: ReadonlySet<string>,
  warnings: WarningGroups,
): HardwareDevice[] {
  const byId = new Map<string, RawRecord>();
  for (const record of records) {
    const id = splynxId(record.id);
    if (id === '') {
      warnings.add('monitoring devices skipped', 'Splynx monitoring device with id 0 skipped');
      continue;
    }
    if (byId.has(id)) {
      warnings.add('repeated monitoring ids', `Splynx monitoring id ${id} appears twice: the first is used`);
      continue;
    }
    byId.set(id, record);
  }

  const baseName = new Map<string, string>();
  const rawBase = new Map<string, string>();
  for (const [id, record] of byId) {
    const raw = firstText(record.title, record.name, record.address, record.ip) || id;
    rawBase.set(id, raw);
    baseName.set(id, normalizeDisplayName(raw, id));
  }

  const extended = new Map<string, string>();
  const devices: HardwareDevice[] = [];
  for (const [id, record] of byId) {
    const declared = splynxId(record.parent_id);
    const parentId = declared !== '' && declared !== id && byId.has(declared) ? declared : '';
    if (declared !== '' && parentId === '') {
      const why = declared === id ? 'itself' : `${declared}, which is not in the monitoring list`;
      warnings.add(
        'monitoring parents not found',
        `Splynx monitoring device ${id} "${baseName.get(id)}" names as parent_id ${why}: it is placed at the top level`,
      );
    }
    const name = baseName.get(id) ?? id;
    extended.set(id, parentId === '' ? name : `${baseName.get(parentId)}_${name}`);
    devices.push({
      id,
      name,
      rawName: parentId === '' ? (rawBase.get(id) ?? id) : `${rawBase.get(parentId)}_${rawBase.get(id)}`,
      parentId,
      isAp: isAccessPoint(record, accessDeviceIds),
      networkSiteId: splynxId(record.network_site_id),
      coordinates: parseGps(record.gps),
    });
  }
  const finalNames = disambiguateNames(extended);
  for (const device of devices) device.name = finalNames.get(device.id) ?? device.name;
  return devices;
}
