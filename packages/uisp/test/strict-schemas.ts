/**
 * What LibreQoS's Rust client (serde) accepts from UISP, per specs/libreqos-uisp-integration.md
 * §2.4 / §2.5: required keys, `Option` keys (missing or null), integers where Rust has i64/u64/i32.
 * The mock's fixtures must pass these, so they look like what a real UISP sends. Stricter than
 * uisp-integration itself, which skips a bad record instead of failing the whole answer.
 */

const str = { type: ['string', 'null'] };
const int = { type: ['integer', 'null'] };
const num = { type: ['number', 'null'] };
const bool = { type: ['boolean', 'null'] };
const strings = { type: ['array', 'null'], items: { type: 'string' } };
const opt = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: ['object', 'null'],
  properties,
  required,
});
const identification = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
};

export const strictSite = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    identification: opt(
      {
        id: str,
        name: str,
        type: { enum: ['site', 'endpoint', null] },
        status: str,
        suspended: { type: 'boolean' },
        parent: opt({ id: str }),
      },
      ['suspended'],
    ),
    description: opt({
      address: str,
      location: opt({ latitude: { type: 'number' }, longitude: { type: 'number' } }, [
        'latitude',
        'longitude',
      ]),
      height: num,
      endpoints: {
        type: ['array', 'null'],
        items: { type: 'object', properties: { id: str, name: str, parentId: str } },
      },
    }),
    qos: opt(
      {
        enabled: { type: 'boolean' },
        downloadSpeed: { ...int, minimum: 0 },
        uploadSpeed: { ...int, minimum: 0 },
        downloadBurstSize: { ...int, minimum: 0 },
        uploadBurstSize: { ...int, minimum: 0 },
      },
      ['enabled'],
    ),
    ucrm: opt({
      client: opt({ id: { type: 'string' }, name: { type: 'string' } }, ['id', 'name']),
      service: opt(
        {
          id: { type: 'string' },
          name: { type: 'string' },
          status: { type: 'integer' },
          tariffId: { type: 'string' },
          trafficShapingOverrideEnabled: { type: 'boolean' },
        },
        ['id', 'name', 'status', 'tariffId', 'trafficShapingOverrideEnabled'],
      ),
    }),
  },
};

export const strictDevice = {
  type: 'object',
  required: ['identification'],
  properties: {
    identification: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        hostname: str,
        name: str,
        mac: str,
        model: str,
        modelName: str,
        firmwareVersion: str,
        vendor: str,
        vendorName: str,
        type: str,
        role: str,
        site: opt(
          {
            id: { type: 'string' },
            parent: opt({ id: { type: 'string' }, name: { type: 'string' } }, ['id', 'name']),
          },
          ['id'],
        ),
      },
    },
    ipAddress: str,
    mode: str,
    attributes: opt({ ssid: str, apDevice: opt({ id: str, name: str }) }),
    interfaces: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        properties: {
          identification: opt({ type: str, name: str, mac: str }),
          addresses: { type: ['array', 'null'], items: { type: 'object', properties: { cidr: str } } },
          status: opt({ status: str, speed: str, currentSpeed: str }),
          wireless: opt({ noiseFloor: int, dlRatio: num }),
        },
      },
    },
    overview: opt({
      downlinkCapacity: int,
      uplinkCapacity: int,
      totalCapacity: int,
      theoreticalTotalCapacity: int,
      theoreticalDownlinkCapacity: int,
      theoreticalUplinkCapacity: int,
      wirelessMode: str,
      wirelessActiveInterfaceIds: strings,
      status: str,
      frequency: num,
      outageScore: num,
      stationsCount: int,
      channelWidth: int,
      transmitPower: int,
      signal: int,
      cpu: int,
      distance: int,
      ram: int,
      temperature: int,
      uptime: int,
      createdAt: str,
      downlinkUtilization: num,
      uplinkUtilization: num,
      linkScore: opt(
        { score: num, scoreMax: num, airTimeScore: num, linkScore: num, linkScoreHint: { type: 'string' } },
        ['linkScoreHint'],
      ),
      antenna: opt({ id: str, gain: int, name: str, builtIn: bool, cableLoss: int }),
    }),
  },
};

const linkEnd = {
  type: 'object',
  properties: {
    device: opt({ identification }, ['identification']),
    site: opt({ identification }, ['identification']),
  },
};

export const strictDataLink = {
  type: 'object',
  required: ['id', 'canDelete', 'from', 'to'],
  properties: { id: { type: 'string' }, canDelete: { type: 'boolean' }, from: linkEnd, to: linkEnd },
};
