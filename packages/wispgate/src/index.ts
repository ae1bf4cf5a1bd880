export { shapedDevicesEndpoint } from './api.js';
export { wispgate } from './definition.js';
export type { KeptNetwork } from './kept.js';
export { mapWispgate, type WispgateData } from './map.js';
export { configSchema } from './schema.js';
