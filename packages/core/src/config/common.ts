import { basename, dirname, join } from 'node:path';
import type { ConfigData } from './load.js';
import { normalizeExceptionCpes } from './normalize.js';

/** The keys core itself acts on, typed. Read after validation, so every key is present. */
export interface CommonConfig {
  lqosDirectory: string;
  /** Where state between runs lives (VISP's token cache); derived as LibreQoS does when unset. */
  stateDirectory: string;
  queues: {
    downlinkMbps: number;
    uplinkMbps: number;
    generatedPnDownloadMbps: number;
    generatedPnUploadMbps: number;
  };
  ignoreSubnets: string[];
  circuitNameAsAddress: boolean;
  alwaysOverwriteNetworkJson: boolean;
  promoteToRoot: string[];
  clientBandwidthMultiplier: number;
  /** [integration_common].use_mikrotik_ipv6 or [uisp_integration].ipv6_with_mikrotik. */
  useMikrotikIpv6: boolean;
  mikrotikIpv6: { configPath: string; timeoutSecs: number };
  excludeSites: string[];
  bandwidthOverheadFactor: number;
  commitBandwidthMultiplier: number;
  exceptionCpes: { cpe: string; parent: string }[];
}

export function readCommonConfig(data: ConfigData): CommonConfig {
  const queues = data.queues as Record<string, number>;
  const ipRanges = data.ip_ranges as Record<string, string[]>;
  const common = data.integration_common as Record<string, unknown>;
  const uisp = data.uisp_integration as Record<string, unknown>;
  const mikrotik = data.mikrotik_ipv6 as Record<string, unknown> | undefined;
  return {
    lqosDirectory: String(data.lqos_directory),
    stateDirectory: stateDirectory(String(data.lqos_directory), String(data.state_directory ?? '')),
    queues: {
      downlinkMbps: Number(queues.downlink_bandwidth_mbps),
      uplinkMbps: Number(queues.uplink_bandwidth_mbps),
      generatedPnDownloadMbps: Number(queues.generated_pn_download_mbps),
      generatedPnUploadMbps: Number(queues.generated_pn_upload_mbps),
    },
    ignoreSubnets: ipRanges.ignore_subnets ?? [],
    circuitNameAsAddress: Boolean(common.circuit_name_as_address),
    alwaysOverwriteNetworkJson: Boolean(common.always_overwrite_network_json),
    promoteToRoot: (common.promote_to_root as string[]) ?? [],
    clientBandwidthMultiplier: Number(common.client_bandwidth_multiplier),
    // LibreQoS's find_ipv6_using_mikrotik is on when either key is.
    useMikrotikIpv6: Boolean(common.use_mikrotik_ipv6) || Boolean(uisp.ipv6_with_mikrotik),
    mikrotikIpv6: {
      configPath: String(mikrotik?.config_path ?? '/etc/libreqos/mikrotik_ipv6.toml'),
      timeoutSecs: Number(mikrotik?.timeout_secs ?? 10),
    },
    excludeSites: (uisp.exclude_sites as string[]) ?? [],
    bandwidthOverheadFactor: Number(uisp.bandwidth_overhead_factor),
    commitBandwidthMultiplier: Number(uisp.commit_bandwidth_multiplier),
    exceptionCpes: normalizeExceptionCpes(uisp.exception_cpes),
  };
}

/** LibreQoS's derivation: `state_directory` if set, else beside a `src` lqos_directory, else inside it. */
export function stateDirectory(lqosDirectory: string, configured: string): string {
  if (configured.trim() !== '') return configured.trim();
  const trimmed = lqosDirectory.replace(/\/+$/, '') || '/';
  return basename(trimmed) === 'src' ? join(dirname(trimmed), 'state') : join(trimmed, 'state');
}
