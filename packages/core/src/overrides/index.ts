export type { BandwidthOverride } from './bandwidth.js';
export { applyBandwidthOverrides, parseBandwidthOverrides, readBandwidthOverrides } from './bandwidth.js';
