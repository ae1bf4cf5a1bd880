import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createReporter, defineIntegration, probeIntegration } from '../src/cli/index.js';
import { type ConfigSchema, loadConfig } from '../src/config/index.js';
import { isWispError } from '../src/errors/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

const schema: ConfigSchema = {
  demo_integration: {
    url: { type: 'string', format: 'http-url', default: '', description: 'x' },
    key: { type: 'string', default: '', description: 'x', secret: true },
  },
};

/** A tool whose probe asks for one thing with a long timeout of its own, as a real tool does. */
const demo = defineIntegration<unknown>({
  name: 'demo',
  displayName: 'Demo',
  version: '0.0.0',
  description: 'x',
  schema,
  fetch: async () => ({}),
  map: () => ({ source: 'demo', nodes: [], circuits: [] }),
  probe: async (context) => {
    const section = context.config.demo_integration as Record<string, string>;
    const client = context.http({
      source: 'Demo',
      auth: { type: 'bearer', token: String(section.key) },
      timeoutMs: 60_000,
      retryDelayMs: 0,
    });
    const body = (await client.getJson(`${section.url}/ping`)) as unknown[];
    context.warn(`Demo answered ${body.length} items`);
    return `Demo: ${body.length} items`;
  },
});

async function configFor(text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-probe-'));
  const path = join(dir, 'lqos.conf');
  await writeFile(path, text);
  return loadConfig({ path, schema, env: {} });
}

function reporter() {
  const lines: string[] = [];
  const stream = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, reporter: createReporter({ quiet: false, verbose: false, stream }) };
}

describe('probeIntegration', () => {
  let server: MockServer | undefined;
  afterEach(async () => server?.close());

  it('runs the tool’s probe with the run’s context: config, secrets registered, warnings collected', async () => {
    server = await startMockServer({
      routes: [
        {
          method: 'GET',
          path: '/ping',
          auth: { header: 'authorization', value: 'Bearer k-123456' },
          body: [1, 2],
        },
      ],
    });
    const config = await configFor(`[demo_integration]\nurl = "${server.url}"\nkey = "k-123456"\n`);
    const { lines, reporter: r } = reporter();
    expect(await probeIntegration(demo, { config, reporter: r })).toBe('Demo: 2 items');
    expect(r.warnings).toEqual(['Demo answered 2 items']);
    r.warn('the key k-123456 must not show');
    expect(lines.join('')).not.toContain('k-123456');
  });

  it('caps the tool’s own timeout and retries, so a check never waits minutes', async () => {
    server = await startMockServer({ routes: [{ method: 'GET', path: '/ping', body: [] }] });
    server.fault({ path: '/ping', delayMs: 5000, times: Number.POSITIVE_INFINITY });
    const config = await configFor(`[demo_integration]\nurl = "${server.url}"\nkey = "k-123456"\n`);
    const started = Date.now();
    const error = await probeIntegration(demo, {
      config,
      reporter: reporter().reporter,
      timeoutMs: 300,
      retries: 1,
    }).catch((e) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/timed out after 0\.3 s/);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a config with errors fails like a run would (exit 2); a tool without a probe is a bug', async () => {
    const config = await configFor('[demo_integration]\nurl = "ftp://x"\n');
    const error = await probeIntegration(demo, { config, reporter: reporter().reporter }).catch((e) => e);
    expect(isWispError(error) && error.exitCode).toBe(2);
    expect(error.message).toMatch(/\[demo_integration\]\.url must be an http/);
    const { probe: _probe, ...withoutProbe } = demo;
    await expect(probeIntegration(withoutProbe, { config, reporter: reporter().reporter })).rejects.toThrow(
      /has no probe/,
    );
  });
});
