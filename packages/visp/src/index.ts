export { visp } from './definition.js';
export { mapVisp } from './map.js';
export type { VispRaw } from './records.js';
export { configSchema } from './schema.js';
