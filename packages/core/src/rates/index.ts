export { nodeBandwidth } from './bandwidth.js';
export type { CircuitRates, RateOptions } from './circuit.js';
export { computeCircuitRates, SUSPENDED_SLOW_MBPS } from './circuit.js';
export { roundRate } from './round.js';
