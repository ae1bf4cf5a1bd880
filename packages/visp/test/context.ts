/** An in-process FetchContext over a scenario's lqos.conf, for calling fetch/probe without the CLI. */
import { Writable } from 'node:stream';
import {
  createHttpClient,
  createReporter,
  type FetchContext,
  loadConfig,
  readCommonConfig,
} from '@wispsync/core';
import { configSchema } from '../src/schema.js';

export interface InProcess {
  context: FetchContext;
  warnings: string[];
  /** Everything the reporter printed (secrets already masked). */
  printed: () => string;
}

export async function fetchContext(configPath: string, env: NodeJS.ProcessEnv = {}): Promise<InProcess> {
  const config = await loadConfig({ path: configPath, schema: configSchema, env });
  let printed = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      printed += String(chunk);
      done();
    },
  });
  const reporter = createReporter({ quiet: false, verbose: false, stream });
  const warnings: string[] = [];
  const context: FetchContext = {
    config: config.data,
    common: readCommonConfig(config.data),
    strategy: 'full',
    outputDir: '/nonexistent',
    reporter,
    warn: (message) => {
      warnings.push(message);
      reporter.warn(message);
    },
    skip: () => undefined,
    http: (options) => createHttpClient({ ...options, userAgent: 'visp-test', retryDelayMs: 0 }),
  };
  return { context, warnings, printed: () => printed };
}
