export type { CommonConfig } from './common.js';
export { readCommonConfig, stateDirectory } from './common.js';
export { envName } from './env.js';
export type { ConfigData, ConfigResult, LoadConfigOptions } from './load.js';
export { checkConfig, DEFAULT_CONFIG_PATH, loadConfig, resolveConfigPath } from './load.js';
export { normalizeExceptionCpes } from './normalize.js';
export type { ConfigSchema, KeySchema, SectionSchema, Strategy } from './schema.js';
export { coreSchema, mergeSchemas, STRATEGIES } from './schema.js';
export { configSecrets } from './secrets.js';
