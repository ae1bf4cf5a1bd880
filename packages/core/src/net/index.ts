export type { InspectIpResult, IpFamily, IpInfo, NormalizeIpResult } from './ip.js';
export { canonicalIpv4Value, formatIpInfo, inspectIp, normalizeIp } from './ip.js';
export { splitIpList } from './list.js';
export { normalizeMac } from './mac.js';
export type { IpRange } from './range.js';
export { ipRange } from './range.js';
export type { SubnetMatcher } from './subnet.js';
export { createSubnetMatcher } from './subnet.js';
