import type { MapContext } from '@wispsync/core';
import { SECTION } from './schema.js';
import type { UispSettings } from './types.js';

/** The validated config (defaults filled in by core) as the typed settings map() uses. */
export function readSettings(context: Pick<MapContext, 'config' | 'common'>): UispSettings {
  const section = context.config[SECTION] as Record<string, unknown>;
  const { queues } = context.common;
  return {
    site: String(section.site ?? ''),
    airmaxCapacity: Number(section.airmax_capacity),
    // A share above 1 would give the upload a negative capacity: keep it in (0, 1].
    airmaxDownloadRatio: Math.min(1, Number(section.airmax_flexible_frame_download_ratio)),
    ltuCapacity: Number(section.ltu_capacity),
    ignoreCalculatedCapacity: section.ignore_calculated_capacity === true,
    usePtmpAsParent: section.use_ptmp_as_parent === true,
    excludeSites: context.common.excludeSites,
    defaultMbps: { download: queues.generatedPnDownloadMbps, upload: queues.generatedPnUploadMbps },
  };
}
