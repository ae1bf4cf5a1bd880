export type {
  Inventory,
  InventoryCircuit,
  InventoryDevice,
  InventoryLink,
  InventoryNode,
  NodeKind,
  PlanRate,
} from './inventory.js';
export type { PlanCircuit, PlanDevice, PlanNode, ShapingPlan } from './plan.js';
export type { PlanCounts } from './walk.js';
export { countPlan, walkNodes } from './walk.js';
export { capWarnings, WARNING_DETAIL_LIMIT } from './warnings.js';
