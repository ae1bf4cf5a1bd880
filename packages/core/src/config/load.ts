import { readFile } from 'node:fs/promises';
import { WispError } from '../errors/index.js';
import { applyEnvOverrides } from './env.js';
import { normalizeConfig } from './normalize.js';
import { type ConfigSchema, coreSchema, mergeSchemas } from './schema.js';
import { validateConfig } from './validate.js';

export const DEFAULT_CONFIG_PATH = '/etc/lqos.conf';

export interface LoadConfigOptions {
  /** --config; else $LQOS_CONFIG; else /etc/lqos.conf. */
  path?: string | undefined;
  /** The tool's own sections (merged into core's). */
  schema?: ConfigSchema;
  env?: NodeJS.ProcessEnv;
}

/** Raw validated data: section name → key → value, every key we know present (defaults filled). */
export type ConfigData = Record<string, unknown> & Record<string, Record<string, unknown>>;

export interface ConfigResult {
  path: string;
  data: ConfigData;
  schema: ConfigSchema;
  /** `[section].key` names whose value came from the environment. */
  fromEnv: string[];
  warnings: string[];
  errors: string[];
}

export function resolveConfigPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  if (env.LQOS_CONFIG) return env.LQOS_CONFIG;
  return DEFAULT_CONFIG_PATH;
}

/**
 * Reads and validates the config. User mistakes come back in `errors` (never thrown); only a
 * missing or unparsable file throws, since nothing else can be said about it.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ConfigResult> {
  const env = options.env ?? process.env;
  const path = resolveConfigPath(options.path, env);
  const schema = mergeSchemas(coreSchema, options.schema ?? {});
  const text = await readConfigText(path, options.path !== undefined);
  const parsed = await parseToml(text, path);
  return checkConfig(parsed, { path, schema, env });
}

/** Validation of already-parsed data (exported for tests and for tools that build configs). */
export async function checkConfig(
  parsed: Record<string, unknown>,
  context: { path: string; schema: ConfigSchema; env: NodeJS.ProcessEnv },
): Promise<ConfigResult> {
  const { schema, env, path } = context;
  const errors: string[] = [];
  const fromEnv = applyEnvOverrides(parsed, schema, env, errors);
  normalizeConfig(parsed, schema);
  errors.push(...(await validateConfig(parsed, schema)));
  return { path, data: parsed as ConfigData, schema, fromEnv, warnings: [], errors };
}

async function readConfigText(path: string, explicit: boolean): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not readable (permission denied)' : String(code);
    throw new WispError('config', `config: ${path} is ${reason}`, {
      hint: explicit
        ? 'check the path given to --config'
        : 'pass --config <file> or set LQOS_CONFIG to your lqos.conf',
    });
  }
}

async function parseToml(text: string, path: string): Promise<Record<string, unknown>> {
  const toml = await import('@iarna/toml');
  try {
    // @iarna/toml returns objects with a null prototype and special date types; copy to plain data.
    return JSON.parse(JSON.stringify(toml.parse(text))) as Record<string, unknown>;
  } catch (error) {
    const e = error as { line?: number; col?: number; message?: string };
    const where = e.line === undefined ? '' : ` at line ${e.line + 1}, column ${(e.col ?? 0) + 1}`;
    const first = String(e.message ?? error)
      .split('\n')[0]
      ?.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
    throw new WispError('config', `config: ${path} is not valid TOML${where}: ${first}`, {
      hint: 'fix the syntax; LibreQoS would refuse this file too',
    });
  }
}
