export type { GoldenPair } from './golden.js';
export { assertNoSecret, goldenPairs, OUTPUT_FILES, readOutputs } from './golden.js';
export type { ToolHarness } from './harness.js';
export { REPO_ROOT, toolHarness } from './harness.js';
export type {
  RouterOsApiFault,
  RouterOsApiServer,
  RouterOsApiServerOptions,
} from './routeros-api-server.js';
export { startRouterOsApiServer } from './routeros-api-server.js';
export type { RestRequest, RouterOsRestServer, RouterOsRestServerOptions } from './routeros-rest-server.js';
export { startRouterOsRestServer } from './routeros-rest-server.js';
export type { RouterOsMenus } from './routeros-rows.js';
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
