import type { ErrorObject } from 'ajv';
import { label } from './env.js';
import type { ConfigSchema, KeySchema } from './schema.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const cache = new WeakMap<ConfigSchema, Validator>();

/** Fills defaults into `data` in place and returns `[section].key` error messages. */
export async function validateConfig(data: Record<string, unknown>, schema: ConfigSchema): Promise<string[]> {
  const validate = cache.get(schema) ?? (await compile(schema));
  cache.set(schema, validate);
  if (validate(data)) return [];
  return describeErrors(validate.errors ?? [], data, schema);
}

async function compile(schema: ConfigSchema): Promise<Validator> {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ useDefaults: true, allErrors: true, strict: false });
  ajv.addFormat('http-url', (value: string) => value === '' || isHttpUrl(value));
  ajv.addFormat('cidr', isCidr);
  const module = await import('ipaddr.js');
  const ipaddr = (module as unknown as { default?: typeof module }).default ?? module;
  cidrParser = (value) => {
    if (value.includes('/')) ipaddr.parseCIDR(value);
    else ipaddr.parse(value);
  };
  return ajv.compile(toJsonSchema(schema)) as Validator;
}

let cidrParser: ((value: string) => void) | undefined;

function isCidr(value: string): boolean {
  try {
    cidrParser?.(value.trim());
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function toJsonSchema(schema: ConfigSchema): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [section, keys] of Object.entries(schema)) {
    const keyProps = Object.fromEntries(Object.entries(keys).map(([key, s]) => [key, keyJsonSchema(s)]));
    if (section === '') Object.assign(properties, keyProps);
    else properties[section] = { type: 'object', default: {}, properties: keyProps };
  }
  return { type: 'object', properties };
}

function keyJsonSchema(s: KeySchema): Record<string, unknown> {
  const out: Record<string, unknown> = { type: s.type, default: s.default };
  if (s.items) out.items = s.items;
  if (s.enum) out.enum = s.enum;
  if (s.minimum !== undefined) out.minimum = s.minimum;
  if (s.exclusiveMinimum !== undefined) out.exclusiveMinimum = s.exclusiveMinimum;
  if (s.format) out.format = s.format;
  return out;
}

function describeErrors(
  errors: ErrorObject[],
  data: Record<string, unknown>,
  schema: ConfigSchema,
): string[] {
  const messages = new Map<string, string>();
  // anyOf reports every branch; keep one message for its path and drop the branch noise below it.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  for (const error of errors) {
    const path = error.instancePath;
    if (error.keyword !== 'anyOf' && anyOfPaths.some((p) => path === p || path.startsWith(`${p}/`))) continue;
    if (messages.has(path)) continue;
    messages.set(path, describe(error, data, schema));
  }
  return [...messages.values()];
}

function describe(error: ErrorObject, data: Record<string, unknown>, schema: ConfigSchema): string {
  const parts = error.instancePath.split('/').slice(1);
  const { name, keySchema } = locate(parts, schema);
  const value = valueAt(data, parts);
  const shown = keySchema?.secret ? '' : ` (got ${JSON.stringify(value)})`;
  switch (error.keyword) {
    case 'type':
      if (parts.length === 1 && schema[parts[0] ?? ''] && !keySchema)
        return `config: [${parts[0]}] must be a table`;
      return `config: ${name} must be ${article(String(error.params.type))}${shown}`;
    case 'enum':
      return `config: ${name} must be one of ${(error.params.allowedValues as string[]).join(', ')}${shown}`;
    case 'format':
      return error.params.format === 'http-url'
        ? `config: ${name} must be an http:// or https:// URL${shown}`
        : `config: ${name} must be an IP address or CIDR subnet${shown}`;
    case 'anyOf':
      return `config: ${name} must be a "cpe:parent" string or a {cpe = "...", parent = "..."} table${shown}`;
    case 'exclusiveMinimum':
      return `config: ${name} must be greater than ${error.params.limit}${shown}`;
    case 'minimum':
      return `config: ${name} must be at least ${error.params.limit}${shown}`;
    default:
      return `config: ${name} ${error.message ?? 'is invalid'}${shown}`;
  }
}

function locate(parts: string[], schema: ConfigSchema): { name: string; keySchema: KeySchema | undefined } {
  const [first = '', second, ...rest] = parts;
  const index = rest.length > 0 ? `[${rest.join('][')}]` : '';
  if (schema['']?.[first]) {
    const tail = second === undefined ? '' : `[${[second, ...rest].join('][')}]`;
    return { name: `${first}${tail}`, keySchema: schema['']?.[first] };
  }
  if (second === undefined) return { name: `[${first}]`, keySchema: undefined };
  return { name: `${label(first, second)}${index}`, keySchema: schema[first]?.[second] };
}

function valueAt(data: unknown, parts: string[]): unknown {
  let current = data;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
