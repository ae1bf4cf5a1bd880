import type { ConfigResult, IntegrationDefinition } from '@wispsync/core';
import { configSecrets, coreSchema, mergeSchemas, Redactor } from '@wispsync/core';
import type { CheckResult } from './check.js';

/**
 * A last line of defence: every secret of the config (any tool's) is replaced by *** in the
 * report, whatever a source's error message carried.
 */
export function redactor(
  config: ConfigResult | undefined,
  definitions: readonly IntegrationDefinition<unknown>[],
): (check: CheckResult) => CheckResult {
  const schema = definitions.reduce((merged, d) => mergeSchemas(merged, d.schema), coreSchema);
  const redact = new Redactor(config === undefined ? [] : configSecrets(config.data, schema));
  const clean = (text: string): string => redact.text(text);
  return (check) => ({
    ...check,
    message: clean(check.message),
    ...(check.fix === undefined ? {} : { fix: clean(check.fix) }),
    ...(check.details === undefined ? {} : { details: check.details.map(clean) }),
  });
}
