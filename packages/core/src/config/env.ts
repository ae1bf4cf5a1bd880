import type { ConfigSchema, KeySchema } from './schema.js';

/** `WISPSYNC_<SECTION>_<KEY>`; top-level keys are `WISPSYNC_<KEY>`. */
export function envName(section: string, key: string): string {
  return `WISPSYNC_${section ? `${section}_` : ''}${key}`.toUpperCase();
}

/**
 * Environment overrides (for secrets in cron and systemd units) win over the file. Values are
 * strings; they are converted by the key's type so the schema still checks them.
 */
export function applyEnvOverrides(
  data: Record<string, unknown>,
  schema: ConfigSchema,
  env: NodeJS.ProcessEnv,
  errors: string[],
): string[] {
  const applied: string[] = [];
  for (const [section, keys] of Object.entries(schema)) {
    for (const [key, keySchema] of Object.entries(keys)) {
      const name = envName(section, key);
      const raw = env[name];
      if (raw === undefined) continue;
      const value = convert(raw, keySchema);
      if (value === undefined) {
        errors.push(`${name} must be ${describeType(keySchema)} (it sets ${label(section, key)})`);
        continue;
      }
      const target = section ? sectionObject(data, section) : data;
      target[key] = value;
      applied.push(label(section, key));
    }
  }
  return applied;
}

export function label(section: string, key: string): string {
  return section ? `[${section}].${key}` : key;
}

function sectionObject(data: Record<string, unknown>, section: string): Record<string, unknown> {
  const existing = data[section];
  if (existing && typeof existing === 'object' && !Array.isArray(existing))
    return existing as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  data[section] = created;
  return created;
}

function convert(raw: string, schema: KeySchema): unknown {
  const text = raw.trim();
  switch (schema.type) {
    case 'string':
      return raw;
    case 'number':
    case 'integer': {
      const n = Number(text);
      return text === '' || !Number.isFinite(n) ? undefined : n;
    }
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(text)) return true;
      if (/^(false|0|no|off)$/i.test(text)) return false;
      return undefined;
    case 'array':
      if (text.startsWith('[')) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return undefined;
        }
      }
      return text === '' ? [] : text.split(',').map((item) => item.trim());
  }
}

function describeType(schema: KeySchema): string {
  switch (schema.type) {
    case 'array':
      return 'a comma-separated list or a JSON array';
    case 'boolean':
      return 'true or false';
    default:
      return schema.type === 'integer' ? 'an integer' : `a ${schema.type}`;
  }
}
