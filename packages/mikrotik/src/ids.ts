import type { SourceKind } from './subscriber.js';

/**
 * Every id is derived from the router's name in the routers file and the subscriber's own stable
 * key (PPP username, hotspot user, lease MAC): never a RouterOS `.id` or session id, which change
 * when a session reconnects, and never random. LibreQoS has no MikroTik integration of its own, so
 * there is no older id scheme to keep.
 */

/** `%` and `#` escaped (LibreQoS rejects `#` in a Circuit ID), line breaks made spaces. */
function part(value: string): string {
  return value
    .replaceAll('%', '%25')
    .replaceAll('#', '%23')
    .replace(/[\r\n]+/g, ' ');
}

/** `mikrotik:<router>:<ppp|hotspot|dhcp>:<username or MAC>` */
export function circuitId(router: string, kind: SourceKind, key: string): string {
  return `mikrotik:${part(router)}:${kind}:${part(key)}`;
}

/** One device per circuit: `<circuit id>:device`. */
export function deviceId(circuit: string): string {
  return `${circuit}:device`;
}

/** `mikrotik:router:<router>` (also the node's network.json "id"). */
export function routerNodeId(router: string): string {
  return `mikrotik:router:${part(router)}`;
}

/** `mikrotik:plan:<router>:<ppp|hotspot>:<profile>` */
export function planNodeId(router: string, kind: SourceKind, profile: string): string {
  return `mikrotik:plan:${part(router)}:${kind}:${part(profile)}`;
}

/**
 * `PLAN-<profile>-<router>` (the third-party script's names, so its operators keep their node
 * names); hotspot profiles get `PLAN-HS-…`, as PPP and hotspot both have a profile named `default`.
 */
export function planNodeName(router: string, kind: SourceKind, profile: string): string {
  return `PLAN-${kind === 'hotspot' ? 'HS-' : ''}${profile}-${router}`;
}

/** Text written into the CSV: one line, no edge whitespace (LibreQoS's readers disagree on it). */
export function cell(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}
