/**
 * The REST API of RouterOS 7 on 127.0.0.1 for tests: Basic auth (401 with RouterOS's JSON body),
 * `GET /rest/<menu>` (with `?name=value` filters and `.proplist`), `POST /rest/<menu>/print` with
 * `.proplist` and `.query`, `GET /rest/system/identity`, and RouterOS's 400/404 bodies.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { RouterRow } from '../routeros/types.js';
import { normalizeMenu, type RouterOsMenus, selectRows } from './routeros-rows.js';

export interface RouterOsRestServerOptions {
  username: string;
  password: string;
  menus?: RouterOsMenus;
  /** `/system/identity`'s name. Default `MikroTik`. */
  identity?: string;
  /** www-ssl: PEM certificate and key. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Hold every request this long before answering (a slow or stalled router). */
  delayMs?: number;
}

export interface RestRequest {
  method: string;
  path: string;
  body: string;
  authorization: string | undefined;
}

export interface RouterOsRestServer {
  /** `http(s)://127.0.0.1:<port>` */
  url: string;
  host: string;
  port: number;
  readonly requests: RestRequest[];
  setMenu(menu: string, rows: RouterRow[]): void;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

const UNAUTHORIZED = { error: 401, message: 'Unauthorized' };

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function badRequest(detail: string) {
  return { detail, error: 400, message: 'Bad Request' };
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').filter((item) => item !== '');
  return [];
}

export async function startRouterOsRestServer(
  options: RouterOsRestServerOptions,
): Promise<RouterOsRestServer> {
  const menus = new Map<string, RouterRow[]>();
  for (const [menu, rows] of Object.entries(options.menus ?? {})) menus.set(normalizeMenu(menu), rows);
  const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const requests: RestRequest[] = [];
  const sockets = new Set<Socket>();
  let delayMs = options.delayMs ?? 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://router');
    const method = request.method ?? 'GET';
    requests.push({ method, path: url.pathname, body, authorization: request.headers.authorization });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (!url.pathname.startsWith('/rest/')) return reply(response, 404, { error: 404, message: 'Not Found' });
    if (request.headers.authorization !== expected) return reply(response, 401, UNAUTHORIZED);
    const path = normalizeMenu(url.pathname.slice('/rest'.length));
    if (method === 'GET' && path === '/system/identity' && !menus.has(path)) {
      return reply(response, 200, { name: options.identity ?? 'MikroTik' });
    }
    if (method === 'GET') {
      const rows = menus.get(path);
      if (rows !== undefined) {
        const queries: string[] = [];
        let proplist: string[] = [];
        for (const [name, value] of url.searchParams) {
          if (name === '.proplist') proplist = listOf(value);
          else queries.push(`${name}=${value}`);
        }
        return reply(response, 200, selectRows(rows, queries, proplist));
      }
      // `/rest/<menu>/<id>`: one item, or RouterOS's 404 when the id does not exist.
      const slash = path.lastIndexOf('/');
      const parent = menus.get(path.slice(0, slash));
      if (parent !== undefined) {
        const item = parent.find((row) => row['.id'] === path.slice(slash + 1));
        return item ? reply(response, 200, item) : reply(response, 404, { error: 404, message: 'Not Found' });
      }
      return reply(response, 400, badRequest(`no such command or directory (${path.slice(slash + 1)})`));
    }
    if (method === 'POST' && path.endsWith('/print')) {
      const rows = menus.get(path.slice(0, -'/print'.length));
      if (rows === undefined) return reply(response, 400, badRequest('no such command prefix'));
      let parsed: Record<string, unknown> = {};
      try {
        parsed = body.trim() === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
      } catch {
        return reply(response, 400, badRequest('JSON parse error'));
      }
      return reply(response, 200, selectRows(rows, listOf(parsed['.query']), listOf(parsed['.proplist'])));
    }
    return reply(response, 400, badRequest('no such command'));
  };

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => response.destroy());
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    requests,
    setMenu: (menu, rows) => menus.set(normalizeMenu(menu), rows),
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
