/**
 * GraphQL over core's HTTP client: one POST per operation, `errors` and a missing `data` turned into
 * exit-3 errors carrying the upstream message, and page iteration driven by the caller's page rule.
 * Retries (timeouts, 5xx), auth, redaction and record/replay all come from the HTTP client.
 */
import { WispError } from '../errors/index.js';
import type { HttpClient, RequestOptions } from '../http/index.js';

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as `operationName` when given (VISP names every operation). */
  operationName?: string;
  /** Per-request headers, e.g. a freshly fetched token; redacted from messages. */
  headers?: Record<string, string>;
}

export interface GraphqlClient {
  readonly source: string;
  /** Runs one operation and returns its `data` object. */
  request(request: GraphqlRequest): Promise<Record<string, unknown>>;
}

const MESSAGE_MAX = 300;

/** Wraps an HTTP client whose requests go to `path` (relative to its base URL, or a full URL). */
export function createGraphqlClient(http: HttpClient, path = ''): GraphqlClient {
  return {
    source: http.source,
    async request(request) {
      const body: Record<string, unknown> = { query: request.query, variables: request.variables ?? {} };
      if (request.operationName !== undefined) body.operationName = request.operationName;
      const options: RequestOptions = request.headers === undefined ? {} : { headers: request.headers };
      const answer = await http.postJson(path, body, options);
      return graphqlData(http.source, request.operationName, answer);
    },
  };
}

/** Checks a GraphQL response body: `errors` wins over `data` (a partial answer is not trusted). */
export function graphqlData(
  source: string,
  operation: string | undefined,
  answer: unknown,
): Record<string, unknown> {
  const what = operation === undefined ? `${source} GraphQL` : `${source} GraphQL ${operation}`;
  if (!isObject(answer)) {
    throw new WispError('source', `${what}: the answer is not a JSON object`, {
      hint: `check that the ${source} URL points at its GraphQL endpoint`,
    });
  }
  const errors = answer.errors;
  if (errors !== undefined && errors !== null && !(Array.isArray(errors) && errors.length === 0)) {
    const messages = graphqlMessages(errors);
    throw new WispError('source', `${what} failed: ${messages[0] ?? 'unknown error'}`, {
      details: messages.slice(1, 5),
      hint: `the ${source} API rejected the query; check the account's permissions and the API version`,
    });
  }
  if (!isObject(answer.data)) {
    throw new WispError('source', `${what}: the answer has no "data" object`, {
      hint: `check that the ${source} URL points at its GraphQL endpoint`,
    });
  }
  return answer.data;
}

function graphqlMessages(errors: unknown): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  return list.map((entry) => {
    const text = isObject(entry) && typeof entry.message === 'string' ? entry.message : JSON.stringify(entry);
    return text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX)}…` : text;
  });
}

export interface PageRule<T> {
  /** The request for page `index` (0-based). */
  request(index: number): GraphqlRequest;
  /** The rows of a page's data, and whether another page follows. */
  read(data: Record<string, unknown>, index: number): { rows: T[]; more: boolean };
  /** A guard against a server that never says "last page" (default 100,000). */
  maxPages?: number;
}

/** Yields each page's rows in order; stops when `read` says there is no more. */
export async function* graphqlPages<T>(client: GraphqlClient, rule: PageRule<T>): AsyncGenerator<T[]> {
  const maxPages = rule.maxPages ?? 100_000;
  for (let index = 0; ; index++) {
    if (index >= maxPages) {
      throw new WispError('source', `${client.source} GraphQL: more than ${maxPages} pages; stopping`, {
        hint: 'the API kept announcing another page; report this with --save-responses',
      });
    }
    const request = rule.request(index);
    const { rows, more } = rule.read(await client.request(request), index);
    yield rows;
    if (!more) return;
  }
}

/** Collects every page into one array. */
export async function graphqlAll<T>(client: GraphqlClient, rule: PageRule<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const rows of graphqlPages(client, rule)) {
    for (const row of rows) all.push(row);
  }
  return all;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
