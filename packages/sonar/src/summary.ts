import type { DeviceSource } from './devices.js';
import { splitIpVersions } from './ips.js';

export interface SummaryInput {
  sites: readonly unknown[];
  aps: readonly unknown[];
  accounts: readonly {
    parent?: string | null | undefined;
    devices: readonly { ips: readonly string[]; source: DeviceSource }[];
  }[];
}

/** LibreQoS's one-line import summary (§8.5), with the same names and counting rules. */
export function importSummary(input: SummaryInput): string {
  let devices = 0;
  let withIps = 0;
  let ipv4 = 0;
  let ipv6 = 0;
  let accountLevel = 0;
  let withParent = 0;
  for (const account of input.accounts) {
    if (account.parent) withParent++;
    for (const device of account.devices) {
      devices++;
      if (device.ips.length > 0) withIps++;
      if (device.source === 'account_ip_assignments') accountLevel++;
      const split = splitIpVersions(device.ips);
      ipv4 += split.ipv4.length;
      ipv6 += split.ipv6.length;
    }
  }
  return [
    'Sonar import summary:',
    `sites=${input.sites.length}`,
    `aps=${input.aps.length}`,
    `accounts=${input.accounts.length}`,
    `accounts_with_ap_parent=${withParent}`,
    `devices=${devices}`,
    `devices_with_ips=${withIps}`,
    `ipv4_assignments=${ipv4}`,
    `ipv6_assignments=${ipv6}`,
    `account_level_ip_devices=${accountLevel}`,
  ].join(' ');
}
