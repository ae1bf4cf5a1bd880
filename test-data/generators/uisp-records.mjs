// Builders for UISP NMS v2.1 records shaped like the real API answers (specs/libreqos-uisp-
// integration.md §2.4): every site has `identification.suspended`, every `qos` has `enabled`,
// ucrm objects are complete, capacities and counters are integers. Shared by the fixture script
// (uisp-fixtures.mjs) and the benchmark generator (uisp.mjs).

export function towerSite({ id, name, parent, lat, lon, address = '' }) {
  const site = {
    id,
    identification: { id, name, type: 'site', status: 'active', suspended: false },
    description: { address, height: 30.0, endpoints: [] },
    qos: {
      enabled: false,
      downloadSpeed: null,
      uploadSpeed: null,
      downloadBurstSize: null,
      uploadBurstSize: null,
    },
  };
  if (parent) site.identification.parent = { id: parent };
  if (lat !== undefined) site.description.location = { latitude: lat, longitude: lon };
  return site;
}

/** A client site; `down`/`up` in Mbps (sent as bits/s), bursts in kB/s. */
export function clientSite({
  id,
  name,
  parent,
  address = '',
  down,
  up,
  burstDown = null,
  burstUp = null,
  suspended = false,
  status = 'active',
  service = `${down}/${up} Residential`,
  crmId,
}) {
  const site = {
    id,
    identification: { id, name, type: 'endpoint', status, suspended },
    description: { address },
    ucrm: {
      client: { id: String(crmId), name },
      service: {
        id: String(crmId + 5000),
        name: service,
        status: suspended ? 3 : 1,
        tariffId: String(down),
        trafficShapingOverrideEnabled: false,
      },
    },
  };
  if (parent) site.identification.parent = { id: parent };
  site.qos =
    down === undefined
      ? {
          enabled: false,
          downloadSpeed: null,
          uploadSpeed: null,
          downloadBurstSize: null,
          uploadBurstSize: null,
        }
      : {
          enabled: true,
          downloadSpeed: down * 1_000_000,
          uploadSpeed: up * 1_000_000,
          downloadBurstSize: burstDown,
          uploadBurstSize: burstUp,
        };
  return site;
}

/**
 * A device. `down`/`up`/`total`/`theoretical` are Mbps (sent as bits/s). `cidrs` go on one
 * interface (`eth0` unless `interfaceName`), `wlan` adds the wireless interface with `dlRatio`.
 */
export function device({
  id,
  hostname,
  mac,
  model,
  type,
  role,
  site,
  ip = null,
  apDevice,
  wirelessMode,
  down,
  up,
  total,
  theoretical,
  dlRatio,
  cidrs = [],
  interfaceName = 'eth0',
  extraInterfaces = [],
}) {
  const record = {
    identification: {
      id,
      hostname,
      name: hostname,
      mac,
      model,
      modelName: model,
      type,
      role,
      vendor: 'Ubiquiti',
      firmwareVersion: 'v8.7.11',
      site: site === undefined ? null : { id: site },
    },
    ipAddress: ip,
    mode: role === 'router' ? 'router' : 'bridge',
    interfaces: [],
  };
  if (apDevice !== undefined)
    record.attributes = { ssid: 'wisp', apDevice: { id: apDevice.id, name: apDevice.name } };
  const bps = (mbps) => (mbps === undefined ? null : Math.round(mbps * 1_000_000));
  if (wirelessMode !== undefined || down !== undefined || total !== undefined) {
    record.overview = {
      status: 'active',
      wirelessMode: wirelessMode ?? null,
      downlinkCapacity: bps(down),
      uplinkCapacity: bps(up),
      frequency: 5180.0,
      signal: -58,
      cpu: 12,
      ram: 41,
      uptime: 864000,
      stationsCount: role === 'ap' ? 12 : 0,
      linkScore: { score: 0.92, scoreMax: 1.0, airTimeScore: 0.88, linkScore: 0.9, linkScoreHint: 'good' },
    };
    if (total !== undefined) record.overview.totalCapacity = bps(total);
    if (theoretical !== undefined) record.overview.theoreticalTotalCapacity = bps(theoretical);
    if (dlRatio !== undefined) record.overview.wirelessActiveInterfaceIds = ['wlan0'];
  }
  record.interfaces.push({
    identification: { name: interfaceName, type: 'eth', mac },
    status: { status: 'active', speed: '1000-full', currentSpeed: '1000-full' },
    addresses: cidrs.map((cidr) => ({ cidr })),
  });
  if (dlRatio !== undefined || wirelessMode !== undefined) {
    record.interfaces.push({
      identification: { name: 'wlan0', type: 'wlan', mac },
      status: { status: 'active' },
      addresses: [],
      wireless: { noiseFloor: -92, ...(dlRatio === undefined ? {} : { dlRatio }) },
    });
  }
  record.interfaces.push(...extraInterfaces);
  return record;
}

/** A data-link; each end is `{ device: [id, name]?, site: [id, name]? }`. */
export function dataLink(id, from, to, canDelete = true) {
  const end = (e) => {
    const out = {};
    if (e.device) out.device = { identification: { id: e.device[0], name: e.device[1] } };
    if (e.site) out.site = { identification: { id: e.site[0], name: e.site[1] } };
    return out;
  };
  return { id, canDelete, from: end(from), to: end(to) };
}
