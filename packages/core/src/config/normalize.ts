import type { ConfigSchema } from './schema.js';

/** LibreQoS accepts these spellings; so do we. */
const ENUM_ALIASES: Record<string, string> = { full2: 'full' };

/** Before validation: enum values are compared trimmed and lower-case (`" AP_Only "` is `ap_only`). */
export function normalizeConfig(data: Record<string, unknown>, schema: ConfigSchema): void {
  for (const [section, keys] of Object.entries(schema)) {
    const target = section ? data[section] : data;
    if (!target || typeof target !== 'object' || Array.isArray(target)) continue;
    const values = target as Record<string, unknown>;
    for (const [key, keySchema] of Object.entries(keys)) {
      const value = values[key];
      if (keySchema.enum && typeof value === 'string') {
        const lowered = value.trim().toLowerCase();
        values[key] = ENUM_ALIASES[lowered] ?? lowered;
      }
    }
  }
}

/** `"cpe:parent"` strings and `{cpe, parent}` tables both become `{cpe, parent}` (split at the first colon). */
export function normalizeExceptionCpes(value: unknown): { cpe: string; parent: string }[] {
  if (!Array.isArray(value)) return [];
  const out: { cpe: string; parent: string }[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') {
      const at = entry.indexOf(':');
      if (at > 0) out.push({ cpe: entry.slice(0, at).trim(), parent: entry.slice(at + 1).trim() });
    } else if (entry && typeof entry === 'object') {
      const { cpe, parent } = entry as { cpe?: unknown; parent?: unknown };
      if (typeof cpe === 'string' && typeof parent === 'string')
        out.push({ cpe: cpe.trim(), parent: parent.trim() });
    }
  }
  return out;
}
