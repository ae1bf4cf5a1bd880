import type { ConfigResult, IntegrationDefinition, KeySchema } from '@wispsync/core';
import { coreSchema } from '@wispsync/core';

/**
 * A tool's source settings: the keys of its own sections that locate or unlock the source (a URL
 * or a secret) and have no default. A tool is set up when any of them is filled in: then it is
 * meant to run, and a missing one is a mistake worth reporting. `enable_*` flags do not count:
 * our tools ignore them.
 */
export function sourceSettings(definition: IntegrationDefinition<unknown>): [string, string][] {
  const keys: [string, string][] = [];
  for (const [section, sectionKeys] of Object.entries(definition.schema)) {
    for (const [key, schema] of Object.entries(sectionKeys) as [string, KeySchema][]) {
      if (coreSchema[section]?.[key] !== undefined) continue;
      if ((schema.secret || schema.format === 'http-url') && schema.default === '') keys.push([section, key]);
    }
  }
  return keys;
}

function filled(config: ConfigResult, section: string, key: string): boolean {
  const value = (config.data[section] as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}

/**
 * Set up: a source setting is filled in. A tool with none (mikrotik reads its routers from a file
 * of its own) counts as set up when any key of its own section differs from the default.
 */
export function isConfigured(config: ConfigResult, definition: IntegrationDefinition<unknown>): boolean {
  const settings = sourceSettings(definition);
  if (settings.length > 0) return settings.some(([section, key]) => filled(config, section, key));
  return Object.entries(definition.schema).some(([section, keys]) =>
    Object.entries(keys).some(([key, schema]) => {
      if (coreSchema[section]?.[key] !== undefined) return false;
      const value = (config.data[section] as Record<string, unknown> | undefined)?.[key];
      return value !== undefined && JSON.stringify(value) !== JSON.stringify(schema.default);
    }),
  );
}

export function configuredTools(
  config: ConfigResult,
  definitions: readonly IntegrationDefinition<unknown>[],
): IntegrationDefinition<unknown>[] {
  return definitions.filter((d) => isConfigured(config, d));
}

/** `[uisp_integration] url and token are empty`, for a tool that is not set up. */
export function describeUnset(definition: IntegrationDefinition<unknown>): string {
  const settings = sourceSettings(definition);
  if (settings.length === 0) {
    return `no key of ${Object.keys(definition.schema)
      .filter((section) => coreSchema[section] === undefined)
      .map((section) => `[${section}]`)
      .join(', ')} is set (name it with --only to check it anyway)`;
  }
  const bySection = new Map<string, string[]>();
  for (const [section, key] of settings) bySection.set(section, [...(bySection.get(section) ?? []), key]);
  return [...bySection]
    .map(([section, keys]) => `[${section}] ${keys.join(', ')} ${keys.length === 1 ? 'is' : 'are'} empty`)
    .join('; ');
}
