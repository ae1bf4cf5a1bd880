export type { ColumnKey } from './columns.js';
export { columnKeyOf, LEGACY_HEADER, LEGACY_POSITIONS, normalizeHeaderName, V22_HEADER } from './columns.js';
export { countCircuits } from './count.js';
export { checkNodeFields } from './node-fields.js';
export type { ParsedShapedDevices, ReadShapedDevicesOptions, ShapedDevicesFile } from './parse-csv.js';
export { parseRate, parseShapedDevices, readShapedDevices } from './parse-csv.js';
export type { NetworkJsonFile, NetworkNodeSource, ParsedNetworkJson } from './parse-network.js';
export { parseNetworkJson, readNetworkJson } from './parse-network.js';
export type { LibreQosVersion, RulePolicy, Severity } from './policy.js';
export {
  crashesOnBlankLines,
  LIBREQOS_VERSIONS,
  outputPolicy,
  readsHeaderNames,
  targetPolicy,
} from './policy.js';
export { csvCell, renderShapedDevices, renderShapedDevicesRows } from './render-csv.js';
export { renderNetworkJson } from './render-network.js';
export { planToRows, rowsToCircuits } from './rows.js';
export type { ProblemExtra, ProblemSink } from './sink.js';
export { createSink } from './sink.js';
export { isValidSqm } from './sqm.js';
export type { CsvLayout, Problem, RateField, RuleName, ShapedDevicesRow } from './types.js';
export { RATE_FIELDS } from './types.js';
export type { ValidateOutputInput } from './validate.js';
export { validateOutput } from './validate.js';
export { checkShapedDevicesFile } from './validate-file.js';
export type { LocateNode } from './validate-nodes.js';
