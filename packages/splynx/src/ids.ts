import { toText } from '@wispsync/core';

/**
 * A Splynx id as a string, '' meaning "none". Splynx mixes `11` and `"11"` across endpoints and
 * uses 0, "0", "" and null for "not set"; comparing normalised strings keeps every parent link
 * (LibreQoS compares some of these raw and orphans nodes when the types differ).
 */
export function splynxId(value: unknown): string {
  if (typeof value === 'boolean') return '';
  const text = toText(value);
  return text === '0' ? '' : text;
}

/** Device id of a service, as LibreQoS's newest Splynx integration writes it. */
export function serviceDeviceId(serviceId: string, equipmentId?: string): string {
  const base = `splynx_service_${serviceId}`;
  return equipmentId ? `${base}_equipment_${equipmentId}` : base;
}

/** Internal node keys (never written): a monitoring device and a network site may share a number. */
export const deviceKey = (id: string): string => `dev:${id}`;
export const siteKey = (id: string): string => `ns:${id}`;

/** The `"id"` LibreQoS writes for each kind of infrastructure node. */
export const networkJsonIds = {
  ap: (id: string) => `splynx:ap:${id}`,
  site: (id: string) => `splynx:site:${id}`,
  networkSite: (id: string) => `splynx:network_site:${id}`,
};
