export { GENERATED_SITE_PREFIX } from './generated-sites.js';
export { buildShapingPlan } from './prepare.js';
export { syntheticNetworkJsonId } from './synthetic-id.js';
export type {
  NormalizedIp,
  SuspendedStrategy,
  TopologyOptions,
  TopologyResult,
  TopologyStrategy,
} from './types.js';
