import type { RulePolicy } from './policy.js';
import { type ProblemSink, q } from './sink.js';
import { RATE_FIELDS, type RateField, type ShapedDevicesRow } from './types.js';

export const RATE_LABEL: Record<RateField, string> = {
  downloadMin: 'Download Min',
  uploadMin: 'Upload Min',
  downloadMax: 'Download Max',
  uploadMax: 'Upload Max',
};

const MIN_MAX_PAIRS = [
  ['downloadMin', 'downloadMax'],
  ['uploadMin', 'uploadMax'],
] as const;

const WHOLE = /^\+?\d+$/;

/** LibreQoS 1.4 reads rates as whole numbers (Rust u32, Python int()) with min ≥ 1 and max ≥ 2. */
function checkWholeRates(r: ShapedDevicesRow, sink: ProblemSink): void {
  for (const key of RATE_FIELDS) {
    const raw = r.rawRates[key].trim();
    const floor = key.endsWith('Min') ? 1 : 2;
    if (!WHOLE.test(raw)) {
      const wrong = Number.isFinite(r[key]) ? 'is not a whole number' : 'is not a number of Mbps';
      sink.add(
        'error',
        'circuit',
        r.circuitId,
        `${RATE_LABEL[key]} ${q(r.rawRates[key])} ${wrong}; LibreQoS 1.4 reads whole Mbps only`,
        r.line,
        { rule: 'rate-number', hint: `write a whole number of Mbps (at least ${floor})` },
      );
    } else if (r[key] < floor) {
      sink.add(
        'error',
        'circuit',
        r.circuitId,
        `${RATE_LABEL[key]} ${r[key]} is below LibreQoS 1.4's minimum of ${floor} Mbps`,
        r.line,
        { rule: 'rate-floor', hint: `raise it to at least ${floor}` },
      );
    }
  }
}

export function checkRates(r: ShapedDevicesRow, policy: RulePolicy, sink: ProblemSink): void {
  const cid = r.circuitId;
  let usable = true;
  if (policy.wholeRates) {
    checkWholeRates(r, sink);
  } else {
    for (const key of RATE_FIELDS) {
      const value = r[key];
      if (!Number.isFinite(value)) {
        sink.add(
          'error',
          'circuit',
          cid,
          `${RATE_LABEL[key]} ${q(r.rawRates[key])} is not a number of Mbps`,
          r.line,
          { rule: 'rate-number', hint: 'write a plain number of Mbps, such as 25 or 2.5 (no units)' },
        );
        usable = false;
      } else if (value < 0.1) {
        sink.add(
          'error',
          'circuit',
          cid,
          `${RATE_LABEL[key]} ${value} is below 0.1 Mbps, LibreQoS's minimum`,
          r.line,
          { rule: 'rate-floor', hint: 'raise it to at least 0.1 (1 is safe on every LibreQoS version)' },
        );
        usable = false;
      }
    }
  }
  for (const [min, max] of MIN_MAX_PAIRS) {
    if (r[min] > r[max]) {
      sink.add(
        'error',
        'circuit',
        cid,
        `${RATE_LABEL[min]} ${r[min]} is above ${RATE_LABEL[max]} ${r[max]}`,
        r.line,
        { rule: 'min-max', hint: `lower ${RATE_LABEL[min]} to at most ${RATE_LABEL[max]}` },
      );
    }
  }
  // Our legacy output also loads on LibreQoS 1.4, which wants min ≥ 1, max ≥ 2.
  if (!usable || !policy.warnBelowLegacyLimits) return;
  if (r.downloadMin >= 1 && r.uploadMin >= 1 && r.downloadMax >= 2 && r.uploadMax >= 2) return;
  const low = RATE_FIELDS.filter((key) => r[key] < (key.endsWith('Min') ? 1 : 2));
  if (low.length > 0) {
    const list = low.map((key) => `${RATE_LABEL[key]} ${r[key]}`).join(', ');
    sink.add(
      'warning',
      'circuit',
      cid,
      `${list}: below LibreQoS 1.4's limits (min ≥ 1, max ≥ 2 Mbps)`,
      r.line,
      { rule: 'rate-floor', hint: 'use min ≥ 1 and max ≥ 2 if the file must also load on LibreQoS 1.4' },
    );
  }
}
