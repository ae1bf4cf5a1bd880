import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRouterFile, readRouterFile, type WispError } from '../src/index.js';

const PATH = '/etc/libreqos/mikrotik_ipv6.toml';

async function configError(text: string): Promise<WispError> {
  const error = (await parseRouterFile(text, PATH).then(
    () => undefined,
    (e: unknown) => e,
  )) as WispError;
  expect(error?.exitCode).toBe(2);
  expect(error.message.startsWith(`routers file ${PATH}`)).toBe(true);
  return error;
}

describe('routers file (LibreQoS mikrotik_ipv6.toml)', () => {
  it('reads LibreQoS’s own format with its defaults', async () => {
    const routers = await parseRouterFile(
      `version = 1

[[router]]
name = "core-1"
host = "100.64.0.1"
username = "libreqos"
password = "secret"

[[router]]
name = "core-2"
host = " 100.64.0.2 "
port = 8799
username = "libreqos"
password = " spaced "
use_ssl = true
plaintext_login = false
`,
      PATH,
    );
    expect(routers).toEqual([
      {
        name: 'core-1',
        host: '100.64.0.1',
        port: 8728,
        username: 'libreqos',
        password: 'secret',
        useSsl: false,
        plaintextLogin: true,
        transport: 'api',
        verifyTls: false,
      },
      {
        name: 'core-2',
        host: '100.64.0.2',
        port: 8799,
        username: 'libreqos',
        // Passwords are taken as written: spaces may be part of them.
        password: ' spaced ',
        useSsl: true,
        plaintextLogin: false,
        transport: 'api',
        verifyTls: false,
      },
    ]);
  });

  it.each([
    ['api', false, 8728],
    ['api', true, 8729],
    ['rest', false, 80],
    ['rest', true, 443],
  ])('default port for transport %s with use_ssl %s is %i', async (transport, useSsl, port) => {
    const [router] = await parseRouterFile(
      `[[router]]\nname = "r"\nhost = "h"\nusername = "u"\ntransport = "${transport}"\nuse_ssl = ${useSsl}\nverify_tls = true\n`,
      PATH,
    );
    expect(router?.port).toBe(port);
    expect(router?.verifyTls).toBe(true);
    expect(router?.password).toBe('');
  });

  it('gives no routers for a file without [[router]]', async () => {
    expect(await parseRouterFile('version = 1\n', PATH)).toEqual([]);
  });

  it('names the file and the router for a missing host or username', async () => {
    const error = await configError(
      '[[router]]\nname = "ok"\nhost = "h"\nusername = "u"\n\n[[router]]\nname = "core-2"\npassword = "hunter22"\n',
    );
    expect(error.message).toBe(`routers file ${PATH}: [[router]] #2 ("core-2"): host is missing`);
    expect(error.details).toEqual([`${PATH}: [[router]] #2 ("core-2"): username is missing`]);
  });

  it('refuses an unknown transport', async () => {
    const error = await configError(
      '[[router]]\nname = "a"\nhost = "h"\nusername = "u"\ntransport = "ssh"\n',
    );
    expect(error.message).toMatch(
      /\[\[router\]\] #1 \("a"\): transport must be "api" or "rest" \(got "ssh"\)/,
    );
  });

  it.each([
    ['port = 0', /port must be a whole number from 1 to 65535 \(got 0\)/],
    ['port = "8728"', /port must be a whole number/],
    ['use_ssl = "yes"', /use_ssl must be true or false/],
    ['version = 2', /version must be 1/],
    ['name = "a"', /the name "a" is used twice/],
  ])('refuses %s', async (line, message) => {
    const text = line.startsWith('version')
      ? `${line}\n[[router]]\nname = "a"\nhost = "h"\nusername = "u"\n`
      : `[[router]]\nname = "a"\nhost = "h"\nusername = "u"\n${line.startsWith('name') ? `\n[[router]]\n${line}\nhost = "h2"\nusername = "u"\n` : `${line}\n`}`;
    const error = await configError(text);
    expect([error.message, ...error.details].join('\n')).toMatch(message);
  });

  it('never prints a password, even from broken TOML or a mistyped password', async () => {
    const broken = await configError('[[router]]\nname = "a"\npassword = "hunter22\nhost = "h"\n');
    expect(broken.message).toMatch(/is not valid TOML at line 3/);
    expect(`${broken.message}${broken.details}`).not.toContain('hunter22');
    const typed = await configError(
      '[[router]]\nname = "a"\nhost = "h"\nusername = "u"\npassword = 123456789\n',
    );
    expect(typed.message).toMatch(/password must be a string/);
    expect(typed.message).not.toContain('123456789');
  });

  it('reads from disk and names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-routers-'));
    const path = join(dir, 'routers.toml');
    await writeFile(path, '[[router]]\nname = "a"\nhost = "h"\nusername = "u"\n');
    expect(await readRouterFile(path)).toHaveLength(1);
    const missing = join(dir, 'nope.toml');
    await expect(readRouterFile(missing)).rejects.toThrow(`routers file ${missing} is not found`);
  });
});
