export type { BandwidthOverride } from './bandwidth.js';
export { applyBandwidthOverrides, parseBandwidthOverrides, readBandwidthOverrides } from './bandwidth.js';
export type { OverrideRow } from './csv.js';
export { overrideRows, readOverrideFile, throwOverrideProblems } from './csv.js';
