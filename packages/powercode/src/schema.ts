import type { ConfigSchema } from '@wispsync/core';

export const SECTION = 'powercode_integration';

/** The equipment types LibreQoS shapes (integrationPowercode.py); other equipment is infrastructure. */
export const DEFAULT_EQUIPMENT_TYPES = ['Customer Owned Equipment', 'Router', 'Managed Routers', 'CPE'];

export const configSchema: ConfigSchema = {
  [SECTION]: {
    powercode_api_url: {
      type: 'string',
      format: 'http-url',
      default: '',
      description:
        'Scheme and host of the Powercode server, e.g. https://powercode.example.net. The API listens on port 444, which is added unless the URL names a port.',
    },
    powercode_api_key: {
      type: 'string',
      default: '',
      secret: true,
      description: 'Powercode API key, sent as the `apiKey` form field.',
    },
    verify_tls: {
      type: 'boolean',
      default: true,
      description:
        'Verify the server certificate. Powercode servers often have a self-signed one: set false for those (LibreQoS never verifies).',
    },
    timeout_secs: {
      type: 'integer',
      default: 60,
      minimum: 1,
      description: 'Timeout of each request attempt, in seconds (LibreQoS uses 10).',
    },
    equipment_types: {
      type: 'array',
      items: { type: 'string' },
      default: DEFAULT_EQUIPMENT_TYPES,
      description:
        'Equipment types (case-insensitive) that are shaped as a customer device; other equipment is ignored.',
    },
  },
};

const idLike = { type: ['string', 'number'] };
const textLike = { type: ['string', 'number', 'null'] };
const numberLike = {
  type: ['number', 'string', 'null'],
  pattern: '^\\s*-?[0-9]*\\.?[0-9]*(e[+-]?[0-9]+)?\\s*$',
};

/** One equipment item of a customer; only the fields we use. */
export const equipmentSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    type: textLike,
    service_id: textLike,
    name: textLike,
    ip_address: { type: ['string', 'null'] },
    mac_address: { type: ['string', 'null'] },
  },
};

/** One customer of `list_customers`; Powercode sends ids as strings. */
export const customerSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    status: textLike,
    name: textLike,
    company_name: textLike,
    equipment: { type: ['array', 'null'] },
  },
};

/** One service of `list_services`; rates in kbps, as numeric strings. */
export const serviceSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    rate_down: numberLike,
    rate_up: numberLike,
  },
};
