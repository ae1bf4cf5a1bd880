/** Display names and coordinates of Splynx infrastructure, as LibreQoS's newest integration makes them. */

/** Whitespace runs become one space, ends trimmed; an empty result falls back to the id. */
export function normalizeDisplayName(name: string, fallback: string): string {
  const text = name.replace(/\s+/g, ' ').trim();
  return text === '' ? fallback : text;
}

/**
 * The first field with visible text, as given (not trimmed: the raw form is what an operator may
 * have typed into an override file). Numbers count as text. '' when none has any.
 */
export function firstText(...values: unknown[]): string {
  for (const value of values) {
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return '';
}

/**
 * Names shared by two or more ids become `<name> (<id>)` for every one of them, so each node says
 * which Splynx record it is (core would otherwise number them ` (2)`, ` (3)` in input order, which
 * changes when the list order does). Names are whitespace-normalised first.
 */
export function disambiguateNames(names: ReadonlyMap<string, string>): Map<string, string> {
  const normalized = new Map<string, string>();
  const count = new Map<string, number>();
  for (const [id, name] of names) {
    const text = normalizeDisplayName(name, id);
    normalized.set(id, text);
    count.set(text, (count.get(text) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [id, text] of normalized) out.set(id, (count.get(text) ?? 0) > 1 ? `${text} (${id})` : text);
  return out;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** `"45.1,-93.2"` → coordinates; anything else (blank, one part, out of range) → undefined. */
export function parseGps(value: unknown): Coordinates | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parts = value.split(',');
  if (parts.length !== 2) return undefined;
  const [lat, lon] = parts.map((part) => (part.trim() === '' ? Number.NaN : Number(part.trim())));
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon))
    return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { latitude: lat, longitude: lon };
}
