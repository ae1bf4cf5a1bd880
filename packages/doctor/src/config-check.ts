import {
  type ConfigResult,
  type ConfigSchema,
  coreSchema,
  ExitCode,
  type IntegrationDefinition,
  isWispError,
  loadConfig,
  mergeSchemas,
} from '@wispsync/core';
import { type CheckResult, failed, ok } from './check.js';
import { configuredTools } from './configured.js';

/** Every tool's keys at once, so one pass reports every mistake in the file. */
export function allSchemas(definitions: readonly IntegrationDefinition<unknown>[]): ConfigSchema {
  return definitions.reduce<ConfigSchema>((merged, d) => mergeSchemas(merged, d.schema), coreSchema);
}

/** The config file: found, valid TOML, every key of every tool of the right type. */
export async function checkConfig(
  path: string | undefined,
  definitions: readonly IntegrationDefinition<unknown>[],
  env: NodeJS.ProcessEnv,
): Promise<{ result: CheckResult; config?: ConfigResult }> {
  let config: ConfigResult;
  try {
    config = await loadConfig({ path, schema: allSchemas(definitions), env });
  } catch (error) {
    if (!isWispError(error)) throw error;
    return { result: failed('config', error.message, error.hint, error.exitCode) };
  }
  if (config.errors.length > 0) {
    const count = config.errors.length;
    return {
      result: failed(
        'config',
        `${config.path} has ${count} error${count === 1 ? '' : 's'}; the tools would stop at once (exit 2)`,
        `fix ${config.path} (or the WISPSYNC_* environment variable named)`,
        ExitCode.usage,
        config.errors,
      ),
      config,
    };
  }
  const tools = configuredTools(config, definitions).map((d) => d.name);
  const which =
    tools.length === 0 ? 'no tool has its source settings filled in' : `tools set up: ${tools.join(', ')}`;
  const env_ = config.fromEnv.length > 0 ? `; from the environment: ${config.fromEnv.join(', ')}` : '';
  return { result: ok('config', `${config.path} is valid (${which}${env_})`), config };
}
