import { describe, expect, it } from 'vitest';
import { toPlanRate } from '../src/plan-rate.js';
import { parseRateLimit, type RateLimit, rateLimitFromQueue } from '../src/rate-limit.js';

function parse(text: string): RateLimit {
  const result = parseRateLimit(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.limit;
}

const noBurstDefaults = { useBurst: true, defaultDownloadMbps: 7, defaultUploadMbps: 3 };

describe('rate-limit parsing', () => {
  it.each([
    // text, rx (upload) bps, tx (download) bps
    ['10M/20M', 10e6, 20e6],
    ['10M', 10e6, 10e6], // tx repeats rx
    ['512k/2M', 512e3, 2e6],
    ['512K/2m', 512e3, 2e6], // either letter case
    ['1G/1G', 1e9, 1e9],
    ['64000/128000', 64e3, 128e3], // plain bits per second
    ['1.5M/3M', 1.5e6, 3e6],
    ['0/10M', 0, 10e6], // 0 = unlimited
    ['  5M/10M  ', 5e6, 10e6],
  ])('%s → rx %d, tx %d', (text, rx, tx) => {
    const limit = parse(text);
    expect(limit.rate).toEqual({ rx, tx });
    expect(limit.burst).toBeUndefined();
    expect(limit.priority).toBe(8);
    expect(limit.min).toEqual({ rx, tx }); // limit-at defaults to the rate
  });

  it('burst rate only: threshold defaults to the rate, time to 1 s', () => {
    expect(parse('10M/20M 15M/30M').burst).toEqual({
      rate: { rx: 15e6, tx: 30e6 },
      threshold: { rx: 10e6, tx: 20e6 },
      time: { rx: 1, tx: 1 },
    });
  });

  it('every part: rate, burst rate, threshold, time, priority, min', () => {
    expect(parse('2M/8M 4M/16M 1500k/6M 10/20 3 1M/4M')).toEqual({
      rate: { rx: 2e6, tx: 8e6 },
      burst: { rate: { rx: 4e6, tx: 16e6 }, threshold: { rx: 1.5e6, tx: 6e6 }, time: { rx: 10, tx: 20 } },
      priority: 3,
      min: { rx: 1e6, tx: 4e6 },
    });
  });

  it('single values repeat for tx in every part; burst times take s/m/h', () => {
    expect(parse('5M 10M 4M 8s 8 2M')).toEqual({
      rate: { rx: 5e6, tx: 5e6 },
      burst: { rate: { rx: 10e6, tx: 10e6 }, threshold: { rx: 4e6, tx: 4e6 }, time: { rx: 8, tx: 8 } },
      priority: 8,
      min: { rx: 2e6, tx: 2e6 },
    });
    expect(parse('5M 10M 4M 1m30s/2m').burst?.time).toEqual({ rx: 90, tx: 120 });
  });

  it.each([
    ['', 'empty'],
    ['fast', 'rate "fast" is not understood'],
    ['10M/20M/30M', 'has more than one "/"'],
    ['10X/20M', 'not understood'],
    ['10M/20M 15M 10M 8 9', 'priority "9" is not 1…8'],
    ['10M/20M 15M 10M 8 0', 'priority "0"'],
    ['10M 15M 10M 8 8 20M', 'min rate 20M is above the rate'],
    ['1M 2M 1M 8 8 1M 5', 'too many parts'],
    ['10M/ ', 'not understood'],
  ])('refuses %j (%s)', (text, reason) => {
    const result = parseRateLimit(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('reads a dynamic queue (max-limit etc. are target-upload/target-download)', () => {
    const result = rateLimitFromQueue({
      name: '<pppoe-carol>',
      'max-limit': '5M/25M',
      'limit-at': '0/0',
      'burst-limit': '10M/50M',
      'burst-threshold': '4M/20M',
      'burst-time': '16s/16s',
      priority: '5/5',
    });
    expect(result).toEqual({
      ok: true,
      limit: {
        rate: { rx: 5e6, tx: 25e6 },
        burst: { rate: { rx: 10e6, tx: 50e6 }, threshold: { rx: 4e6, tx: 20e6 }, time: { rx: 16, tx: 16 } },
        priority: 5,
        min: { rx: 5e6, tx: 25e6 },
      },
    });
    // A queue without burst (burst-limit 0/0) has no burst part; an empty max-limit is no rate.
    const plain = rateLimitFromQueue({ 'max-limit': '1M/2M', 'burst-limit': '0/0', 'limit-at': '500k/1M' });
    expect(plain.ok && plain.limit.burst).toBe(undefined);
    expect(plain.ok && plain.limit.min).toEqual({ rx: 5e5, tx: 1e6 });
    expect(rateLimitFromQueue({ 'max-limit': '' })).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('rx/tx direction', () => {
  it('tx (router sends) is the download, rx (router receives) the upload', () => {
    // A 5 Mbps up / 25 Mbps down plan is written `5M/25M` on the router.
    const { rate } = toPlanRate(parse('5M/25M'), noBurstDefaults);
    expect(rate.downloadMbps).toBe(25);
    expect(rate.uploadMbps).toBe(5);
  });

  it('burst adds the extra above the sustained rate, per direction, when asked', () => {
    const limit = parse('2M/10M 4M/15M');
    expect(toPlanRate(limit, noBurstDefaults).rate).toEqual({
      downloadMbps: 10,
      uploadMbps: 2,
      burstDownloadMbps: 5,
      burstUploadMbps: 2,
    });
    expect(toPlanRate(limit, { ...noBurstDefaults, useBurst: false }).rate).toEqual({
      downloadMbps: 10,
      uploadMbps: 2,
    });
    // A burst rate at or below the rate adds nothing.
    expect(toPlanRate(parse('2M/10M 2M/8M'), noBurstDefaults).rate.burstDownloadMbps).toBeUndefined();
  });

  it('an unlimited (0) direction takes the default and is reported', () => {
    expect(toPlanRate(parse('0/10M'), noBurstDefaults)).toEqual({
      rate: { downloadMbps: 10, uploadMbps: 3 },
      unlimited: ['upload'],
    });
    expect(toPlanRate(parse('0'), noBurstDefaults)).toEqual({
      rate: { downloadMbps: 7, uploadMbps: 3 },
      unlimited: ['download', 'upload'],
    });
  });

  it('kbit plans keep their fraction of a Mbps', () => {
    expect(toPlanRate(parse('256k/512k'), noBurstDefaults).rate).toEqual({
      downloadMbps: 0.512,
      uploadMbps: 0.256,
    });
  });
});
