import type { ConfigResult, Strategy } from '../config/index.js';
import { checkLoadedConfig, createRunContext, resolveStrategy } from './context.js';
import type { IntegrationDefinition } from './define.js';
import type { RunOptions } from './options.js';
import type { Reporter } from './reporter.js';

export interface ProbeOptions {
  /** The config loaded with the tool's schema (loadConfig({ path, schema: definition.schema })). */
  config: ConfigResult;
  reporter: Reporter;
  /** Caps each request's timeout: a check must not hang for the minutes a cron run may wait. */
  timeoutMs?: number;
  /** Caps the retries of each request (default 1). */
  retries?: number;
}

const QUIET_RUN: RunOptions = {
  json: false,
  dryRun: false,
  force: false,
  csvLayout: 'legacy',
  quiet: true,
  verbose: false,
};

/**
 * Runs a tool's probe outside a run (wispsync-doctor): the same context a run builds (secrets
 * registered, config errors thrown as exit-2 errors, the tool's HTTP client), with short timeouts
 * and few retries. Returns the probe's one-line answer; throws what the tool would throw.
 */
export async function probeIntegration(
  definition: IntegrationDefinition<unknown>,
  options: ProbeOptions,
): Promise<string> {
  const { config, reporter } = options;
  if (definition.probe === undefined) throw new Error(`${definition.name}-integration has no probe`);
  const common = checkLoadedConfig(config, reporter);
  let strategy: Strategy = 'full';
  try {
    strategy = resolveStrategy(definition, QUIET_RUN, config);
  } catch {
    // A probe does not depend on the strategy; a bad one is reported by the config check.
  }
  const context = createRunContext({
    definition,
    config,
    common,
    strategy,
    outputDir: common.lqosDirectory,
    options: QUIET_RUN,
    reporter,
  });
  const http = context.http;
  const cap = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 1;
  context.http = (httpOptions) =>
    http({
      ...httpOptions,
      timeoutMs: Math.min(httpOptions.timeoutMs, cap),
      retries: Math.min(httpOptions.retries ?? retries, retries),
    });
  return definition.probe(context);
}
