/**
 * A binary-API session: tagged commands over one socket, replies matched back by `.tag`, a
 * no-progress timeout per command, and the login (plain-text since 6.43, MD5 challenge before).
 */
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { describeSocketError, openSocket } from './api-socket.js';
import { RouterOsError } from './errors.js';
import { parseReply, printWords } from './sentence.js';
import type { ConnectOptions, PrintOptions, RouterConfig, RouterRow, RouterSession } from './types.js';
import { encodeSentence, ProtocolError, SentenceDecoder } from './words.js';

interface Done {
  rows: RouterRow[];
  /** The `!done` sentence's own attributes (`=ret=` of the old login). */
  done: RouterRow;
}

interface Pending {
  command: string;
  rows: RouterRow[];
  timer: NodeJS.Timeout;
  resolve(value: Done): void;
  reject(error: Error): void;
}

class ApiConnection {
  private readonly decoder = new SentenceDecoder();
  private readonly pending = new Map<string, Pending>();
  private nextTag = 1;
  private failure: RouterOsError | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly router: RouterConfig,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) =>
      this.fail(new RouterOsError('connect', router, `connection lost: ${describeSocketError(error)}`)),
    );
    socket.on('close', () =>
      this.fail(new RouterOsError('connect', router, 'the router closed the connection')),
    );
  }

  /**
   * Sends one command (its first word names it in messages; attribute words, which may hold the
   * password, are never shown) and collects its `!re` rows until `!done`.
   */
  request(words: readonly string[]): Promise<Done> {
    const command = words[0] ?? '';
    if (this.failure) return Promise.reject(this.failure);
    const tag = String(this.nextTag++);
    return new Promise<Done>((resolve, reject) => {
      const pending: Pending = { command, rows: [], timer: this.startTimer(tag, command), resolve, reject };
      this.pending.set(tag, pending);
      this.socket.write(encodeSentence([...words, `.tag=${tag}`]));
    });
  }

  async close(): Promise<void> {
    this.fail(new RouterOsError('connect', this.router, 'the session was closed'));
    if (this.socket.destroyed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.socket.destroy();
        resolve();
      }, 1000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }

  private startTimer(tag: string, command: string): NodeJS.Timeout {
    return setTimeout(() => {
      this.pending.get(tag)?.reject(
        new RouterOsError(
          'timeout',
          this.router,
          `${command} got no answer within ${this.timeoutMs / 1000} s`,
          {
            command,
          },
        ),
      );
      this.pending.delete(tag);
      // A router that stopped answering one command will not answer the others either.
      this.fail(new RouterOsError('timeout', this.router, `stopped answering (${command})`, { command }));
      this.socket.destroy();
    }, this.timeoutMs);
  }

  private receive(chunk: Buffer): void {
    let sentences: string[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (error) {
      const message = error instanceof ProtocolError ? error.message : String(error);
      this.fail(new RouterOsError('protocol', this.router, message));
      this.socket.destroy();
      return;
    }
    for (const words of sentences) this.handle(words);
  }

  private handle(words: string[]): void {
    const reply = parseReply(words);
    if (reply.type === '!fatal') {
      const reason = reply.other.join(' ') || reply.attributes.message || 'no reason given';
      this.fail(new RouterOsError('connect', this.router, `the router ended the session: ${reason}`));
      this.socket.destroy();
      return;
    }
    const pending = reply.tag === undefined ? undefined : this.pending.get(reply.tag);
    if (!pending || reply.tag === undefined) return;
    pending.timer.refresh();
    switch (reply.type) {
      case '!re':
        pending.rows.push(reply.attributes);
        return;
      case '!done':
        this.settle(reply.tag, pending);
        pending.resolve({ rows: pending.rows, done: reply.attributes });
        return;
      case '!trap': {
        // The `!done` that follows a trap is ignored: the tag is no longer pending.
        this.settle(reply.tag, pending);
        const message = reply.attributes.message ?? 'no message';
        pending.reject(
          new RouterOsError('trap', this.router, `${pending.command} failed: ${message}`, {
            command: pending.command,
            routerMessage: message,
          }),
        );
        return;
      }
      default:
        // `!empty` (RouterOS ≥ 7.18: the print found nothing; `!done` follows) and any reply type a
        // newer RouterOS may add: the rows stay as they are.
        return;
    }
  }

  private settle(tag: string, pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending.delete(tag);
  }

  private fail(error: RouterOsError): void {
    this.failure ??= error;
    for (const [tag, pending] of this.pending) {
      this.settle(tag, pending);
      pending.reject(error);
    }
  }
}

/** The response to the pre-6.43 challenge: "00" + md5(0x00 + password + challenge bytes). */
export function challengeResponse(password: string, challengeHex: string): string {
  const hash = createHash('md5')
    .update(Buffer.from([0]))
    .update(Buffer.from(password, 'utf8'))
    .update(Buffer.from(challengeHex, 'hex'))
    .digest('hex');
  return `00${hash}`;
}

async function login(connection: ApiConnection, router: RouterConfig): Promise<void> {
  const name = `=name=${router.username}`;
  try {
    const first = await connection.request(
      router.plaintextLogin ? ['/login', name, `=password=${router.password}`] : ['/login'],
    );
    // A router older than 6.43 ignores the plain-text fields and answers with a challenge.
    const challenge = first.done.ret;
    if (challenge !== undefined && /^[0-9a-f]+$/i.test(challenge)) {
      await connection.request([
        '/login',
        name,
        `=response=${challengeResponse(router.password, challenge)}`,
      ]);
    }
  } catch (error) {
    if (error instanceof RouterOsError && error.failure === 'trap') {
      const reason = error.routerMessage ?? 'no message';
      throw new RouterOsError('login', router, `login refused for user "${router.username}": ${reason}`, {
        routerMessage: reason,
      });
    }
    throw error;
  }
}

export async function openApiSession(router: RouterConfig, options: ConnectOptions): Promise<RouterSession> {
  const socket = await openSocket(router, options.timeoutMs);
  const connection = new ApiConnection(socket, router, options.timeoutMs);
  try {
    await login(connection, router);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return {
    router,
    async print(menu: string, printOptions: PrintOptions = {}): Promise<RouterRow[]> {
      return (await connection.request(printWords(menu, printOptions))).rows;
    },
    close: () => connection.close(),
  };
}
