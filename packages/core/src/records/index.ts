export { toNumber, toText } from './coerce.js';
export type { RecordValidator } from './validator.js';
export { compileRecordValidator } from './validator.js';
