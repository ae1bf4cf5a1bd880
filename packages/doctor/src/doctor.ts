import {
  type ConfigResult,
  type IntegrationDefinition,
  type LibreQosVersion,
  resolveConfigPath,
  stateDirectory,
  WispError,
} from '@wispsync/core';
import { type CheckResult, skipped } from './check.js';
import { checkConfig } from './config-check.js';
import { checkCurrentFiles } from './files-check.js';
import { checkIntegration } from './integration-check.js';
import { INTEGRATIONS } from './integrations.js';
import { checkLibreQosFlags, detectHost } from './libreqos-check.js';
import { checkLock } from './lock-check.js';
import { checkOutputDir } from './output-check.js';
import { redactor } from './redact.js';

export interface DoctorOptions {
  config?: string | undefined;
  outputDir?: string | undefined;
  /** Tool names (`splynx`, `uisp`…): check only these, even when not set up. */
  only?: string[] | undefined;
  /** LibreQoS version the current files are checked against; default: 2.2 on a 2.2 host, else 2.1. */
  target?: LibreQosVersion | undefined;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
}

export interface DoctorReport {
  config: string;
  target: LibreQosVersion | undefined;
  checks: CheckResult[];
  /** The exit code of the first failed check, in report order; 0 when none failed. */
  exitCode: number;
}

function select(
  definitions: readonly IntegrationDefinition<unknown>[],
  only: string[] | undefined,
): IntegrationDefinition<unknown>[] {
  if (only === undefined) return [...definitions];
  const known = new Map(definitions.map((d) => [d.name, d]));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new WispError('usage', `--only: no tool named ${unknown.join(', ')}`, {
      hint: `the tools are ${[...known.keys()].join(', ')}`,
    });
  }
  return only.map((name) => known.get(name)!);
}

/**
 * Every check, in the order a cron run meets them: the config, each set-up source, the output
 * directory, its lock, LibreQoS's enable_* flags, and the files LibreQoS reads now. Nothing is
 * written but one temporary file in the output directory, removed at once.
 */
export async function runDoctor(
  options: DoctorOptions,
  definitions: readonly IntegrationDefinition<unknown>[] = INTEGRATIONS,
): Promise<DoctorReport> {
  const selected = select(definitions, options.only);
  const configPath = resolveConfigPath(options.config, options.env);
  const checks: CheckResult[] = [];
  const { result, config } = await checkConfig(configPath, definitions, options.env);
  checks.push(result);
  checks.push(...(await integrationChecks(selected, config, configPath, options)));

  const dir = options.outputDir ?? (config ? String(config.data.lqos_directory) : undefined);
  let target = options.target;
  if (dir === undefined) {
    for (const check of ['output', 'lock'])
      checks.push(skipped(check, 'needs the config (or -o) to know the directory'));
  } else {
    const output = await checkOutputDir(dir);
    checks.push(
      output,
      output.status === 'ok' ? await checkLock(dir) : skipped('lock', 'needs the output directory'),
    );
  }
  if (config) {
    const state = stateDirectory(
      String(config.data.lqos_directory),
      String(config.data.state_directory ?? ''),
    );
    const host = await detectHost(config, state);
    checks.push(checkLibreQosFlags(config, host));
    target ??= host.is22 ? '2.2' : '2.1';
  } else {
    checks.push(skipped('libreqos', 'needs the config'));
  }
  const present =
    dir !== undefined &&
    !/does not exist|not a directory/.test(checks.find((c) => c.check === 'output')?.message ?? '');
  checks.push(
    present && dir !== undefined
      ? await checkCurrentFiles(dir, target ?? '2.1')
      : skipped('files', 'needs the output directory'),
  );

  const redact = redactor(config, definitions);
  const redacted = checks.map(redact);
  const first = redacted.find((c) => c.status === 'failed');
  return { config: configPath, target, checks: redacted, exitCode: first?.exitCode ?? 0 };
}

async function integrationChecks(
  selected: IntegrationDefinition<unknown>[],
  config: ConfigResult | undefined,
  configPath: string,
  options: DoctorOptions,
): Promise<CheckResult[]> {
  if (config === undefined) return selected.map((d) => skipped(d.name, 'needs a readable config'));
  const named = options.only !== undefined;
  // The sources are independent: ask them all at once.
  return Promise.all(
    selected.map((definition) =>
      checkIntegration(definition, config, {
        configPath,
        env: options.env,
        named,
        timeoutMs: options.timeoutMs,
      }),
    ),
  );
}
