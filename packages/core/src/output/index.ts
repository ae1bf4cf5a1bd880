export type { OutputFile, WriteFilesOptions } from './atomic-write.js';
export { cleanStaleTempFiles, tempFileName, writeFilesAtomically } from './atomic-write.js';
export type { CurrentOutputs } from './current.js';
export { NETWORK_JSON_FILE, readCurrentOutputs, SHAPED_DEVICES_FILE } from './current.js';
export type {
  CircuitChange,
  CircuitRef,
  CircuitSummary,
  DiffablePlan,
  FieldChange,
  NodeChange,
  PlanDiff,
} from './diff.js';
export { compareIds, diffPlans } from './diff.js';
export type { FormatDiffOptions } from './format-diff.js';
export { DEFAULT_DIFF_LIMIT, formatDiff } from './format-diff.js';
export type { OutputLockOptions, ReleaseLock } from './lock.js';
export { acquireOutputLock, DEFAULT_LOCK_STALE_MS, LOCK_FILE_NAME } from './lock.js';
export type { ShrinkInput } from './shrink.js';
export { checkShrink } from './shrink.js';
