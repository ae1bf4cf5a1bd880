const SIDE = '(cake|fq_codel|none)';
const SQM = new RegExp(`^(${SIDE}|${SIDE}?/${SIDE}?)$`, 'i');

/** LibreQoS's sqm column: empty (default), `cake`, `fq_codel`, `none`, or `down/up` of those or empty. */
export function isValidSqm(value: string): boolean {
  return value === '' || SQM.test(value);
}
