/**
 * UISP records after validation: only the fields the tool uses, typed, ids as strings. `index` is
 * the record's position in the API answer and breaks every tie, so runs are deterministic.
 */

export interface UispSite {
  index: number;
  id: string;
  /** Display name after duplicate names were made distinct (see names.ts). */
  name: string;
  /** The name exactly as UISP has it. */
  rawName: string;
  /** `site` = tower / infrastructure; `endpoint` = client site (a circuit). */
  type: 'site' | 'endpoint';
  /** UISP's own site hierarchy (identification.parent.id); '' when none. */
  parentId: string;
  suspended: boolean;
  address: string;
  serviceName: string;
  latitude: number | undefined;
  longitude: number | undefined;
  /** QoS in bits/s; undefined when UISP has none. */
  downloadBps: number | undefined;
  uploadBps: number | undefined;
  /** Burst sizes in kB/s, as the UISP QoS form shows them. */
  downloadBurstKBps: number | undefined;
  uploadBurstKBps: number | undefined;
}

/** A wireless interface, or one that reports a dlRatio (all capacity.ts needs of interfaces). */
export interface UispRadio {
  name: string;
  /** Its type is wlan, wifi or wireless. */
  wireless: boolean;
  /** wireless.dlRatio (airMax flexible framing), as given: a share (0–1) or a percentage. */
  dlRatio: number | undefined;
}

export interface UispDevice {
  index: number;
  id: string;
  /** identification.hostname, else identification.name, else the id. */
  name: string;
  mac: string;
  model: string;
  /** identification.type, lower case (`airmax`, `ltu`, `wave`, …). */
  family: string;
  /** identification.role, trimmed and lower case (`ap`, `station`, `router`, …). */
  role: string;
  siteId: string;
  /** Management address (ipAddress), as given. */
  ipAddress: string;
  apDeviceId: string;
  /** overview.wirelessMode, lower case (`ap-ptmp`, `sta-ptp`, …). */
  wirelessMode: string;
  /** overview capacities in bits/s. */
  downlinkBps: number | undefined;
  uplinkBps: number | undefined;
  totalBps: number | undefined;
  theoreticalTotalBps: number | undefined;
  activeInterfaceIds: string[];
  /** interfaces[].addresses[].cidr of every interface, as given. */
  cidrs: string[];
  radios: UispRadio[];
}

/** One end of a data-link: a device, a site, or both. */
export interface UispLinkEnd {
  deviceId: string;
  siteId: string;
}

export interface UispLink {
  index: number;
  id: string;
  /** false marks an Internet / WAN link. */
  canDelete: boolean;
  from: UispLinkEnd;
  to: UispLinkEnd;
}

export interface UispData {
  sites: UispSite[];
  devices: UispDevice[];
  links: UispLink[];
}

/** [uisp_integration] and the shared keys this package reads, typed. */
export interface UispSettings {
  site: string;
  airmaxCapacity: number;
  airmaxDownloadRatio: number;
  ltuCapacity: number;
  ignoreCalculatedCapacity: boolean;
  usePtmpAsParent: boolean;
  excludeSites: string[];
  /** [queues].generated_pn_*_mbps. */
  defaultMbps: { download: number; upload: number };
}

/** Capacity in Mbps; undefined = unknown (core falls back to generated_pn_*). */
export interface Capacity {
  download: number | undefined;
  upload: number | undefined;
}
