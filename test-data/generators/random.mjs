// Shared by the synthetic-data generators: deterministic data from a seed.

/** A small linear congruential generator: the same seed always gives the same data. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
