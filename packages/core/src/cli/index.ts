export type { FetchContext, IntegrationDefinition, MapContext } from './define.js';
export { defineIntegration } from './define.js';
export type { PlanJson, PlanNodeJson } from './json-output.js';
export { PLAN_JSON_SCHEMA, PLAN_JSON_SCHEMA_VERSION, planToJson } from './json-output.js';
export { main, runMain } from './main.js';
export type { RunOptions } from './options.js';
export type { Reporter, ReporterOptions } from './reporter.js';
export { createReporter } from './reporter.js';
export { requireSetting } from './require.js';
