import { describe, expect, it } from 'vitest';
import { isWispError } from '../src/errors/index.js';
import { checkShrink } from '../src/output/index.js';

describe('checkShrink', () => {
  it.each([
    { current: 0, next: 0, force: false, refused: false },
    { current: 0, next: 500, force: false, refused: false },
    { current: 10, next: 5, force: false, refused: false },
    { current: 10, next: 20, force: false, refused: false },
    { current: 11, next: 6, force: false, refused: false },
    { current: 11, next: 5, force: false, refused: true },
    { current: 10, next: 4, force: false, refused: true },
    { current: 10, next: 0, force: false, refused: true },
    { current: 1, next: 0, force: false, refused: true },
    { current: 10, next: 4, force: true, refused: false },
    { current: 10, next: 0, force: true, refused: false },
  ])('$current → $next (force $force): refused $refused', ({ current, next, force, refused }) => {
    const run = () => checkShrink({ currentCircuits: current, newCircuits: next, force });
    if (!refused) {
      expect(run).not.toThrow();
      return;
    }
    try {
      run();
      expect.unreachable('checkShrink should refuse');
    } catch (error) {
      expect(isWispError(error)).toBe(true);
      if (!isWispError(error)) return;
      expect(error.kind).toBe('shrink');
      expect(error.exitCode).toBe(5);
      expect(error.message).toContain(String(current));
      expect(error.message).toContain(next === 0 ? 'no circuits' : `only ${next} circuits`);
      expect(error.hint).toBe('check the source; rerun with --force if the drop is real');
    }
  });

  it('says both numbers', () => {
    expect(() => checkShrink({ currentCircuits: 120_000, newCircuits: 40, force: false })).toThrow(
      'refusing to write: the new ShapedDevices.csv has only 40 circuits, the current one has 120000',
    );
  });
});
