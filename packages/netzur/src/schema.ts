import type { ConfigSchema } from '@wispsync/core';

export const SECTION = 'netzur_integration';

export const configSchema: ConfigSchema = {
  [SECTION]: {
    api_url: {
      type: 'string',
      format: 'http-url',
      default: '',
      description: 'Full URL of the Netzur export endpoint that returns {zones, customers}; used as-is.',
    },
    api_key: {
      type: 'string',
      default: '',
      secret: true,
      description: 'API key, sent as `Authorization: Bearer <api_key>`.',
    },
    timeout_secs: {
      type: 'integer',
      default: 60,
      minimum: 1,
      description:
        'Timeout of each request attempt, in seconds (LibreQoS uses at least 5; wispsync uses the value as given).',
    },
    verify_tls: {
      type: 'boolean',
      default: true,
      description: 'Verify the server certificate. Turn off only for a self-signed test server.',
    },
  },
};

const idLike = { type: ['string', 'number'] };
const numberLike = {
  type: ['number', 'string', 'null'],
  pattern: '^\\s*-?[0-9]*\\.?[0-9]+(e[+-]?[0-9]+)?\\s*$',
};
const textLike = { type: ['string', 'number', 'null'] };
const ipField = { anyOf: [{ type: ['string', 'null'] }, { type: 'array', items: { type: 'string' } }] };

/** One zone as the export sends it; only the fields we use. */
export const zoneSchema = {
  type: 'object',
  properties: {
    id: { type: ['string', 'number', 'null'] },
    zone_id: { type: ['string', 'number', 'null'] },
    name: textLike,
    capacity_download_mbps: numberLike,
    capacity_upload_mbps: numberLike,
  },
};

/** One customer; the export sends Mbps as numbers or numeric strings. */
export const customerSchema = {
  type: 'object',
  required: ['subscriber_id'],
  properties: {
    subscriber_id: idLike,
    customerName: textLike,
    zone: textLike,
    address: textLike,
    download: numberLike,
    upload: numberLike,
    ip: ipField,
    ipv6: ipField,
    mac: { type: ['string', 'null'] },
  },
};
