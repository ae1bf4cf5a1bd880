import type { ConfigData } from './load.js';
import type { ConfigSchema } from './schema.js';

/** The values of every key the schema marks secret (tokens, keys, passwords) that are set. */
export function configSecrets(data: ConfigData, schema: ConfigSchema): string[] {
  const secrets: string[] = [];
  for (const [section, keys] of Object.entries(schema)) {
    for (const [key, spec] of Object.entries(keys)) {
      if (!spec.secret) continue;
      const value = section ? (data[section] as Record<string, unknown> | undefined)?.[key] : data[key];
      if (typeof value === 'string' && value !== '') secrets.push(value);
    }
  }
  return secrets;
}
