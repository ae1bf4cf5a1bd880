/**
 * What fetch hands to map: the rows each reachable router returned, by menu. Every value is a
 * string, as RouterOS sends it (REST too). Routers that failed are absent (they were warned about).
 */

/** One reply row: attribute → value. */
export type Row = Readonly<Record<string, string>>;

export interface PppRows {
  /** `/ppp/active`: name, service, caller-id, address. */
  active: Row[];
  /** `/ppp/secret`: name, profile, remote-address, disabled, comment. */
  secrets: Row[];
  /** `/ppp/profile`: name, rate-limit. */
  profiles: Row[];
}

export interface HotspotRows {
  /** `/ip/hotspot/active`: user, address, mac-address. */
  active: Row[];
  /** `/ip/hotspot/user`: name, profile, comment. */
  users: Row[];
  /** `/ip/hotspot/user/profile`: name, rate-limit. */
  profiles: Row[];
}

export interface RouterData {
  /** The router's `name` in the routers file: part of every id. */
  name: string;
  ppp?: PppRows | undefined;
  hotspot?: HotspotRows | undefined;
  /** `/ip/dhcp-server/lease` (bound only, unless offline static leases are wanted). */
  leases?: Row[] | undefined;
  /** `/queue/simple` dynamic queues, read only when a session has no profile rate. */
  queues?: Row[] | undefined;
}

export interface MikrotikRaw {
  /** In routers-file order. */
  routers: RouterData[];
}
