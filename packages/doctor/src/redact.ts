import type { ConfigResult, IntegrationDefinition } from '@wispsync/core';
import { coreSchema, mergeSchemas } from '@wispsync/core';
import type { CheckResult } from './check.js';

/**
 * A last line of defence: every secret of the config (any tool's) is replaced by *** in the
 * report, whatever a source's error message carried.
 */
export function redactor(
  config: ConfigResult | undefined,
  definitions: readonly IntegrationDefinition<unknown>[],
): (check: CheckResult) => CheckResult {
  const secrets: string[] = [];
  const schema = definitions.reduce((merged, d) => mergeSchemas(merged, d.schema), coreSchema);
  for (const [section, keys] of Object.entries(schema)) {
    for (const [key, spec] of Object.entries(keys)) {
      if (!spec.secret || config === undefined) continue;
      const value = section
        ? (config.data[section] as Record<string, unknown> | undefined)?.[key]
        : config.data[key];
      if (typeof value === 'string' && value.length >= 4) secrets.push(value);
    }
  }
  const clean = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  return (check) => ({
    ...check,
    message: clean(check.message),
    ...(check.fix === undefined ? {} : { fix: clean(check.fix) }),
    ...(check.details === undefined ? {} : { details: check.details.map(clean) }),
  });
}
