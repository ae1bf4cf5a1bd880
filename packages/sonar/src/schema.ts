import type { ConfigSchema } from '@wispsync/core';

export const SECTION = 'sonar_integration';
/** LibreQoS 2.2 reads Sonar's topology mode from here (`flat`, else `full`). */
export const TOPOLOGY_SECTION = 'topology';

// Sonar ids are integers; LibreQoS's lqos.conf holds them as strings (`["10", "12"]`). Both are
// accepted; blank strings (lqos.example ships `active_status_ids = [ "" ]`) are ignored.
const idList = {
  type: 'array',
  items: { type: ['string', 'integer'], pattern: '^\\s*\\d*\\s*$', minimum: 0 },
} as const;

export const configSchema: ConfigSchema = {
  [SECTION]: {
    sonar_api_url: {
      type: 'string',
      format: 'http-url',
      default: '',
      description:
        'Your Sonar instance, e.g. `https://example.sonar.software`; requests go to `<url>/api/graphql` (a URL already ending in `/api/graphql` is used as-is).',
    },
    sonar_api_key: {
      type: 'string',
      default: '',
      secret: true,
      description: 'Sonar personal access token, sent as `Authorization: Bearer <key>`.',
    },
    snmp_community: {
      type: 'string',
      default: 'public',
      secret: true,
      description: 'SNMP community of the access points (read-only is enough).',
    },
    airmax_model_ids: {
      ...idList,
      default: [],
      description:
        'Sonar inventory model ids of Ubiquiti airMAX access points; their associated stations are read from the airMAX station table.',
    },
    ltu_model_ids: {
      ...idList,
      default: [],
      description:
        'Sonar inventory model ids of Ubiquiti LTU access points; their stations are read from the LTU station table.',
    },
    active_status_ids: {
      ...idList,
      default: [],
      description:
        'Account status ids to import. Empty: every status that activates an account (asked from Sonar).',
    },
    recurring_service_rates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['service_name', 'download_mbps', 'upload_mbps'],
        properties: {
          enabled: { type: 'boolean' },
          service_name: { type: 'string' },
          download_mbps: { type: 'number', exclusiveMinimum: 0 },
          upload_mbps: { type: 'number', exclusiveMinimum: 0 },
        },
      },
      default: [],
      description:
        'Rates (Mbps) for accounts without a data service, by the name of a recurring service on the account: `{enabled = true, service_name = "1 Gig Bulk", download_mbps = 1000, upload_mbps = 500}`.',
    },
    recurring_excluded_service_names: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Recurring services never used for a rate (compared trimmed, any letter case).',
    },
    timeout_secs: {
      type: 'integer',
      default: 60,
      minimum: 1,
      description: 'Timeout of each GraphQL request attempt, in seconds (LibreQoS reads for 60 s).',
    },
    verify_tls: {
      type: 'boolean',
      default: true,
      description: 'Verify the server certificate. Turn off only for a self-signed test server.',
    },
    page_size: {
      type: 'integer',
      default: 100,
      minimum: 1,
      description: 'Records asked for per GraphQL page (`records_per_page`; Sonar allows at most 100).',
    },
    page_concurrency: {
      type: 'integer',
      default: 4,
      minimum: 1,
      description:
        'Pages asked at the same time once the first page has given the page count; 1 asks them one by one, as LibreQoS does.',
    },
    snmp_port: {
      type: 'integer',
      default: 161,
      minimum: 1,
      description: 'UDP port the access points answer SNMP on.',
    },
    snmp_version: {
      type: 'string',
      enum: ['1', '2c'],
      default: '2c',
      description:
        'SNMP version: `2c` reads a station table in a few GetBulk requests; `1` (what LibreQoS uses) needs one request per station.',
    },
    snmp_timeout_secs: {
      type: 'number',
      default: 2,
      exclusiveMinimum: 0,
      description:
        'How long to wait for each SNMP answer, in seconds; an access point that does not answer is skipped with a warning.',
    },
    snmp_retries: {
      type: 'integer',
      default: 1,
      minimum: 0,
      description: 'SNMP requests re-sent after a timeout before an access point is given up.',
    },
    snmp_concurrency: {
      type: 'integer',
      default: 30,
      minimum: 1,
      description: 'Access points asked at the same time (LibreQoS uses 30 threads).',
    },
  },
  [TOPOLOGY_SECTION]: {
    compile_mode: {
      type: 'string',
      enum: ['', 'flat', 'ap_only', 'ap_site', 'full'],
      default: '',
      description:
        "LibreQoS 2.2 topology mode. sonar-integration reads it as LibreQoS's Sonar integration does: `flat` → every account at the top level; anything else (`full`, `full2`, `ap_site`, `ap_only`, empty) → sites › access points › accounts. `--strategy` overrides.",
    },
  },
};
