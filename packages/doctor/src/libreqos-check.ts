import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ConfigResult } from '@wispsync/core';
import { type CheckResult, failed, ok, warning } from './check.js';

/** LibreQoS's built-in integrations and their enable flags (spec libreqos-consumer.md §0, §A.3). */
const FLAGS: readonly [string, string, string][] = [
  ['uisp_integration', 'enable_uisp', 'UISP'],
  ['splynx_integration', 'enable_splynx', 'Splynx'],
  ['splynx_integration', 'enable_spylnx', 'Splynx'],
  ['spylnx_integration', 'enable_splynx', 'Splynx'],
  ['spylnx_integration', 'enable_spylnx', 'Splynx'],
  ['visp_integration', 'enable_visp', 'VISP'],
  ['netzur_integration', 'enable_netzur', 'Netzur'],
  ['powercode_integration', 'enable_powercode', 'Powercode'],
  ['sonar_integration', 'enable_sonar', 'Sonar'],
  ['wispgate_integration', 'enable_wispgate', 'WISPGate'],
];

export interface HostVersion {
  is22: boolean;
  /** Why we think so, for the report. */
  evidence: string;
}

/**
 * LibreQoS 2.2 is recognised by what only it has: a `[topology]` section in lqos.conf, or the
 * topology runtime's state (`<state_directory>/topology` or `/shaping`). Older versions have
 * neither; a 2.2 host that has never run and has no [topology] section is not recognised.
 */
export async function detectHost(config: ConfigResult, stateDirectory: string): Promise<HostVersion> {
  // The file itself, not the loaded data: a tool's schema (sonar's) gives every config a [topology].
  const text = await readFile(config.path, 'utf8').catch(() => '');
  if (/^\s*\[\s*topology\s*\]/m.test(text)) {
    return { is22: true, evidence: `${basename(config.path)} has a [topology] section` };
  }
  for (const dir of ['topology', 'shaping']) {
    const path = join(stateDirectory, dir);
    if ((await stat(path).catch(() => null))?.isDirectory()) {
      return { is22: true, evidence: `${path} exists` };
    }
  }
  return { is22: false, evidence: `no [topology] section and no ${join(stateDirectory, 'topology')}` };
}

/** The enable_* flags that make LibreQoS ignore our files (2.2) or overwrite them (older). */
export function checkLibreQosFlags(config: ConfigResult, host: HostVersion): CheckResult {
  const on = FLAGS.filter(
    ([section, key]) => (config.data[section] as Record<string, unknown> | undefined)?.[key] === true,
  );
  const version = host.is22
    ? `LibreQoS 2.2 host (${host.evidence})`
    : `not a LibreQoS 2.2 host (${host.evidence})`;
  if (on.length === 0) {
    const topology = config.data.topology as Record<string, unknown> | undefined;
    if (
      host.is22 &&
      String(topology?.compile_mode ?? '')
        .trim()
        .toLowerCase() === 'flat'
    ) {
      return warning(
        'libreqos',
        '[topology] compile_mode = "flat": LibreQoS 2.2 then ignores Parent Node and puts every circuit in generated CPU bins',
        'set [topology] compile_mode = "full" to keep the tree wispsync writes',
      );
    }
    return ok('libreqos', `no built-in LibreQoS integration is enabled; ${version}`);
  }
  const names = on.map(([section, key]) => `[${section}].${key} = true`);
  const fix = `set ${on.map(([, key]) => key).join(', ')} to false: wispsync's tools need no enable_* flag`;
  if (host.is22) {
    return failed(
      'libreqos',
      `LibreQoS 2.2 ignores ShapedDevices.csv and network.json while a built-in integration is enabled (${names.join(', ')}); ${version}`,
      fix,
    );
  }
  const which = [...new Set(on.map(([, , display]) => display))].join(', ');
  return warning(
    'libreqos',
    `LibreQoS's scheduler runs its own ${which} integration every queue_refresh_interval_mins and overwrites the files wispsync writes (${names.join(', ')}); ${version}`,
    fix,
  );
}
