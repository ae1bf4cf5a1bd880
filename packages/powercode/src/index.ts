export type { PowercodeData } from './api.js';
export { powercode } from './definition.js';
export { mapPowercode } from './map.js';
export { configSchema, DEFAULT_EQUIPMENT_TYPES } from './schema.js';
export { preseemEndpoint } from './url.js';
