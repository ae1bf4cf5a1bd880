import { type ConfigSchema, STRATEGIES } from '@wispsync/core';

export const SECTION = 'splynx_integration';

export const configSchema: ConfigSchema = {
  [SECTION]: {
    url: {
      type: 'string',
      format: 'http-url',
      default: '',
      description:
        'Base URL of your Splynx, e.g. `https://splynx.example.net`; requests go to `<url>/api/2.0/…`.',
    },
    api_key: {
      type: 'string',
      default: '',
      secret: true,
      description:
        'Splynx API key (Administration › API keys; needs "Unsecure access" for Basic auth). Sent as the Basic-auth user.',
    },
    api_secret: {
      type: 'string',
      default: '',
      secret: true,
      description: 'Secret of the API key, sent as the Basic-auth password.',
    },
    strategy: {
      type: 'string',
      enum: STRATEGIES,
      default: 'ap_only',
      description:
        'Topology: `flat` (no nodes), `ap_only` (AP → clients), `ap_site` (site → AP → clients, Network Sites when present), `full` (the whole monitoring hierarchy). `--strategy` overrides.',
    },
    timeout_secs: {
      type: 'integer',
      default: 120,
      minimum: 1,
      description: 'Timeout of each request attempt, in seconds (LibreQoS uses 120).',
    },
    verify_tls: {
      type: 'boolean',
      default: true,
      description: 'Verify the server certificate. Turn off only for a self-signed test server.',
    },
    page_size: {
      type: 'integer',
      default: 10000,
      minimum: 0,
      description:
        'Records asked for per request (`limit`/`offset` paging of Splynx list endpoints); 0 fetches each list in one request, as LibreQoS does.',
    },
  },
};

// Splynx sends ids as numbers or numeric strings, and uses 0 / "0" / "" / null for "none".
const idLike = { type: ['string', 'number'] };
const optionalId = { type: ['string', 'number', 'boolean', 'null'] };
const numberLike = {
  type: ['number', 'string'],
  pattern: '^\\s*-?[0-9]*\\.?[0-9]+(e[+-]?[0-9]+)?\\s*$',
};
const optionalNumber = { anyOf: [numberLike, { type: 'null' }, { type: 'string', maxLength: 0 }] };
const text = { type: ['string', 'number', 'null'] };
const ipText = { type: ['string', 'null'] };

/** admin/tariffs/internet: speeds in kbps. A tariff without both speeds is unusable. */
export const tariffSchema = {
  type: 'object',
  required: ['id', 'speed_download', 'speed_upload'],
  properties: {
    id: idLike,
    speed_download: numberLike,
    speed_upload: numberLike,
    burst_limit_fixed_down: optionalNumber,
    burst_limit_fixed_up: optionalNumber,
  },
};

/** admin/customers/customer: the name (and address, for circuit_name_as_address). */
export const customerSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    name: text,
    street_1: text,
    city: text,
    zip_code: text,
  },
};

/** admin/customers/customers-online: one session; its addresses fill in services without a static IP. */
export const onlineSchema = {
  type: 'object',
  properties: {
    service_id: optionalId,
    ipv4: ipText,
    ipv6: ipText,
  },
};

/** admin/networking/routers-sectors */
export const sectorSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: idLike, router_id: optionalId },
};

/** admin/customers/customer/0/internet-services: one circuit per active service. */
export const serviceSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    customer_id: optionalId,
    tariff_id: optionalId,
    status: { type: ['string', 'null'] },
    ipv4: ipText,
    ipv4_route: ipText,
    ipv6: ipText,
    ipv6_delegated: ipText,
    mac: { type: ['string', 'null'] },
    access_device: optionalId,
    router_id: optionalId,
  },
};

/** admin/networking/monitoring: sites and APs of the hierarchy. */
export const monitoringSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    title: text,
    name: text,
    address: text,
    ip: text,
    parent_id: optionalId,
    access_device: optionalId,
    type: { type: ['string', 'number', 'null'] },
    network_site_id: optionalId,
    gps: { type: ['string', 'null'] },
  },
};

/** admin/networking/network-sites */
export const networkSiteSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    title: text,
    description: text,
    gps: { type: ['string', 'null'] },
  },
};
