const SEPARATORS = /[\s,;]+/;

/**
 * Split what a source gives as "the IPs" (one string with commas, semicolons or spaces, or an
 * array of such strings) into items: trimmed, no empties, first occurrence kept.
 */
export function splitIpList(value: unknown): string[] {
  const pieces: string[] = [];
  if (typeof value === 'string') {
    pieces.push(...value.split(SEPARATORS));
  } else if (Array.isArray(value)) {
    for (const element of value) {
      if (typeof element === 'string') pieces.push(...element.split(SEPARATORS));
    }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of pieces) {
    if (piece === '' || seen.has(piece)) continue;
    seen.add(piece);
    out.push(piece);
  }
  return out;
}
