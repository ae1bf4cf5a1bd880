import { compileRecordValidator, type MapContext, type RecordValidator, toText } from '@wispsync/core';
import type { UispRaw } from './api.js';
import { dataLinkRecordSchema, deviceRecordSchema, siteRecordSchema } from './records.js';
import type { WarningList } from './report.js';
import type { UispData, UispDevice, UispLink, UispLinkEnd, UispRadio, UispSite } from './types.js';

const WIRELESS_TYPES = new Set(['wlan', 'wifi', 'wireless']);

type Json = Record<string, unknown>;
type Context = Pick<MapContext, 'skip'>;

/**
 * Checks every record against its schema and keeps the typed fields. A bad record is skipped
 * with a warning naming it (`invalid-record`); a second record with an id already seen is skipped
 * too (`duplicate-record`), the first one wins.
 */
export async function parseUisp(raw: UispRaw, context: Context, warnings: WarningList): Promise<UispData> {
  const [checkSite, checkDevice, checkLink] = await Promise.all([
    compileRecordValidator(siteRecordSchema),
    compileRecordValidator(deviceRecordSchema),
    compileRecordValidator(dataLinkRecordSchema),
  ]);
  const reject = (what: string, record: unknown, index: number, problems: string[]): void => {
    warnings.add(
      `invalid-${what}`,
      `invalid UISP ${what}s skipped`,
      `UISP ${what} ${who(what, record, index)} skipped: ${problems.join('; ')}`,
    );
    context.skip('invalid-record');
  };
  // Each answer is dropped from `raw` once parsed: the runner keeps `raw` to the end of the run,
  // and a large UISP's answers are several times the size of what is kept from them.
  const sites = keepFirst(
    parseList(raw.sites, checkSite, toSite, (record, index, problems) =>
      reject('site', record, index, problems),
    ),
    'site',
    context,
    warnings,
  );
  raw.sites = [];
  const devices = keepFirst(
    parseList(raw.devices, checkDevice, toDevice, (record, index, problems) =>
      reject('device', record, index, problems),
    ),
    'device',
    context,
    warnings,
  );
  raw.devices = [];
  const links = parseList(raw.dataLinks, checkLink, toLink, (record, index, problems) =>
    reject('data-link', record, index, problems),
  );
  raw.dataLinks = [];
  return { sites, devices, links };
}

function parseList<T>(
  records: readonly unknown[],
  check: RecordValidator,
  convert: (record: Json, index: number) => T,
  onInvalid: (record: unknown, index: number, problems: string[]) => void,
): T[] {
  const out: T[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    const problems = check(record);
    if (problems.length > 0) onInvalid(record, index, problems);
    else out.push(convert(record as Json, index));
  }
  return out;
}

function keepFirst<T extends { id: string; name: string }>(
  items: T[],
  what: string,
  context: Context,
  warnings: WarningList,
): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return true;
    }
    warnings.add(
      `duplicate-${what}`,
      `duplicate UISP ${what}s skipped`,
      `UISP ${what} id ${item.id} ("${item.name}") appears twice: the first one is used`,
    );
    context.skip('duplicate-record');
    return false;
  });
}

/** `site-7 "Jane Doe"` or `#12` when the record has no usable id. */
function who(what: string, record: unknown, index: number): string {
  const r = (record ?? {}) as Json;
  const ident = (r.identification ?? {}) as Json;
  const id = what === 'device' ? toText(ident.id) : toText(r.id);
  const name = toText(what === 'device' ? (ident.hostname ?? ident.name) : ident.name);
  const label = id === '' ? `#${index + 1}` : id;
  return name === '' ? label : `${label} "${name}"`;
}

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' ? (value as Json) : {};
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function toSite(record: Json, index: number): UispSite {
  const ident = obj(record.identification);
  const description = obj(record.description);
  const location = obj(description.location);
  const qos = obj(record.qos);
  const latitude = num(location.latitude);
  const longitude = num(location.longitude);
  const hasPosition = latitude !== undefined && longitude !== undefined;
  const name = toText(ident.name);
  return {
    index,
    id: toText(record.id),
    name,
    rawName: name,
    type: ident.type === 'endpoint' ? 'endpoint' : 'site',
    parentId: toText(obj(ident.parent).id),
    suspended: ident.suspended === true,
    address: toText(description.address),
    serviceName: toText(obj(obj(record.ucrm).service).name),
    latitude: hasPosition ? latitude : undefined,
    longitude: hasPosition ? longitude : undefined,
    downloadBps: num(qos.downloadSpeed),
    uploadBps: num(qos.uploadSpeed),
    downloadBurstKBps: num(qos.downloadBurstSize),
    uploadBurstKBps: num(qos.uploadBurstSize),
  };
}

function toDevice(record: Json, index: number): UispDevice {
  const ident = obj(record.identification);
  const overview = obj(record.overview);
  const id = toText(ident.id);
  // Flattened: a device keeps its addresses and its radios, not the interface objects.
  const cidrs: string[] = [];
  const radios: UispRadio[] = [];
  for (const entry of Array.isArray(record.interfaces) ? record.interfaces : []) {
    const face = obj(entry);
    for (const address of Array.isArray(face.addresses) ? face.addresses : []) {
      const cidr = toText(obj(address).cidr);
      if (cidr !== '') cidrs.push(cidr);
    }
    const faceIdent = obj(face.identification);
    const wireless = WIRELESS_TYPES.has(toText(faceIdent.type).toLowerCase());
    const dlRatio = num(obj(face.wireless).dlRatio);
    if (wireless || dlRatio !== undefined) radios.push({ name: toText(faceIdent.name), wireless, dlRatio });
  }
  const active = overview.wirelessActiveInterfaceIds;
  return {
    index,
    id,
    name: toText(ident.hostname) || toText(ident.name) || id,
    mac: toText(ident.mac),
    model: toText(ident.model),
    family: toText(ident.type).toLowerCase(),
    role: toText(ident.role).toLowerCase(),
    siteId: toText(obj(ident.site).id),
    ipAddress: toText(record.ipAddress),
    apDeviceId: toText(obj(obj(record.attributes).apDevice).id),
    wirelessMode: toText(overview.wirelessMode).toLowerCase(),
    downlinkBps: num(overview.downlinkCapacity),
    uplinkBps: num(overview.uplinkCapacity),
    totalBps: num(overview.totalCapacity),
    theoreticalTotalBps: num(overview.theoreticalTotalCapacity),
    activeInterfaceIds: Array.isArray(active) ? active.map(toText) : [],
    cidrs,
    radios,
  };
}

function linkEnd(value: unknown): UispLinkEnd {
  const end = obj(value);
  return {
    deviceId: toText(obj(obj(end.device).identification).id),
    siteId: toText(obj(obj(end.site).identification).id),
  };
}

function toLink(record: Json, index: number): UispLink {
  return {
    index,
    id: toText(record.id) || `#${index + 1}`,
    canDelete: record.canDelete !== false,
    from: linkEnd(record.from),
    to: linkEnd(record.to),
  };
}
