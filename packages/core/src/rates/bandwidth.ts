/**
 * network.json bandwidths are positive integers: LibreQoS applies `int()` (truncation) and a
 * node at 0 Mbps breaks the queue tree, so anything unusable falls back to the configured default.
 */
export function nodeBandwidth(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return positiveInteger(fallback);
  return Math.max(1, Math.floor(value));
}

function positiveInteger(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}
