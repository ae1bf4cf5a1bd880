import { describe, expect, it } from 'vitest';
import { computeCircuitRates, nodeBandwidth, type RateOptions, roundRate } from '../src/rates/index.js';

/** Independent reference: round(x·100) half-to-even on the exact rational value, with BigInt. */
function referenceRound(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  let hundredths: bigint;
  if (exponent >= 0) {
    hundredths = mantissa * 100n * (1n << BigInt(exponent));
  } else {
    const numerator = mantissa * 100n;
    const denominator = 1n << BigInt(-exponent);
    hundredths = numerator / denominator;
    const twice = 2n * (numerator % denominator);
    if (twice > denominator || (twice === denominator && hundredths % 2n === 1n)) hundredths += 1n;
  }
  const rounded = Number(hundredths) / 100;
  return x < 0 ? -rounded : rounded;
}

describe('roundRate', () => {
  // Expected values checked against Python 3 `round(x, 2)`.
  it.each([
    [0.125, 0.12],
    [0.375, 0.38],
    [0.625, 0.62],
    [2.675, 2.67],
    [1.005, 1],
    [0.015, 0.01],
    [0.025, 0.03],
    [12345.125, 12345.12],
    [114.99999999999999, 115],
    [114.99999761581421, 115],
    [112.69999766349792, 112.7],
    [100.5 * 0.98, 98.49],
    [20.123 * 0.98, 19.72],
    [20.123, 20.12],
    [0.4, 0.4],
    [100, 100],
    [0, 0],
    [-2.675, -2.67],
    [-0.125, -0.12],
  ])('round(%d, 2) = %d', (x, expected) => {
    expect(roundRate(x)).toBe(expected);
  });

  it('passes non-finite values through', () => {
    expect(roundRate(Number.NaN)).toBeNaN();
    expect(roundRate(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('never returns -0', () => {
    expect(Object.is(roundRate(-0.001), 0)).toBe(true);
  });

  it('agrees with an exact BigInt reference on ties, near-ties and random rates', () => {
    const samples: number[] = [];
    for (let k = 0; k < 20000; k++) samples.push(k / 8, k / 1000 + 0.005, k * 0.01 + 0.005);
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 20000; k++) samples.push(random() * 10000, random() * 100 * Math.fround(1.15));
    for (const x of samples) {
      if (roundRate(x) !== referenceRound(x))
        expect.fail(`roundRate(${x}) = ${roundRate(x)}, expected ${referenceRound(x)}`);
    }
  });
});

describe('computeCircuitRates', () => {
  const plain: RateOptions = { commitMultiplier: 1, overheadFactor: 1, clientMultiplier: 1 };

  it.each<
    [string, RateOptions, Parameters<typeof computeCircuitRates>[0], ReturnType<typeof computeCircuitRates>]
  >([
    [
      'commit 0.98, overhead 1.15, client 1.2',
      { commitMultiplier: 0.98, overheadFactor: 1.15, clientMultiplier: 1.2 },
      { downloadMbps: 100, uploadMbps: 20 },
      { downloadMin: 98, uploadMin: 19.6, downloadMax: 120, uploadMax: 24 },
    ],
    [
      'overhead wins over a smaller client multiplier (f32-widened as config delivers it)',
      { commitMultiplier: 0.98, overheadFactor: Math.fround(1.15), clientMultiplier: 1 },
      { downloadMbps: 100, uploadMbps: 100 },
      { downloadMin: 98, uploadMin: 98, downloadMax: 115, uploadMax: 115 },
    ],
    [
      'burst is added to the max only',
      plain,
      { downloadMbps: 50, uploadMbps: 10, burstDownloadMbps: 25, burstUploadMbps: 5 },
      { downloadMin: 50, uploadMin: 10, downloadMax: 75, uploadMax: 15 },
    ],
    [
      'burst scaled by the multiplier',
      { commitMultiplier: 1, overheadFactor: 1, clientMultiplier: 2 },
      { downloadMbps: 10, uploadMbps: 10, burstDownloadMbps: 5 },
      { downloadMin: 10, uploadMin: 10, downloadMax: 30, uploadMax: 20 },
    ],
    [
      'rounds both columns to 2 decimals',
      { commitMultiplier: 0.98, overheadFactor: 1, clientMultiplier: 1 },
      { downloadMbps: 100.5, uploadMbps: 20.123 },
      { downloadMin: 98.49, uploadMin: 19.72, downloadMax: 100.5, uploadMax: 20.12 },
    ],
    [
      'zero plan gives floor/floor',
      plain,
      { downloadMbps: 0, uploadMbps: 0 },
      { downloadMin: 1, uploadMin: 1, downloadMax: 1, uploadMax: 1 },
    ],
    [
      'tiny plan is floored',
      plain,
      { downloadMbps: 0.4, uploadMbps: 0.004 },
      { downloadMin: 1, uploadMin: 1, downloadMax: 1, uploadMax: 1 },
    ],
    [
      'non-finite and negative plans count as 0',
      plain,
      { downloadMbps: Number.NaN, uploadMbps: -5, burstDownloadMbps: Number.POSITIVE_INFINITY },
      { downloadMin: 1, uploadMin: 1, downloadMax: 1, uploadMax: 1 },
    ],
    [
      'min above max is clamped to max (commit > multiplier)',
      { commitMultiplier: 1.5, overheadFactor: 1, clientMultiplier: 1.2 },
      { downloadMbps: 10, uploadMbps: 10 },
      { downloadMin: 12, uploadMin: 12, downloadMax: 12, uploadMax: 12 },
    ],
    [
      'custom floor',
      { ...plain, floorMbps: 2 },
      { downloadMbps: 1, uploadMbps: 5 },
      { downloadMin: 2, uploadMin: 5, downloadMax: 2, uploadMax: 5 },
    ],
  ])('%s', (_label, options, rate, expected) => {
    expect(computeCircuitRates(rate, options)).toEqual(expected);
  });

  it('slow suspension shapes at 0.1 both ways, below the floor', () => {
    expect(computeCircuitRates({ downloadMbps: 500, uploadMbps: 100 }, plain, 'slow')).toEqual({
      downloadMin: 0.1,
      uploadMin: 0.1,
      downloadMax: 0.1,
      uploadMax: 0.1,
    });
  });
});

describe('nodeBandwidth', () => {
  it.each<[number | undefined, number, number]>([
    [undefined, 1000, 1000],
    [Number.NaN, 1000, 1000],
    [0, 1000, 1000],
    [-5, 1000, 1000],
    [Number.POSITIVE_INFINITY, 1000, 1000],
    [500, 1000, 500],
    [500.9, 1000, 500],
    [0.5, 1000, 1],
    [undefined, 0, 1],
    [undefined, 2.7, 2],
  ])('nodeBandwidth(%s, %s) = %s', (value, fallback, expected) => {
    expect(nodeBandwidth(value, fallback)).toBe(expected);
  });
});
