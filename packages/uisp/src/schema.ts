import { type ConfigSchema, STRATEGIES } from '@wispsync/core';

export const SECTION = 'uisp_integration';

/**
 * The [uisp_integration] keys this tool adds. Core already owns exclude_sites, exception_cpes,
 * bandwidth_overhead_factor and commit_bandwidth_multiplier of the same section (LibreQoS's shared
 * code reads them from here for every integration); the schemas merge per section.
 */
export const configSchema: ConfigSchema = {
  [SECTION]: {
    url: {
      type: 'string',
      format: 'http-url',
      default: '',
      description:
        'UISP address, e.g. `https://uisp.example.net`; `/nms/api/v2.1` is appended unless the URL already contains it.',
    },
    token: {
      type: 'string',
      default: '',
      secret: true,
      description: 'UISP API token (Settings → Users → App Tokens, read access), sent as `X-Auth-Token`.',
    },
    site: {
      type: 'string',
      default: '',
      description:
        'Root site (name or id) the `full` tree starts from. Empty: the one site with an Internet (WAN) data-link, if there is exactly one.',
    },
    strategy: {
      type: 'string',
      enum: STRATEGIES,
      default: 'full',
      description:
        'Topology: `flat` (no nodes), `ap_only` (AP → clients), `ap_site` (site → AP → clients), `full` (sites, backhauls and APs routed from `site`). `full2` is read as `full`.',
    },
    suspended_strategy: {
      type: 'string',
      enum: ['', 'none', 'ignore', 'slow'],
      default: 'none',
      description:
        'Suspended client sites: `none` shapes them at their plan, `ignore` leaves them out, `slow` shapes them at 0.1/0.1 Mbps. Empty = `none`.',
    },
    airmax_capacity: {
      type: 'number',
      default: 1,
      exclusiveMinimum: 0,
      description:
        'Multiplier for the capacity UISP reports for airMax devices (identification.type airMax, or a model with `5AC`); LibreQoS’s example uses 0.65.',
    },
    airmax_flexible_frame_download_ratio: {
      type: 'number',
      default: 0.8,
      exclusiveMinimum: 0,
      description:
        'Download share of an airMax flexible-frame AP’s total capacity when the AP reports no `dlRatio` (0–1).',
    },
    ltu_capacity: {
      type: 'number',
      default: 1,
      exclusiveMinimum: 0,
      description:
        'Multiplier for the capacity UISP reports for LTU devices (identification.type ltu, or a model with `LTU`); LibreQoS’s example uses 0.9.',
    },
    ignore_calculated_capacity: {
      type: 'boolean',
      default: false,
      description:
        'Ignore the capacities UISP reports: every site and AP gets [queues].generated_pn_*_mbps unless integrationUISPbandwidths.csv names it.',
    },
    use_ptmp_as_parent: {
      type: 'boolean',
      default: false,
      description:
        '`full`: a site fed over a point-to-multipoint link hangs under the feeding AP (true) or beside it, under the AP’s site (false).',
    },
    insecure_ssl: {
      type: 'boolean',
      default: false,
      description: 'Skip TLS certificate and host name checks (self-signed UISP). Avoid in production.',
    },
    timeout_secs: {
      type: 'integer',
      default: 60,
      minimum: 1,
      description: 'Timeout of each request attempt, in seconds (a large UISP can take a while for devices).',
    },
  },
};
