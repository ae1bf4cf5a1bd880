import type { PlanRate } from '../model/index.js';
import { roundRate } from './round.js';

export interface RateOptions {
  /** Min = plan × this ([uisp_integration].commit_bandwidth_multiplier). */
  commitMultiplier: number;
  /** [uisp_integration].bandwidth_overhead_factor; the max uses the larger of this and the next. */
  overheadFactor: number;
  /** [integration_common].client_bandwidth_multiplier. */
  clientMultiplier: number;
  /** Lowest min/max for an ordinary circuit; default 1 Mbps (valid on every LibreQoS version). */
  floorMbps?: number | undefined;
}

export interface CircuitRates {
  downloadMin: number;
  uploadMin: number;
  downloadMax: number;
  uploadMax: number;
}

/** The `slow` suspension strategy's rate: the only one allowed below the floor. */
export const SUSPENDED_SLOW_MBPS = 0.1;

const DEFAULT_FLOOR_MBPS = 1;

/** Plan rate → final min/max in Mbps, rounded to 2 decimals, floored, min ≤ max. */
export function computeCircuitRates(rate: PlanRate, options: RateOptions, suspended?: 'slow'): CircuitRates {
  if (suspended === 'slow') {
    return {
      downloadMin: SUSPENDED_SLOW_MBPS,
      uploadMin: SUSPENDED_SLOW_MBPS,
      downloadMax: SUSPENDED_SLOW_MBPS,
      uploadMax: SUSPENDED_SLOW_MBPS,
    };
  }
  const floor = positiveOr(options.floorMbps, DEFAULT_FLOOR_MBPS);
  const commit = finiteOr(options.commitMultiplier, 1);
  const ceiling = Math.max(finiteOr(options.overheadFactor, 1), finiteOr(options.clientMultiplier, 1));
  const downloadMax = maxRate(rate.downloadMbps, rate.burstDownloadMbps, ceiling, floor);
  const uploadMax = maxRate(rate.uploadMbps, rate.burstUploadMbps, ceiling, floor);
  return {
    downloadMin: Math.min(minRate(rate.downloadMbps, commit, floor), downloadMax),
    uploadMin: Math.min(minRate(rate.uploadMbps, commit, floor), uploadMax),
    downloadMax,
    uploadMax,
  };
}

function maxRate(plan: number, burst: number | undefined, ceiling: number, floor: number): number {
  return Math.max(roundRate((nonNegative(plan) + nonNegative(burst)) * ceiling), floor);
}

function minRate(plan: number, commit: number, floor: number): number {
  return Math.max(roundRate(nonNegative(plan) * commit), floor);
}

function nonNegative(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/** A broken multiplier must not zero every circuit: fall back to neutral. */
function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
