import { Writable } from 'node:stream';
import {
  type ConfigResult,
  createReporter,
  ExitCode,
  type IntegrationDefinition,
  isWispError,
  loadConfig,
  probeIntegration,
} from '@wispsync/core';
import { type CheckResult, failed, ok, skipped, warning } from './check.js';
import { describeUnset, isConfigured } from './configured.js';

export interface IntegrationCheckOptions {
  configPath: string;
  env: NodeJS.ProcessEnv;
  /** Named with --only: checked even when not set up (then that is a failure). */
  named: boolean;
  timeoutMs: number;
}

/**
 * One tool: its config as the tool itself loads it (core's keys and its own), then its probe — one
 * cheap authenticated request, nothing written. A tool that is not set up is skipped.
 */
export async function checkIntegration(
  definition: IntegrationDefinition<unknown>,
  all: ConfigResult,
  options: IntegrationCheckOptions,
): Promise<CheckResult> {
  const name = definition.name;
  if (!isConfigured(all, definition)) {
    const unset = `not set up: ${describeUnset(definition)}`;
    return options.named
      ? failed(name, unset, `fill in the ${definition.displayName} settings (docs/${name}.md)`)
      : skipped(name, unset);
  }
  if (definition.probe === undefined) {
    return warning(
      name,
      `${name}-integration has no probe: the source was not checked`,
      'run the tool with --dry-run',
    );
  }
  const warnings: string[] = [];
  const reporter = createReporter({
    quiet: true,
    verbose: false,
    stream: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  try {
    const config = await loadConfig({
      path: options.configPath,
      schema: definition.schema,
      env: options.env,
    });
    const line = await probeIntegration(definition, { config, reporter, timeoutMs: options.timeoutMs });
    warnings.push(...reporter.warnings);
    return warnings.length > 0 ? warning(name, line, 'see the warnings below', warnings) : ok(name, line);
  } catch (error) {
    if (isWispError(error)) return failed(name, error.message, error.hint, error.exitCode, error.details);
    const message = error instanceof Error ? error.message : String(error);
    return failed(
      name,
      `internal error: ${message}`,
      'this is a bug in wispsync; please report it',
      ExitCode.internal,
    );
  }
}
