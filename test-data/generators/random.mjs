// Shared by the synthetic-data generators: deterministic data from a seed.

/** A small linear congruential generator: the same seed always gives the same data. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Name parts for synthetic subscribers. */
export const FIRST_NAMES = [
  'Ann',
  'Bob',
  'Cara',
  'Dan',
  'Eve',
  'Finn',
  'Gia',
  'Hugo',
  'Ivy',
  'Jon',
  'Kai',
  'Lena',
];
export const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Nguyen',
  'Okafor',
  'Muller',
  'Rossi',
  'Kowalski',
  'Tanaka',
  'Silva',
  'Brown',
];
