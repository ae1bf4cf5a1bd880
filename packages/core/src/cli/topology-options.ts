import type { CommonConfig } from '../config/index.js';
import type { Inventory } from '../model/index.js';
import { createSubnetMatcher, normalizeIp, normalizeMac } from '../net/index.js';
import type { SuspendedStrategy, TopologyOptions, TopologyStrategy } from '../topology/index.js';

/** The topology options of a run, from the shared config (one place, so tests plan as runs do). */
export function topologyOptionsFor(
  inventory: Inventory,
  common: CommonConfig,
  strategy: TopologyStrategy,
  suspendedStrategy?: SuspendedStrategy,
): TopologyOptions {
  return {
    strategy,
    excludeSites: common.excludeSites,
    promoteToRoot: common.promoteToRoot,
    exceptionCpes: inventory.exceptionCpes ?? common.exceptionCpes,
    circuitNameAsAddress: common.circuitNameAsAddress,
    ignoreSubnets: createSubnetMatcher(common.ignoreSubnets),
    defaultNodeMbps: {
      download: common.queues.generatedPnDownloadMbps,
      upload: common.queues.generatedPnUploadMbps,
    },
    rootCapMbps: { download: common.queues.downlinkMbps, upload: common.queues.uplinkMbps },
    rates: {
      commitMultiplier: common.commitBandwidthMultiplier,
      overheadFactor: common.bandwidthOverheadFactor,
      clientMultiplier: common.clientBandwidthMultiplier,
    },
    suspendedStrategy,
    normalizeIp,
    normalizeMac,
  };
}
