import type { ErrorObject } from 'ajv';

/** Returns the problems of one record (empty = valid), each as `field: what is wrong (got …)`. */
export type RecordValidator = (record: unknown) => string[];

/**
 * Compiles a JSON Schema for one source record (the fields we use; unknown fields are ignored).
 * ajv is loaded on first use so `--help` stays fast.
 */
export async function compileRecordValidator(schema: Record<string, unknown>): Promise<RecordValidator> {
  const validate = (await sharedAjv()).compile(schema);
  return (record) => (validate(record) ? [] : describe(validate.errors ?? [], record));
}

let ajvInstance: Promise<import('ajv').Ajv> | undefined;

/** One Ajv for every record schema of a run (each new instance costs ~10 ms to set up). */
function sharedAjv(): Promise<import('ajv').Ajv> {
  ajvInstance ??= import('ajv').then(({ Ajv }) => new Ajv({ allErrors: true, strict: false }));
  return ajvInstance;
}

function describe(errors: ErrorObject[], record: unknown): string[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1).join('.') || 'record';
    if (byPath.has(path)) continue;
    const got = JSON.stringify(valueAt(record, error.instancePath));
    const what =
      error.keyword === 'type'
        ? `must be ${[error.params.type].flat().join(' or ')}`
        : error.keyword === 'required'
          ? `is missing ${error.params.missingProperty}`
          : (error.message ?? 'is invalid');
    byPath.set(
      path,
      error.keyword === 'required' ? `${path} ${what}` : `${path} ${what} (got ${truncate(got)})`,
    );
  }
  return [...byPath.values()];
}

function valueAt(record: unknown, pointer: string): unknown {
  let current = record;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function truncate(text: string | undefined): string {
  if (text === undefined) return 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
