import { type ConfigSchema, STRATEGIES } from '@wispsync/core';

export const SECTION = 'mikrotik_integration';

/** LibreQoS's key for the routers file (core owns it; read here with LibreQoS's default). */
export const ROUTERS_FILE_KEY = ['mikrotik_ipv6', 'config_path'] as const;
export const DEFAULT_ROUTERS_FILE = '/etc/libreqos/mikrotik_ipv6.toml';

export const configSchema: ConfigSchema = {
  [SECTION]: {
    routers_file: {
      type: 'string',
      default: '',
      description:
        "The routers file (`[[router]]` entries in LibreQoS's mikrotik_ipv6.toml format). Empty: `[mikrotik_ipv6].config_path` (default `/etc/libreqos/mikrotik_ipv6.toml`).",
    },
    timeout_secs: {
      type: 'integer',
      default: 10,
      minimum: 1,
      description:
        'Connect, login and per-command timeout for each router, in seconds; a router slower than this is skipped with a warning.',
    },
    ppp: {
      type: 'boolean',
      default: true,
      description: 'Read PPP sessions (`/ppp/active` with `/ppp/secret` and `/ppp/profile`).',
    },
    hotspot: {
      type: 'boolean',
      default: true,
      description:
        'Read hotspot sessions (`/ip/hotspot/active` with `/ip/hotspot/user` and `/ip/hotspot/user/profile`).',
    },
    dhcp: {
      type: 'boolean',
      default: true,
      description: 'Read bound DHCP leases (`/ip/dhcp-server/lease`).',
    },
    dhcp_servers: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Only leases of these DHCP server names; empty = every server.',
    },
    offline_static: {
      type: 'boolean',
      default: false,
      description:
        'Also shape offline subscribers with a fixed address: enabled PPP secrets with a `remote-address`, and enabled static (non-dynamic) DHCP leases.',
    },
    queue_rates: {
      type: 'boolean',
      default: true,
      description:
        'A session whose profile has no rate-limit (RADIUS users) takes the rate of its dynamic simple queue (`<pppoe-name>`, `<hotspot-user>`); `/queue/simple` is read only when such a session exists.',
    },
    use_burst: {
      type: 'boolean',
      default: true,
      description:
        "Count a rate-limit's burst rate into the circuit's max (the plan rate stays the sustained rate), so LibreQoS does not clip the router's bursts.",
    },
    missing_rate: {
      type: 'string',
      enum: ['default', 'skip'],
      default: 'default',
      description:
        '`default`: a subscriber without any rate-limit gets `default_download_mbps`/`default_upload_mbps`; `skip`: it is left out (counted as `no-rate`).',
    },
    default_download_mbps: {
      type: 'number',
      default: 100,
      exclusiveMinimum: 0,
      description:
        'Download plan rate of a subscriber without a rate-limit (and of an unlimited `0` direction).',
    },
    default_upload_mbps: {
      type: 'number',
      default: 100,
      exclusiveMinimum: 0,
      description:
        'Upload plan rate of a subscriber without a rate-limit (and of an unlimited `0` direction).',
    },
    strategy: {
      type: 'string',
      enum: STRATEGIES,
      default: 'full',
      description:
        'Topology: `full`/`ap_site` (router → [plan] → circuits), `ap_only` (plan nodes only, always made), `flat` (no nodes). `--strategy` overrides.',
    },
    plan_nodes: {
      type: 'boolean',
      default: false,
      description:
        'Put a node per profile (`PLAN-<profile>-<router>`) between each router and its PPP/hotspot subscribers.',
    },
    router_download_mbps: {
      type: 'number',
      default: 0,
      minimum: 0,
      description:
        'Download capacity of each router node (and its plan nodes); 0 = `[queues].generated_pn_download_mbps`. Per router: integrationMikrotikBandwidths.csv.',
    },
    router_upload_mbps: {
      type: 'number',
      default: 0,
      minimum: 0,
      description:
        'Upload capacity of each router node (and its plan nodes); 0 = `[queues].generated_pn_upload_mbps`. Per router: integrationMikrotikBandwidths.csv.',
    },
  },
};

/** The section's values, typed (validated and defaulted by core before a tool sees them). */
export interface MikrotikSettings {
  routersFile: string;
  timeoutMs: number;
  ppp: boolean;
  hotspot: boolean;
  dhcp: boolean;
  dhcpServers: string[];
  offlineStatic: boolean;
  queueRates: boolean;
  useBurst: boolean;
  missingRate: 'default' | 'skip';
  defaultDownloadMbps: number;
  defaultUploadMbps: number;
  planNodes: boolean;
  routerDownloadMbps: number;
  routerUploadMbps: number;
}

export function readSettings(config: Record<string, unknown>): MikrotikSettings {
  const s = (config[SECTION] ?? {}) as Record<string, unknown>;
  const ipv6 = (config[ROUTERS_FILE_KEY[0]] ?? {}) as Record<string, unknown>;
  const own = String(s.routers_file ?? '').trim();
  const shared = String(ipv6[ROUTERS_FILE_KEY[1]] ?? '').trim();
  return {
    routersFile: own || shared || DEFAULT_ROUTERS_FILE,
    timeoutMs: Number(s.timeout_secs ?? 10) * 1000,
    ppp: s.ppp !== false,
    hotspot: s.hotspot !== false,
    dhcp: s.dhcp !== false,
    dhcpServers: ((s.dhcp_servers as string[] | undefined) ?? []).map((name) => name.trim()).filter(Boolean),
    offlineStatic: s.offline_static === true,
    queueRates: s.queue_rates !== false,
    useBurst: s.use_burst !== false,
    missingRate: s.missing_rate === 'skip' ? 'skip' : 'default',
    defaultDownloadMbps: Number(s.default_download_mbps ?? 100),
    defaultUploadMbps: Number(s.default_upload_mbps ?? 100),
    planNodes: s.plan_nodes === true,
    routerDownloadMbps: Number(s.router_download_mbps ?? 0),
    routerUploadMbps: Number(s.router_upload_mbps ?? 0),
  };
}
