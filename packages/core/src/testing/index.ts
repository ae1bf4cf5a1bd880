export type { GoldenPair } from './golden.js';
export { assertNoSecret, goldenPairs, OUTPUT_FILES, readOutputs } from './golden.js';
export type { ToolHarness } from './harness.js';
export { REPO_ROOT, toolHarness } from './harness.js';
export { startMockServer } from './server.js';
export type { ToolResult, ToolScenario, ToolScenarioOptions } from './tool.js';
export { runTool, startToolScenario } from './tool.js';
export type {
  MockFault,
  MockPagination,
  MockReply,
  MockRoute,
  MockServer,
  MockServerOptions,
  RecordedRequest,
} from './types.js';
