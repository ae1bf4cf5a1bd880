export { challengeResponse } from './api-session.js';
export { connectRouter } from './connect.js';
export { isRouterOsError, RouterOsError, type RouterOsFailure, routerLabel } from './errors.js';
export { applyIpv6Links, type Ipv6Enrichment } from './ipv6-apply.js';
export {
  enrichIpv6FromRouters,
  IPV6_MENUS,
  type Ipv6EnrichOptions,
  type Ipv6EnrichSummary,
} from './ipv6-enrich.js';
export {
  collectLinks,
  globalIpv6Of,
  type Ipv6Links,
  ipv4Of,
  macFromDuid,
  macOf,
  RANK,
  Ranked,
  RankedMap,
  type RouterTables,
} from './ipv6-links.js';
export { type Ipv6Lookup, lookupIpv6 } from './ipv6-resolve.js';
export { defaultPort, parseRouterFile, readRouterFile } from './router-file.js';
export { menuPath } from './sentence.js';
export type { ConnectOptions, PrintOptions, RouterConfig, RouterRow, RouterSession } from './types.js';
export { decodeWord, encodeLength, encodeSentence, ProtocolError, SentenceDecoder } from './words.js';
