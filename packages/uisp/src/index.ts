export type { UispRaw } from './api.js';
export { apiBaseUrl } from './api.js';
export { uisp } from './definition.js';
export { mapUisp } from './map.js';
export { configSchema } from './schema.js';
