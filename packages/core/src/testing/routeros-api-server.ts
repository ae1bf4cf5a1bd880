/**
 * A RouterOS binary-API server on 127.0.0.1 for tests and benchmarks: the real wire format
 * (length-prefixed words, sentences, `.tag`), the login (plain-text, or the pre-6.43 challenge),
 * `print` of fixture menus with `.proplist` and `?` queries, `!empty` like RouterOS ≥ 7.18, `!trap`
 * on unknown commands, and faults (stall, `!fatal`, garbage bytes). Optional TLS (api-ssl).
 */
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { challengeResponse } from '../routeros/api-session.js';
import { parseReply } from '../routeros/sentence.js';
import type { RouterRow } from '../routeros/types.js';
import { encodeSentence, SentenceDecoder } from '../routeros/words.js';
import { normalizeMenu, type RouterOsMenus, selectRows } from './routeros-rows.js';

/**
 * - `stall`: accept connections and never answer anything;
 * - `stall-commands`: answer the login, then never answer a command;
 * - `fatal`: answer the login, then end the session with `!fatal` on the first command;
 * - `garbage`: answer the login, then send a reserved control byte (0xF8).
 */
export type RouterOsApiFault = 'stall' | 'stall-commands' | 'fatal' | 'garbage';

export interface RouterOsApiServerOptions {
  /** User name → password. Default `{ admin: '' }`. */
  users?: Record<string, string>;
  menus?: RouterOsMenus;
  /** `!empty` before `!done` for a print that finds nothing, as RouterOS ≥ 7.18 does. Default true. */
  emptyReply?: boolean;
  /** Answer like RouterOS before 6.43: plain-text fields ignored, MD5 challenge instead. */
  legacyLogin?: boolean;
  /**
   * api-ssl: PEM certificate and key, or `'anonymous'` for a router with no certificate, which
   * RouterOS serves with anonymous Diffie-Hellman (TLS 1.2).
   */
  tls?: { cert: string | Buffer; key: string | Buffer } | 'anonymous';
  fault?: RouterOsApiFault;
}

export interface RouterOsApiServer {
  host: string;
  port: number;
  /** Every sentence received, in order, as words (the `.tag` included). */
  readonly commands: string[][];
  /** How many connections were accepted. */
  readonly connections: number;
  setMenu(menu: string, rows: RouterRow[]): void;
  setFault(fault: RouterOsApiFault | undefined): void;
  close(): Promise<void>;
}

const BATCH_BYTES = 256 * 1024;
const ANONYMOUS_DH = 'ADH-AES256-GCM-SHA384:ADH-AES128-SHA256:@SECLEVEL=0';

export async function startRouterOsApiServer(
  options: RouterOsApiServerOptions = {},
): Promise<RouterOsApiServer> {
  const users = options.users ?? { admin: '' };
  const menus = new Map<string, RouterRow[]>();
  for (const [menu, rows] of Object.entries(options.menus ?? {})) menus.set(normalizeMenu(menu), rows);
  const emptyReply = options.emptyReply ?? true;
  let fault = options.fault;
  const commands: string[][] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const serve = (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const decoder = new SentenceDecoder();
    const session = { loggedIn: false, challenge: '' };
    socket.on('data', (chunk: Buffer) => {
      if (fault === 'stall') return;
      for (const words of decoder.push(chunk)) {
        commands.push(words);
        answer(socket, words, session);
      }
    });
  };

  const answer = (socket: Socket, words: string[], session: { loggedIn: boolean; challenge: string }) => {
    const { type: command, tag, attributes } = parseReply(words);
    const tagWords = tag === undefined ? [] : [`.tag=${tag}`];
    const send = (...sentence: string[]) => socket.write(encodeSentence([...sentence, ...tagWords]));
    const trap = (message: string) => {
      send('!trap', `=message=${message}`);
      send('!done');
    };
    if (command === '/login') {
      const name = attributes.name ?? '';
      if (options.legacyLogin && attributes.response === undefined) {
        session.challenge = randomBytes(16).toString('hex');
        send('!done', `=ret=${session.challenge}`);
        return;
      }
      const expected = users[name];
      const ok =
        expected !== undefined &&
        (options.legacyLogin
          ? attributes.response === challengeResponse(expected, session.challenge)
          : attributes.password === expected);
      if (!ok) return trap('invalid user name or password (6)');
      session.loggedIn = true;
      send('!done');
      return;
    }
    if (!session.loggedIn) return trap('not logged in');
    if (command === '/quit') {
      send('!fatal', 'session terminated on request');
      socket.end();
      return;
    }
    if (fault === 'stall-commands') return;
    if (fault === 'fatal') {
      socket.end(encodeSentence(['!fatal', 'out of memory']));
      return;
    }
    if (fault === 'garbage') {
      socket.write(Buffer.from([0xf8, 0x01, 0x02]));
      return;
    }
    const rows = command.endsWith('/print')
      ? menus.get(normalizeMenu(command.slice(0, -'/print'.length)))
      : undefined;
    if (rows === undefined)
      return trap(command.endsWith('/print') ? 'no such command prefix' : 'no such command');
    const queries = words.filter((word) => word.startsWith('?')).map((word) => word.slice(1));
    const proplist = attributes['.proplist']?.split(',').filter((name) => name !== '') ?? [];
    streamRows(socket, selectRows(rows, queries, proplist), tagWords, emptyReply);
  };

  const server: Server =
    options.tls === 'anonymous'
      ? createTlsServer({ ciphers: ANONYMOUS_DH, maxVersion: 'TLSv1.2', dhparam: 'auto' }, serve)
      : options.tls
        ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, serve)
        : createTcpServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    commands,
    get connections() {
      return connections;
    },
    setMenu: (menu, rows) => menus.set(normalizeMenu(menu), rows),
    setFault: (next) => {
      fault = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Rows as `!re` sentences, written in large batches so 20,000 rows take milliseconds. */
function streamRows(socket: Socket, rows: RouterRow[], tagWords: string[], emptyReply: boolean): void {
  let batch: Buffer[] = [];
  let bytes = 0;
  for (const row of rows) {
    const words = ['!re'];
    for (const [name, value] of Object.entries(row)) words.push(`=${name}=${value}`);
    const sentence = encodeSentence([...words, ...tagWords]);
    batch.push(sentence);
    bytes += sentence.length;
    if (bytes >= BATCH_BYTES) {
      socket.write(Buffer.concat(batch));
      batch = [];
      bytes = 0;
    }
  }
  if (rows.length === 0 && emptyReply) batch.push(encodeSentence(['!empty', ...tagWords]));
  batch.push(encodeSentence(['!done', ...tagWords]));
  socket.write(Buffer.concat(batch));
}
