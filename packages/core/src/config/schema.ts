/**
 * The configuration schema: LibreQoS's /etc/lqos.conf section and key names, with a default for
 * every key we read. Tools add their own section keys; core owns the shared ones. The schema is
 * the single source of truth for validation, defaults, environment overrides and docs.
 */

export interface KeySchema {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  default: unknown;
  description: string;
  /** For arrays: the item schema (JSON Schema). */
  items?: Record<string, unknown>;
  enum?: readonly string[];
  minimum?: number;
  exclusiveMinimum?: number;
  /** `http-url`: empty, or an absolute http(s) URL. */
  format?: 'http-url' | 'cidr';
  /** A secret: never printed; may come from the environment. */
  secret?: boolean;
}

export type SectionSchema = Record<string, KeySchema>;
/** Section name → keys. The empty name holds the top-level keys (lqos_directory). */
export type ConfigSchema = Record<string, SectionSchema>;

export const STRATEGIES = ['flat', 'ap_only', 'ap_site', 'full'] as const;
export type Strategy = (typeof STRATEGIES)[number];

const exceptionCpeItem = {
  anyOf: [
    { type: 'string', pattern: '^[^:]+:.+$' },
    {
      type: 'object',
      properties: { cpe: { type: 'string', minLength: 1 }, parent: { type: 'string', minLength: 1 } },
      required: ['cpe', 'parent'],
    },
  ],
};

export const coreSchema: ConfigSchema = {
  '': {
    lqos_directory: {
      type: 'string',
      default: '/opt/libreqos/src',
      description: 'Directory that holds network.json and ShapedDevices.csv (the default output directory).',
    },
    state_directory: {
      type: 'string',
      default: '',
      description:
        'Where tools keep state between runs (token caches). Empty: `<parent>/state` when lqos_directory ends in `src`, else `<lqos_directory>/state`.',
    },
  },
  queues: {
    downlink_bandwidth_mbps: {
      type: 'number',
      default: 1000,
      exclusiveMinimum: 0,
      description: 'Internet capacity towards subscribers; caps every top-level node download.',
    },
    uplink_bandwidth_mbps: {
      type: 'number',
      default: 1000,
      exclusiveMinimum: 0,
      description: 'Internet capacity from subscribers; caps every top-level node upload.',
    },
    generated_pn_download_mbps: {
      type: 'number',
      default: 1000,
      exclusiveMinimum: 0,
      description: 'Download capacity of a site or AP the source gives none for.',
    },
    generated_pn_upload_mbps: {
      type: 'number',
      default: 1000,
      exclusiveMinimum: 0,
      description: 'Upload capacity of a site or AP the source gives none for.',
    },
  },
  ip_ranges: {
    ignore_subnets: {
      type: 'array',
      items: { type: 'string', format: 'cidr' },
      default: [],
      description:
        'Addresses inside these subnets are removed from devices; circuits left without an address are dropped.',
    },
    allow_subnets: {
      type: 'array',
      items: { type: 'string', format: 'cidr' },
      default: ['172.16.0.0/12', '10.0.0.0/8', '100.64.0.0/10', '192.168.0.0/16'],
      description:
        'Read for compatibility; LibreQoS applies it when shaping, so wispsync does not filter by it.',
    },
  },
  integration_common: {
    circuit_name_as_address: {
      type: 'boolean',
      default: false,
      description: 'Use the service address as the Circuit Name when the source has one.',
    },
    always_overwrite_network_json: {
      type: 'boolean',
      default: true,
      description:
        'When false and network.json exists, keep it and write only ShapedDevices.csv (circuits whose parent is missing from the kept file are reported).',
    },
    promote_to_root: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        'Node names moved, with everything below them, to the top level (spreads load over CPU cores).',
    },
    client_bandwidth_multiplier: {
      type: 'number',
      default: 1,
      exclusiveMinimum: 0,
      description: 'Max rate = plan × max(bandwidth_overhead_factor, client_bandwidth_multiplier).',
    },
    use_mikrotik_ipv6: {
      type: 'boolean',
      default: false,
      description:
        'Add the IPv6 addresses and delegated prefixes MikroTik routers know for each device IPv4 (routers listed in [mikrotik_ipv6].config_path). Same as [uisp_integration].ipv6_with_mikrotik.',
    },
  },
  mikrotik_ipv6: {
    config_path: {
      type: 'string',
      default: '/etc/libreqos/mikrotik_ipv6.toml',
      description:
        'The routers file of the MikroTik IPv6 enrichment (LibreQoS format: one [[router]] table per router).',
    },
    timeout_secs: {
      type: 'integer',
      default: 10,
      minimum: 1,
      description:
        'Connect, login and per-command timeout for each router of the IPv6 enrichment, in seconds.',
    },
  },
  // LibreQoS's shared Python code reads these from [uisp_integration] for every integration.
  uisp_integration: {
    exclude_sites: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Site names (case-insensitive) removed with everything below them.',
    },
    bandwidth_overhead_factor: {
      type: 'number',
      default: 1,
      exclusiveMinimum: 0,
      description: 'Max rate = plan × this (or the client multiplier, whichever is larger).',
    },
    commit_bandwidth_multiplier: {
      type: 'number',
      default: 0.98,
      exclusiveMinimum: 0,
      description: 'Min (guaranteed) rate = plan × this. 0.98 matches LibreQoS 2.x output.',
    },
    exception_cpes: {
      type: 'array',
      items: exceptionCpeItem,
      default: [],
      description:
        'Circuits re-parented by hand: "cpe:parent" strings or {cpe, parent} tables (cpe = circuit id or name).',
    },
    ipv6_with_mikrotik: {
      type: 'boolean',
      default: false,
      description:
        'Same as [integration_common].use_mikrotik_ipv6 (LibreQoS reads this key for every integration); either one turns the enrichment on.',
    },
  },
};

/** Merge a tool's sections into core's (a tool may add keys to a core section). */
export function mergeSchemas(base: ConfigSchema, extra: ConfigSchema): ConfigSchema {
  const merged: ConfigSchema = {};
  for (const [section, keys] of Object.entries(base)) merged[section] = { ...keys };
  for (const [section, keys] of Object.entries(extra)) merged[section] = { ...merged[section], ...keys };
  return merged;
}
