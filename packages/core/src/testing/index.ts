export { startMockServer } from './server.js';
export type {
  MockFault,
  MockPagination,
  MockReply,
  MockRoute,
  MockServer,
  MockServerOptions,
  RecordedRequest,
} from './types.js';
