import type { CsvLayout } from './types.js';

/** LibreQoS releases whose file rules differ (spec libreqos-consumer.md §0, §A.1–A.2). */
export const LIBREQOS_VERSIONS = ['1.4', '1.5', '2.0', '2.1', '2.2'] as const;
export type LibreQosVersion = (typeof LIBREQOS_VERSIONS)[number];

export type Severity = 'error' | 'warning';

/**
 * How strict each rule is. The rules themselves are the same for the files our tools write and
 * for an operator's files; what differs is the severity: our output must load on every version
 * and never lose traffic (errors), while an operator's file is judged by what one LibreQoS
 * version does with it (an error only when that version would reject the file).
 */
export interface RulePolicy {
  /** The LibreQoS version an operator's files are checked against; undefined for our own output. */
  target: LibreQosVersion | undefined;
  /** Which columns are read: the v2.2 layout adds Parent Node ID and Anchor Node ID. */
  layout: CsvLayout;
  /** LibreQoS 1.4: rates are whole numbers, min ≥ 1, max ≥ 2 (errors). */
  wholeRates: boolean;
  /** Our legacy-layout output: warn when a rate is below LibreQoS 1.4's limits. */
  warnBelowLegacyLimits: boolean;
  /** A Parent Node that is not in network.json ('ignore' when there is no network.json to check). */
  missingParent: Severity | 'ignore';
  /** Rates or sqm that differ between the rows of a circuit (LibreQoS keeps the first row's). */
  rowMismatch: Severity;
  /** The Web UI's rules: names, Device IDs, at least one IP (LibreQoS itself loads such a file). */
  webUi: Severity;
  /** The same IPv4 twice (LibreQoS's validator only warns; IPv6 duplicates always fail). */
  duplicateIpv4: Severity;
  duplicateNodeName: Severity;
  /** Two nodes with the same "id" (LibreQoS 2.2's topology import rejects it). */
  duplicateNodeId: Severity;
  /** A "name" that differs from the node's key (LibreQoS 2.2 uses "name" instead of the key). */
  nameField: Severity;
  /** Node bandwidths that are not whole numbers (LibreQoS truncates them with int()). */
  fractionalBandwidth: Severity;
  /** A missing node bandwidth: LibreQoS 1.4/2.0 crash (2.0 on upload only); 2.1+ use the parent's. */
  missingDownload: Severity;
  missingUpload: Severity;
  /** A node bandwidth ≤ 0: LibreQoS 2.0+ replace it with the parent's rate. */
  nonPositiveBandwidth: Severity;
}

/** The rules our tools hold their own output to (validateOutput's default). */
export function outputPolicy(layout: CsvLayout, missingParent: Severity = 'error'): RulePolicy {
  return {
    target: undefined,
    layout,
    wholeRates: false,
    warnBelowLegacyLimits: layout === 'legacy',
    missingParent,
    rowMismatch: 'error',
    webUi: 'error',
    duplicateIpv4: 'error',
    duplicateNodeName: 'error',
    duplicateNodeId: 'error',
    nameField: 'error',
    fractionalBandwidth: 'error',
    missingDownload: 'error',
    missingUpload: 'error',
    nonPositiveBandwidth: 'error',
  };
}

/** What one LibreQoS version accepts in an operator's files. */
export function targetPolicy(target: LibreQosVersion): RulePolicy {
  const v14 = target === '1.4';
  const upTo20 = v14 || target === '1.5' || target === '2.0';
  const v22 = target === '2.2';
  return {
    target,
    layout: v22 ? 'v2.2' : 'legacy',
    wholeRates: v14,
    warnBelowLegacyLimits: false,
    // 1.4–2.1 leave such devices unshaped, 2.2 moves them to a generated parent: both load.
    missingParent: 'warning',
    rowMismatch: 'warning',
    webUi: 'warning',
    duplicateIpv4: 'warning',
    // 1.4 and 2.0 only warn, through a scoping bug in the validator; 2.1 fixed it.
    duplicateNodeName: upTo20 ? 'warning' : 'error',
    duplicateNodeId: v22 ? 'error' : 'warning',
    nameField: v22 ? 'error' : 'warning',
    fractionalBandwidth: 'warning',
    missingDownload: v14 ? 'error' : 'warning',
    missingUpload: upTo20 ? 'error' : 'warning',
    nonPositiveBandwidth: v14 ? 'error' : 'warning',
  };
}

/** LibreQoS ≤ 2.1 read ShapedDevices.csv by position; 2.2 by header name. */
export function readsHeaderNames(target: LibreQosVersion): boolean {
  return target === '2.2';
}

/** LibreQoS 1.4–2.1 crash on a blank line in ShapedDevices.csv; 2.2 skips it. */
export function crashesOnBlankLines(target: LibreQosVersion): boolean {
  return target !== '2.2';
}
