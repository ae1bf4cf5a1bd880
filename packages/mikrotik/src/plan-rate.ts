import type { PlanRate } from '@wispsync/core';
import type { RateLimit } from './rate-limit.js';

export interface PlanRateOptions {
  /** Count the burst rate into the max (so LibreQoS does not clip the router's bursts). */
  useBurst: boolean;
  /** Used for a direction the router leaves unlimited (`0`). */
  defaultDownloadMbps: number;
  defaultUploadMbps: number;
}

export interface SubscriberRate {
  rate: PlanRate;
  /** Directions the router leaves unlimited (rate 0), filled with the default. */
  unlimited: ('download' | 'upload')[];
}

/**
 * RouterOS rx/tx → the subscriber's download/upload in Mbps. tx (router transmits) is the
 * subscriber's DOWNLOAD, rx (router receives) the UPLOAD. The third-party script this tool replaces
 * reads them the other way round.
 */
export function toPlanRate(limit: RateLimit, options: PlanRateOptions): SubscriberRate {
  const unlimited: SubscriberRate['unlimited'] = [];
  const downloadMbps = mbps(limit.rate.tx);
  const uploadMbps = mbps(limit.rate.rx);
  if (downloadMbps === 0) unlimited.push('download');
  if (uploadMbps === 0) unlimited.push('upload');
  const rate: PlanRate = {
    downloadMbps: downloadMbps || options.defaultDownloadMbps,
    uploadMbps: uploadMbps || options.defaultUploadMbps,
  };
  if (options.useBurst && limit.burst) {
    // Core adds the burst to the plan for the max: the extra above the sustained rate.
    const extraDown = downloadMbps > 0 ? mbps(limit.burst.rate.tx) - downloadMbps : 0;
    const extraUp = uploadMbps > 0 ? mbps(limit.burst.rate.rx) - uploadMbps : 0;
    if (extraDown > 0) rate.burstDownloadMbps = extraDown;
    if (extraUp > 0) rate.burstUploadMbps = extraUp;
  }
  return { rate, unlimited };
}

function mbps(bitsPerSecond: number): number {
  return bitsPerSecond / 1e6;
}
