import { type MapContext, type RecordValidator, toText } from '@wispsync/core';
import { splynxId } from './ids.js';
import { problemText, type RawRecord, type Tariff, toTariff } from './records.js';
import type { WarningGroups } from './warnings.js';

export interface Tariffs {
  usable: Map<string, Tariff>;
  /** Tariff id → what is wrong with it; its services are skipped with that reason. */
  broken: Map<string, string>;
}

/**
 * Internet tariffs by id. A tariff with a missing or mistyped speed is reported once and remembered
 * as broken, so each of its services can say why it was skipped; the other tariffs are unaffected
 * (LibreQoS stops reading tariffs at the first bad one).
 */
export function readTariffs(
  list: readonly unknown[],
  check: RecordValidator,
  warnings: WarningGroups,
  context: Pick<MapContext, 'skip'>,
): Tariffs {
  const usable = new Map<string, Tariff>();
  const broken = new Map<string, string>();
  list.forEach((record, index) => {
    const fields = (record !== null && typeof record === 'object' ? record : {}) as RawRecord;
    const id = splynxId(fields.id);
    const problems = check(record);
    if (problems.length > 0 || id === '') {
      const why = problemText(problems) || 'it has no id';
      warnings.add(
        'invalid Splynx tariffs',
        `Splynx tariff ${toText(fields.id) || `#${index + 1}`} is unusable: ${why}; its services are skipped`,
      );
      context.skip('invalid-record');
      if (id !== '' && !usable.has(id)) broken.set(id, why);
      return;
    }
    if (usable.has(id) || broken.has(id)) {
      warnings.add('invalid Splynx tariffs', `Splynx tariff ${id} appears twice: the first is used`);
      return;
    }
    usable.set(id, toTariff(fields));
  });
  return { usable, broken };
}
