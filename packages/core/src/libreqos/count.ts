import { parseShapedDevices } from './parse-csv.js';

/**
 * How many circuits an existing ShapedDevices.csv holds (distinct Circuit IDs), for the shrink
 * guard. Reading only the first column of each line is ~10× cheaper than a full parse on 200k
 * rows; any line with a quote falls back to the full parser, which handles every CSV form.
 */
export function countCircuits(text: string): number {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('"')) return new Set(parseShapedDevices(body).rows.map((row) => row.circuitId)).size;
  const lines = body.split(/\r?\n/);
  let header = true;
  const ids = new Set<string>();
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (header) {
      header = false;
      // A header-aware file may move Circuit ID elsewhere: let the full parser deal with it.
      if (!/^\s*circuit[\s_]*id\s*,/i.test(line))
        return new Set(parseShapedDevices(body).rows.map((r) => r.circuitId)).size;
      continue;
    }
    const comma = line.indexOf(',');
    ids.add((comma < 0 ? line : line.slice(0, comma)).trim());
  }
  return ids.size;
}
