// [visp_integration].verify_tls: a self-signed token endpoint is refused by default and accepted
// when the operator turns the check off.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@wispsync/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visp } from '../src/index.js';
import { fetchContext } from './context.js';
import { CREDENTIALS } from './harness.js';

const certDir = join(REPO_ROOT, 'packages/core/test/fixtures/http-tls');
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(
    { cert: readFileSync(join(certDir, 'cert.pem')), key: readFileSync(join(certDir, 'key.pem')) },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'tls-token-0001', payload: { exp: 4102444800, ispId: [7] } }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function config(verifyTls: boolean): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-visp-tls-'));
  const path = join(dir, 'lqos.conf');
  await writeFile(
    path,
    [
      `lqos_directory = "${dir}"`,
      '[visp_integration]',
      `client_id = "${CREDENTIALS.clientId}"`,
      `client_secret = "${CREDENTIALS.clientSecret}"`,
      `username = "${CREDENTIALS.username}"`,
      `password = "${CREDENTIALS.password}"`,
      `token_url = "${url}/token"`,
      `graphql_url = "${url}/graphql"`,
      `verify_tls = ${verifyTls}`,
      'timeout_secs = 5',
      '',
    ].join('\n'),
  );
  return path;
}

describe('verify_tls', () => {
  it('refuses a self-signed certificate by default, naming the setting that turns the check off', async () => {
    const { context } = await fetchContext(await config(true));
    await expect(visp.probe?.(context)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/self-signed/),
      hint: expect.stringContaining('[visp_integration].verify_tls = false'),
    });
  });

  it('accepts it with verify_tls = false', async () => {
    const { context } = await fetchContext(await config(false));
    await expect(visp.probe?.(context)).resolves.toMatch(/ISP id 7/);
  });
});
