import type { NetworkJsonFile } from './parse-network.js';
import type { RulePolicy } from './policy.js';
import type { ProblemSink } from './sink.js';

const KNOWN_SCALARS = new Set([
  'downloadBandwidthMbps',
  'uploadBandwidthMbps',
  'type',
  'id',
  'latitude',
  'longitude',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rules about the keys inside each node of a network.json as read: object-valued custom keys
 * (lqosd reads them as phantom nodes), a "name" that differs from the key, and bandwidths that
 * are missing, strings or not numbers. Whole-number and range rules are checkNodes'.
 */
export function checkNodeFields(file: NetworkJsonFile, policy: RulePolicy, sink: ProblemSink): void {
  for (const [node, source] of file.sources) {
    const name = node.name;
    const at = { line: source.line || undefined, path: source.path };
    const problem = (
      severity: 'error' | 'warning',
      reason: string,
      rule: 'object-key' | 'name-field' | 'bandwidth',
      hint: string,
    ) => sink.add(severity, 'node', name, reason, at.line, { rule, hint, path: at.path });
    let download: unknown;
    let upload: unknown;
    for (const [key, field] of source.entries) {
      if (key === 'downloadBandwidthMbps') download = field;
      if (key === 'uploadBandwidthMbps') upload = field;
      if (key === 'children' || KNOWN_SCALARS.has(key)) continue;
      if (isObject(field)) {
        problem(
          'error',
          `node '${name}': object-valued key "${key}" is read by LibreQoS as a phantom child node`,
          'object-key',
          `remove "${key}", or make it a string or a list`,
        );
      } else if (key === 'name' && field !== name) {
        problem(
          policy.nameField,
          `node '${name}': "name" is ${JSON.stringify(field)}; LibreQoS 2.2 would use it instead of the key — remove it or make it equal`,
          'name-field',
          'remove it or make it equal',
        );
      }
    }
    for (const [key, raw, missing] of [
      ['downloadBandwidthMbps', download, policy.missingDownload],
      ['uploadBandwidthMbps', upload, policy.missingUpload],
    ] as const) {
      if (typeof raw === 'number') continue;
      if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) {
        problem(
          'warning',
          `node '${name}': "${key}" is the string ${JSON.stringify(raw)}; write a number`,
          'bandwidth',
          'write a number',
        );
      } else if (raw === undefined) {
        problem(
          missing,
          `node '${name}': "${key}" is missing`,
          'bandwidth',
          missing === 'error'
            ? 'add it: a whole number of Mbps'
            : `add it: a whole number of Mbps (LibreQoS ${policy.target ?? ''} uses the parent's rate meanwhile)`,
        );
      } else {
        problem(
          'error',
          `node '${name}': "${key}" is not a number (${JSON.stringify(raw)})`,
          'bandwidth',
          'write a whole number of Mbps',
        );
      }
    }
  }
}
