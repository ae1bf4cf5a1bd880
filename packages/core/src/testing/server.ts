/**
 * A real HTTP server on 127.0.0.1 for tests, the demo and the benchmark: routes from code or a
 * fixture directory's mock.json, and faults (errors, delays, cut bodies, HTML pages, resets).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultQueue } from './faults.js';
import { type Answer, FixtureCache, findRoute, jsonAnswer, routeAnswer } from './routes.js';
import type { MockFault, MockRoute, MockServer, MockServerOptions, RecordedRequest } from './types.js';

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form>Please sign in</form></body></html>\n';

async function loadMockJson(fixtureDir: string | undefined): Promise<MockRoute[]> {
  if (fixtureDir === undefined) return [];
  let text: string;
  try {
    text = await readFile(join(fixtureDir, 'mock.json'), 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = JSON.parse(text) as { routes?: unknown };
  if (!Array.isArray(parsed.routes)) throw new Error(`${fixtureDir}/mock.json: "routes" must be an array`);
  return parsed.routes as MockRoute[];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function faultAnswer(fault: MockFault): Answer | undefined {
  if (fault.status !== undefined || fault.body !== undefined) {
    const status = fault.status ?? 200;
    if (fault.body === undefined) return jsonAnswer(status, { error: STATUS_CODES[status] ?? 'Error' });
    const guessed = /^\s*[[{]/.test(fault.body) ? 'application/json' : 'text/plain; charset=utf-8';
    return {
      status,
      headers: { 'content-type': fault.contentType ?? guessed },
      body: Buffer.from(fault.body),
    };
  }
  if (fault.html) {
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: Buffer.from(HTML_PAGE),
    };
  }
  return undefined;
}

/** The first half of the real body, sent as a complete response (the client sees cut-off JSON). */
async function truncated(answer: Answer): Promise<Answer> {
  const bytes = Buffer.isBuffer(answer.body) ? answer.body : await readFile(answer.body.file);
  return { ...answer, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
}

async function send(response: ServerResponse, answer: Answer): Promise<void> {
  if (response.destroyed) return;
  if (Buffer.isBuffer(answer.body)) {
    response.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    response.end(answer.body);
    return;
  }
  const { file } = answer.body;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    await send(response, jsonAnswer(500, { error: `mock fixture not found: ${file}` }));
    return;
  }
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(size) });
  // Streamed: 30 MB fixtures should not sit in memory per request.
  await pipeline(createReadStream(file), response).catch(() => undefined);
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  let routes: MockRoute[] = [...(options.routes ?? []), ...(await loadMockJson(options.fixtureDir))];
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();
  const fixtures = new FixtureCache(options.fixtureDir);
  const closing = new AbortController();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: (request.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body,
    };
    requests.push(recorded);
    const fault = faults.take(recorded);
    if (fault?.delayMs !== undefined && fault.delayMs > 0) {
      try {
        await sleep(fault.delayMs, undefined, { signal: closing.signal });
      } catch {
        return; // server closing
      }
    }
    if (fault?.reset) {
      request.socket.destroy();
      return;
    }
    const forced = fault === undefined ? undefined : faultAnswer(fault);
    if (forced !== undefined) return send(response, forced);
    const route = findRoute(routes, recorded);
    let answer = route
      ? await routeAnswer(route, recorded, fixtures)
      : jsonAnswer(404, { error: 'Not found' });
    if (fault?.truncate) answer = await truncated(answer);
    await send(response, answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A broken fixture or handler: answer 500 so the test fails visibly rather than hanging.
      if (!response.headersSent && !response.destroyed) {
        void send(response, jsonAnswer(500, { error: `mock server: ${String(error)}` }));
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    fault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setRoutes: (next) => {
      routes = [...next];
    },
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets (Node's default agent) would otherwise hold close() open.
      server.closeAllConnections();
      await closed;
    },
  };
}
