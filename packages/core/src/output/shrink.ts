import { WispError } from '../errors/index.js';

export interface ShrinkInput {
  /** Circuits in the ShapedDevices.csv being replaced (0 when there is none). */
  currentCircuits: number;
  newCircuits: number;
  force: boolean;
}

/**
 * Refuse to replace a working file with one that lost most of its circuits: an empty or halved
 * answer from a source is far more often an outage, a permission change or a bad filter than a
 * real loss of half the customers, and writing it would unshape them all within seconds.
 */
export function checkShrink({ currentCircuits, newCircuits, force }: ShrinkInput): void {
  if (force || currentCircuits <= 0) return;
  if (newCircuits > 0 && newCircuits >= currentCircuits / 2) return;
  const what = newCircuits === 0 ? 'no circuits' : `only ${newCircuits} circuits`;
  throw new WispError(
    'shrink',
    `refusing to write: the new ShapedDevices.csv has ${what}, the current one has ${currentCircuits}`,
    { hint: 'check the source; rerun with --force if the drop is real' },
  );
}
