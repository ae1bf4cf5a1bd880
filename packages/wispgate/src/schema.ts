import type { ConfigSchema } from '@wispsync/core';

export const SECTION = 'wispgate_integration';

export const configSchema: ConfigSchema = {
  [SECTION]: {
    wispgate_api_url: {
      type: 'string',
      format: 'http-url',
      default: '',
      description:
        'Base URL of WISPGate, e.g. https://wispgate.example.net; /api/libreqos/shaped-devices is added.',
    },
    wispgate_api_token: {
      type: 'string',
      default: '',
      secret: true,
      description: 'WISPGate API token, sent as the `api_token` form field.',
    },
    verify_tls: {
      type: 'boolean',
      default: true,
      description: 'Verify the server certificate. Turn off only for a self-signed test server.',
    },
    timeout_secs: {
      type: 'integer',
      default: 120,
      minimum: 1,
      description: 'Timeout of each request attempt, in seconds (LibreQoS uses 120).',
    },
  },
};

const textLike = { type: ['string', 'number', 'null'] };
const numberLike = { type: ['number', 'string', 'null'] };

/**
 * One ShapedDevices-like row. Only `Circuit ID` is required (LibreQoS needs every key; a missing
 * one is read as empty here). Rates may be numbers or numeric strings; a non-numeric rate is
 * reported per row by the mapper, not here, so the rest of the row still counts.
 */
export const rowSchema = {
  type: 'object',
  required: ['Circuit ID'],
  properties: {
    'Circuit ID': { type: ['string', 'number'] },
    'Circuit Name': textLike,
    'Device Name': textLike,
    'Parent Node': textLike,
    MAC: { type: ['string', 'null'] },
    IPv4: { type: ['string', 'null', 'array'], items: { type: 'string' } },
    IPv6: { type: ['string', 'null', 'array'], items: { type: 'string' } },
    'Download Min Mbps': numberLike,
    'Upload Min Mbps': numberLike,
    'Download Max Mbps': numberLike,
    'Upload Max Mbps': numberLike,
  },
};
