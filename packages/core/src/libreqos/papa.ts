import { createRequire } from 'node:module';
import type * as PapaModule from 'papaparse';

let papa: typeof PapaModule | undefined;

/**
 * papaparse, loaded on first use: a writing run never parses CSV on its hot path, and loading it
 * costs ~20 ms of start-up. (CommonJS, and the tsconfig has no synthetic default imports.)
 */
export function papaparse(): typeof PapaModule {
  papa ??= createRequire(import.meta.url)('papaparse') as typeof PapaModule;
  return papa;
}
