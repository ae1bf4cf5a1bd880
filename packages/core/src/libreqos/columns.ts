/** ShapedDevices.csv column names and the v2.2 header-matching rules (spec A.1.3). */

export type ColumnKey =
  | 'circuitId'
  | 'circuitName'
  | 'deviceId'
  | 'deviceName'
  | 'parentNode'
  | 'parentNodeId'
  | 'anchorNodeId'
  | 'mac'
  | 'ipv4'
  | 'ipv6'
  | 'downloadMin'
  | 'uploadMin'
  | 'downloadMax'
  | 'uploadMax'
  | 'comment'
  | 'sqm'
  | 'username';

export const LEGACY_HEADER = [
  'Circuit ID',
  'Circuit Name',
  'Device ID',
  'Device Name',
  'Parent Node',
  'MAC',
  'IPv4',
  'IPv6',
  'Download Min Mbps',
  'Upload Min Mbps',
  'Download Max Mbps',
  'Upload Max Mbps',
  'Comment',
] as const;

export const V22_HEADER = [
  'Circuit ID',
  'Circuit Name',
  'Device ID',
  'Device Name',
  'Parent Node',
  'Parent Node ID',
  'Anchor Node ID',
  'MAC',
  'IPv4',
  'IPv6',
  'Download Min Mbps',
  'Upload Min Mbps',
  'Download Max Mbps',
  'Upload Max Mbps',
  'Comment',
] as const;

/** Positions LibreQoS ≤ 2.1 reads; v2.2 falls back to them for header names it does not know. */
export const LEGACY_POSITIONS: Partial<Record<ColumnKey, number>> = {
  circuitId: 0,
  circuitName: 1,
  deviceId: 2,
  deviceName: 3,
  parentNode: 4,
  mac: 5,
  ipv4: 6,
  ipv6: 7,
  downloadMin: 8,
  uploadMin: 9,
  downloadMax: 10,
  uploadMax: 11,
  comment: 12,
  sqm: 13,
};

// A Map, not an object literal: a header named `constructor` must not find Object.prototype.
const ALIASES = new Map<string, ColumnKey>(
  Object.entries({
    circuitid: 'circuitId',
    circuitname: 'circuitName',
    deviceid: 'deviceId',
    devicename: 'deviceName',
    parentnode: 'parentNode',
    parentnodeid: 'parentNodeId',
    anchornodeid: 'anchorNodeId',
    id: 'anchorNodeId',
    mac: 'mac',
    ipv4: 'ipv4',
    ipv6: 'ipv6',
    downloadmin: 'downloadMin',
    downloadminmbps: 'downloadMin',
    uploadmin: 'uploadMin',
    uploadminmbps: 'uploadMin',
    downloadmax: 'downloadMax',
    downloadmaxmbps: 'downloadMax',
    uploadmax: 'uploadMax',
    uploadmaxmbps: 'uploadMax',
    comment: 'comment',
    sqm: 'sqm',
    radiususername: 'username',
    username: 'username',
  } satisfies Record<string, ColumnKey>),
);

/** v2.2 rule: lower-case, alphanumerics only (`Circuit ID`, `circuit_id`, `CircuitID` are one key). */
export function normalizeHeaderName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function columnKeyOf(name: string): ColumnKey | undefined {
  return ALIASES.get(normalizeHeaderName(name));
}
