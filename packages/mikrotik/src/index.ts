export { mikrotik } from './definition.js';
export { mapMikrotik, OVERRIDES_FILE } from './map.js';
export { parseRateLimit, type RateLimit, type RxTx, rateLimitFromQueue } from './rate-limit.js';
export type { MikrotikRaw, RouterData } from './raw.js';
export { configSchema } from './schema.js';
