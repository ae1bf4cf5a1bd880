/**
 * Round to 2 decimals the way Python's `round(x, 2)` does: on the exact binary value of `x`,
 * ties to even. `Math.round(x * 100) / 100` differs whenever the product rounds across a tie
 * (`2.675` is really 2.67499…, yet `2.675 * 100 === 267.5`).
 */

// x * 100 is off from the exact product by at most half an ulp; anything farther than this from
// a .5 fraction rounds the same way on the exact value, so the fast path is safe.
const TIE_WINDOW = 1e-12;
// Past this the hundredths no longer fit a double exactly; no rate gets near it (90 Tbps), so such
// values are returned unchanged rather than rounded through BigInt.
const EXACT_LIMIT = 2 ** 53 / 100;

export function roundRate(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = x * 100;
  const fraction = scaled - Math.floor(scaled);
  if (Math.abs(fraction - 0.5) > TIE_WINDOW * Math.max(1, Math.abs(scaled))) {
    return Math.round(scaled) / 100 || 0;
  }
  return roundExact(x);
}

/** Slow path: decide near-ties from the exact decimal expansion of the double. */
function roundExact(x: number): number {
  const magnitude = Math.abs(x);
  if (magnitude >= EXACT_LIMIT) return x;
  // toFixed works on the exact value; 100 digits cover every fraction a rate can carry.
  const text = magnitude.toFixed(100);
  const dot = text.indexOf('.');
  const kept = text.slice(0, dot) + text.slice(dot + 1, dot + 3);
  const rest = text.slice(dot + 3);
  let hundredths = Number(kept);
  const first = rest.charCodeAt(0) - 48;
  const beyondHalf = /[1-9]/.test(rest.slice(1));
  if (first > 5 || (first === 5 && (beyondHalf || hundredths % 2 === 1))) hundredths += 1;
  const rounded = hundredths / 100;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}
