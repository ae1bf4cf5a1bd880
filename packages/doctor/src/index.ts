export type { CheckResult, CheckStatus } from './check.js';
export { isConfigured, sourceSettings } from './configured.js';
export type { DoctorOptions, DoctorReport } from './doctor.js';
export { runDoctor } from './doctor.js';
export { formatCheck, jsonReport, summaryLine } from './format.js';
export { INTEGRATIONS } from './integrations.js';
export { detectHost } from './libreqos-check.js';
export { main } from './main.js';
export { VERSION } from './version.js';
