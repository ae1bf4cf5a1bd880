import {
  type CommonConfig,
  type ConfigResult,
  configSecrets,
  readCommonConfig,
  type Strategy,
} from '../config/index.js';
import { WispError } from '../errors/index.js';
import { createHttpClient } from '../http/index.js';
import type { FetchContext, IntegrationDefinition } from './define.js';
import type { RunOptions } from './options.js';
import type { Reporter } from './reporter.js';

export interface RunContext extends FetchContext {
  skipped: Map<string, number>;
}

/** Turns config errors into one exit-2 error and registers every secret with the reporter. */
export function checkLoadedConfig(result: ConfigResult, reporter: Reporter): CommonConfig {
  for (const secret of configSecrets(result.data, result.schema)) reporter.addSecret(secret);
  const [first, ...rest] = result.errors;
  if (first) {
    throw new WispError('config', first, {
      details: rest,
      hint: `fix ${result.path} (or the WISPSYNC_* environment variable named)`,
    });
  }
  return readCommonConfig(result.data);
}

export function resolveStrategy(
  definition: IntegrationDefinition<unknown>,
  options: RunOptions,
  config: ConfigResult,
): Strategy {
  if (!definition.strategy) return 'full';
  if (options.strategy) return options.strategy;
  const [section, key] = definition.strategy.configKey;
  const configured = (config.data[section] as Record<string, unknown>)[key];
  const { fromConfig } = definition.strategy;
  const value = (fromConfig ? fromConfig(String(configured ?? '')) : configured) as Strategy;
  if (!definition.strategy.allowed.includes(value)) {
    throw new WispError(
      'config',
      `config: [${section}].${key} must be one of ${definition.strategy.allowed.join(', ')} (got "${value}")`,
    );
  }
  return value;
}

export function createRunContext(input: {
  definition: IntegrationDefinition<unknown>;
  config: ConfigResult;
  common: CommonConfig;
  strategy: Strategy;
  outputDir: string;
  options: RunOptions;
  reporter: Reporter;
}): RunContext {
  const { definition, config, common, strategy, outputDir, options, reporter } = input;
  const skipped = new Map<string, number>();
  return {
    config: config.data,
    common,
    strategy,
    outputDir,
    reporter,
    skipped,
    responses: { save: options.saveResponses, replay: options.fromResponses },
    warn: (message) => reporter.warn(message),
    skip: (reason, count = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + count),
    http: (httpOptions) =>
      createHttpClient({
        ...httpOptions,
        userAgent: `wispsync/${definition.version} (${definition.name}-integration)`,
        record: options.saveResponses,
        replay: options.fromResponses,
        onRetry: (info) =>
          reporter.info(
            `${definition.displayName}: retrying ${info.url} (${info.reason}), attempt ${info.attempt}`,
          ),
      }),
  };
}
