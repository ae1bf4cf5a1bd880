import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs this large get a full garbage collection between stages. */
export const LARGE_RUN = 20_000;

let collect: (() => void) | undefined;

/**
 * A full garbage collection between pipeline stages. V8 postpones major collections while the
 * heap grows, so on 100k+ circuits the raw records, the inventory and the validation rows pile up
 * and peak RSS doubles; collecting once after each big stage drops them for ~20–40 ms each.
 */
export function releaseMemory(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
