export type { SplynxRaw } from './api.js';
export { splynx } from './definition.js';
export { mapSplynx } from './map.js';
export { configSchema } from './schema.js';
