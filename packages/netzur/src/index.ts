export type { NetzurExport } from './api.js';
export { netzur } from './definition.js';
export { mapNetzur } from './map.js';
export { configSchema } from './schema.js';
