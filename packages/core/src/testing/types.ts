import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a route handler answers. `body` is JSON-serialised; `bodyText` is sent as-is. */
export interface MockReply {
  status?: number;
  body?: unknown;
  bodyText?: string;
  headers?: Record<string, string>;
}

export interface MockPagination {
  style: 'page' | 'offset';
  /** Default `page`. */
  pageParam?: string;
  /** Default `per_page`. */
  sizeParam?: string;
  /** Default `offset`. */
  offsetParam?: string;
  /** Default `limit`. */
  limitParam?: string;
  defaultSize: number;
  /** Number of the first page (default 1). */
  firstPage?: 0 | 1;
}

export interface MockRoute {
  method: string;
  path: string;
  /** Every listed parameter must match exactly; others are ignored. */
  query?: Record<string, string>;
  /** Required header (exact value); missing or wrong → 401 with `unauthorized`. */
  auth?: { header: string; value: string };
  /** Required url-encoded form fields (exact values); missing or wrong → 401 with `unauthorized`. */
  form?: Record<string, string>;
  /** JSON body of the 401 answer; default `{"error":"Unauthorized"}`. */
  unauthorized?: unknown;
  /** Default 200. */
  status?: number;
  /** JSON-serialised. */
  body?: unknown;
  /** Sent as-is. */
  bodyText?: string;
  /** Relative to the server's fixtureDir (or absolute); streamed, so large files are fine. */
  bodyFile?: string;
  contentType?: string;
  /** Serve one slice of a JSON-array body per request. */
  paginate?: MockPagination;
  /** Computes the answer; the route's other body fields are ignored. */
  handler?: (request: RecordedRequest) => MockReply | Promise<MockReply>;
}

export interface MockFault {
  /** Path without the query string. */
  path: string;
  /** Any method when absent. */
  method?: string;
  /** How many matching requests it applies to (default 1; Infinity allowed). */
  times?: number;
  /** Answer with this status instead of the route's answer. */
  status?: number;
  /** Body for `status` (default a JSON error object). */
  body?: string;
  contentType?: string;
  /** Wait before answering (or before the other fault effects). */
  delayMs?: number;
  /** Send only the first half of the real body, as a complete response. */
  truncate?: boolean;
  /** Answer 200 with an HTML page, like a login form or a proxy error page. */
  html?: boolean;
  /** Destroy the socket without answering. */
  reset?: boolean;
}

export interface MockServerOptions {
  routes?: MockRoute[];
  /** Base for `bodyFile`; its `mock.json` (`{ "routes": [...] }`) is loaded after `routes`. */
  fixtureDir?: string;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request received, in order, faults included. */
  requests: RecordedRequest[];
  /** Faults apply to the next `times` matching requests, in the order added. */
  fault(fault: MockFault): void;
  clearFaults(): void;
  setRoutes(routes: MockRoute[]): void;
  close(): Promise<void>;
}
