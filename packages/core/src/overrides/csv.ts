import { readFile } from 'node:fs/promises';
import { WispError } from '../errors/index.js';
import { papaparse } from '../libreqos/papa.js';

/** One data row of an override CSV: trimmed cells, its 1-based line, its index among all rows. */
export interface OverrideRow {
  cells: string[];
  line: number;
  index: number;
}

/** The file's text, or null when it does not exist (no overrides); unreadable → config error. */
export async function readOverrideFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WispError('config', `could not read ${path}: ${(error as Error).message}`);
  }
}

/** Rows with trimmed cells; blank lines and `#` comments are skipped, line numbers stay true. */
export function overrideRows(text: string): OverrideRow[] {
  const parsed = papaparse().parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows: OverrideRow[] = [];
  parsed.data.forEach((row, index) => {
    const cells = row.map((cell) => cell.trim());
    if (cells[0]?.startsWith('#') || cells.every((cell) => cell === '')) return;
    rows.push({ cells, line: index + 1, index });
  });
  return rows;
}

/** All malformed rows in one config error (exit 2), the first as the message. */
export function throwOverrideProblems(path: string, problems: string[], hint: string): void {
  const [first, ...rest] = problems;
  if (first) throw new WispError('config', `${path} ${first}`, { details: rest, hint });
}
