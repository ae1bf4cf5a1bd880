/**
 * The raw VISP answers and the small readers every other file shares. VISP sends ids as numbers or
 * numeric strings and JSON scalars (`equipment_data`) as objects or JSON text; these readers accept
 * both, as LibreQoS's Python does.
 */

export type Row = Record<string, unknown>;

/** One backfilled customer: its services and, when one of them needed it, its IP list. */
export interface BackfillAnswer {
  customerId: number;
  services: Row[];
  /** `customerIPList` row, present only when it was asked for and answered. */
  ipList?: Row | undefined;
  /** Why the customerServices lookup failed (the customer is skipped). */
  error?: string | undefined;
}

export interface OnlineSession {
  username: string;
  ip: string;
}

/** Everything fetched from VISP, in the order LibreQoS asks for it. */
export interface VispRaw {
  subscribers: Row[];
  assemblies: Row[];
  equipment: Row[];
  /** The wireless bulk records; undefined when the bulk query is disabled. */
  bulk: Row[] | undefined;
  backfill: BackfillAnswer[];
  online: OnlineSession[];
  /** Settings the mapper needs (service type allowlist, debug switches). */
  options: MapOptions;
}

export interface MapOptions {
  serviceTypes: string[];
  debugStatus: boolean;
  debugTopology: boolean;
  onlineUsersDomain: string;
}

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's `int(x or 0)` made safe: integral numbers and integer strings; anything else is 0. */
export function safeInt(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.trunc(value);
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return 0;
}

/** Python truthiness for JSON values: null, false, 0, "" and empty containers are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRow(value)) return Object.keys(value).length > 0;
  return true;
}

/** Python's `str(x or "").strip()` for the JSON values VISP sends. */
export function text(value: unknown): string {
  if (!truthy(value)) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A JSON-scalar field: an object, or JSON text holding one; anything else is an empty object. */
export function jsonObject(value: unknown): Row {
  if (isRow(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isRow(parsed)) return parsed;
    } catch {
      // Not JSON: treated as no data, as LibreQoS does.
    }
  }
  return {};
}

/** Keeps the object rows of a list; `dropped` counts the rest (LibreQoS drops them silently). */
export function objectRows(value: unknown): { rows: Row[]; dropped: number } {
  if (!Array.isArray(value)) return { rows: [], dropped: 0 };
  const rows = value.filter(isRow);
  return { rows, dropped: value.length - rows.length };
}

/** Subscribers by customer id (> 0; a later row wins, as in LibreQoS), and the ids in first-seen order. */
export function indexSubscribers(rows: readonly Row[]): { byId: Map<number, Row>; order: number[] } {
  const byId = new Map<number, Row>();
  const order: number[] = [];
  for (const row of rows) {
    const id = safeInt(row.customer_id);
    if (id <= 0) continue;
    if (!byId.has(id)) order.push(id);
    byId.set(id, row);
  }
  return { byId, order };
}

/** Customer ids the bulk query covered: every record's positive `customer_id`, named or not. */
export function bulkCustomerIds(bulk: readonly Row[] | undefined): Set<number> {
  const ids = new Set<number>();
  for (const record of bulk ?? []) {
    const id = safeInt(record.customer_id);
    if (id > 0) ids.add(id);
  }
  return ids;
}

/** `"<first> <last>"` trimmed, as LibreQoS builds a subscriber's full name. */
export function fullName(subscriber: Row | undefined): string {
  if (subscriber === undefined) return '';
  return `${text(subscriber.first_name)} ${text(subscriber.last_name)}`.trim();
}
