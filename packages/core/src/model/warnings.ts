/** Per-item warnings kept before the rest are summed up in one line. */
export const WARNING_DETAIL_LIMIT = 20;

/** The first `limit` lines, then `… and N more <summary>`: 50,000 similar lines help nobody. */
export function capWarnings(
  lines: readonly string[],
  summary: string,
  limit = WARNING_DETAIL_LIMIT,
): string[] {
  const shown = lines.slice(0, limit);
  const rest = lines.length - shown.length;
  return rest > 0 ? [...shown, `… and ${rest} more ${summary}`] : shown;
}
