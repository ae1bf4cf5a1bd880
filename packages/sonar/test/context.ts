import {
  checkConfig,
  coreSchema,
  createHttpClient,
  createReporter,
  type FetchContext,
  mergeSchemas,
  readCommonConfig,
  type Strategy,
} from '@wispsync/core';
import { configSchema } from '../src/schema.js';

export interface TestContext extends FetchContext {
  warnings: string[];
  skipped: Map<string, number>;
}

/**
 * A FetchContext over a config given as data (sections → keys), the way the runner builds one:
 * defaults filled, core's HTTP client with no retry delay. For in-process tests of fetch, probe
 * and map.
 */
export async function testContext(
  sections: Record<string, Record<string, unknown>>,
  options: { strategy?: Strategy; responses?: FetchContext['responses'] } = {},
): Promise<TestContext> {
  const parsed = JSON.parse(JSON.stringify({ lqos_directory: '/tmp', ...sections })) as Record<
    string,
    unknown
  >;
  const result = await checkConfig(parsed, {
    path: 'test.conf',
    schema: mergeSchemas(coreSchema, configSchema),
    env: {},
  });
  if (result.errors.length > 0) throw new Error(result.errors.join('\n'));
  const warnings: string[] = [];
  const skipped = new Map<string, number>();
  return {
    config: result.data,
    common: readCommonConfig(result.data),
    strategy: options.strategy ?? 'full',
    outputDir: '/tmp',
    reporter: createReporter({ quiet: true, verbose: false }),
    responses: options.responses,
    warnings,
    skipped,
    warn: (message) => warnings.push(message),
    skip: (reason, count = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + count),
    http: (httpOptions) => createHttpClient({ ...httpOptions, userAgent: 'wispsync-test', retryDelayMs: 0 }),
  };
}
