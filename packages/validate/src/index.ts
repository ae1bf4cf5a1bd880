export type { InputFile, ReadCsv, ReadNetwork, ValidateFilesInput, ValidationResult } from './check.js';
export { validateFiles } from './check.js';
export type { Change, Finding } from './finding.js';
export type { FixResult } from './fix.js';
export { fixFiles } from './fix.js';
export type { JsonReport } from './format.js';
export { formatChange, formatFinding, jsonReport, verdict } from './format.js';
export { main } from './main.js';
export { VERSION } from './version.js';
