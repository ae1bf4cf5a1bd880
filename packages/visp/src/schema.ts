import { type ConfigSchema, STRATEGIES } from '@wispsync/core';

export const SECTION = 'visp_integration';

/** The internet-service GraphQL types LibreQoS's config lists by default (consumer spec §A.4). */
export const DEFAULT_SERVICE_TYPES = [
  'ServiceTypeWifi',
  'ServiceTypeOtherConnection',
  'ServiceTypeFiberCircuit',
  'ServiceTypeCable',
  'ServiceTypeDsl',
  'ServiceTypeAttDsl',
  'ServiceTypeBpl',
  'ServiceTypeLte',
] as const;

export const configSchema: ConfigSchema = {
  [SECTION]: {
    client_id: {
      type: 'string',
      default: '',
      description:
        'VISP API client id, sent as `x-visp-client-id` on every request (or `VISP_CLIENT_ID` in the environment).',
    },
    client_secret: {
      type: 'string',
      default: '',
      secret: true,
      description:
        'VISP API client secret, sent as `x-visp-client-secret` on every request (or `VISP_CLIENT_SECRET`).',
    },
    username: {
      type: 'string',
      default: '',
      description: 'VISP user the token is issued to, sent only to the token URL (or `VISP_USERNAME`).',
    },
    password: {
      type: 'string',
      default: '',
      secret: true,
      description: "That user's password, sent only to the token URL (or `VISP_PASSWORD`).",
    },
    isp_id: {
      type: 'integer',
      default: 0,
      minimum: 0,
      description: 'VISP ISP id every query is scoped to; 0 takes the first `ispId` of the token.',
    },
    online_users_domain: {
      type: 'string',
      default: '',
      description:
        'RADIUS domain whose online sessions supply an address to services that have none; empty skips the query.',
    },
    timeout_secs: {
      type: 'integer',
      default: 20,
      minimum: 1,
      description:
        'Timeout of each request attempt, in seconds (LibreQoS uses at least 10; wispsync uses the value as given).',
    },
    token_url: {
      type: 'string',
      format: 'http-url',
      default: 'https://data.visp.net/token',
      description: 'Where the token is fetched (GET).',
    },
    graphql_url: {
      type: 'string',
      format: 'http-url',
      default: 'https://integrations.visp.net/graphql',
      description: 'The VISP GraphQL endpoint (POST).',
    },
    verify_tls: {
      type: 'boolean',
      default: true,
      description: 'Verify the server certificates. Turn off only for a self-signed test server.',
    },
    service_type_allowlist: {
      type: 'array',
      items: { type: 'string' },
      default: [...DEFAULT_SERVICE_TYPES],
      description:
        'GraphQL service types (`service_details.__typename`) shaped for customers the bulk query misses; any other type is skipped.',
    },
    strategy: {
      type: 'string',
      enum: STRATEGIES,
      default: 'full',
      description:
        'Topology: `flat` (no nodes), `ap_only` (APs → clients), `ap_site` (site → APs → clients), `full` (site → equipment chain → clients, as LibreQoS builds it). `--strategy` overrides.',
    },
    tenant_id: {
      type: 'integer',
      default: 0,
      minimum: 0,
      description: 'Read for compatibility with lqos.conf; neither LibreQoS nor wispsync uses it.',
    },
    disable_wifi_bulk: {
      type: 'boolean',
      default: false,
      description:
        'Skip the wireless bulk query: every subscriber goes through the per-customer lookup (or `VISP_DISABLE_WIFI_BULK=1`).',
    },
    backfill_concurrency: {
      type: 'integer',
      default: 4,
      minimum: 1,
      description:
        'How many customers the per-customer lookup queries at once (output order does not depend on it).',
    },
    debug_status: {
      type: 'boolean',
      default: false,
      description: 'Print the 12 most common service statuses (or `VISP_DEBUG_STATUS=1`).',
    },
    debug_topology: {
      type: 'boolean',
      default: false,
      description: 'Print the equipment chosen for each circuit and its score (or `VISP_DEBUG_TOPOLOGY=1`).',
    },
  },
};
