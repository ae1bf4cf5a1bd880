/**
 * Asking every AP which stations are associated with it (§8.5): concurrently up to
 * `snmp_concurrency`, each with the SNMP timeout. An AP that does not answer is reported, not
 * fatal. With --save-responses the answers are saved beside the HTTP responses; with
 * --from-responses they are read back and no AP is asked.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FetchContext, WispError } from '@wispsync/core';
import { mapLimit } from './limit.js';
import type { SnmpSettings } from './settings.js';
import type { SonarAp } from './sites.js';
import { loadSnmp, readApStations, type StationTable } from './snmp.js';

/** What one AP said: its stations, or why it said nothing. */
export interface StationReport {
  /** The AP's inventory item id. */
  apRawId: string;
  host: string;
  table: StationTable;
  name: string;
  macs: string[];
  /** Set when the AP could not be read; it is then left out and its accounts go to the top level. */
  error?: string;
}

export const STATIONS_FILE = 'snmp_stations.json';

/** The APs worth asking: a model id in one of the lists and a usable address. */
export function walkTargets(
  aps: readonly SonarAp[],
  snmp: SnmpSettings,
): (SonarAp & { table: StationTable })[] {
  const targets: (SonarAp & { table: StationTable })[] = [];
  for (const ap of aps) {
    const table = snmp.tableByModel.get(ap.modelId);
    if (table !== undefined && ap.host !== '') targets.push({ ...ap, table });
  }
  return targets;
}

export async function collectStations(
  context: FetchContext,
  aps: readonly SonarAp[],
  snmp: SnmpSettings,
): Promise<StationReport[]> {
  const targets = walkTargets(aps, snmp);
  const replay = context.responses?.replay;
  if (replay !== undefined) return targets.length === 0 ? [] : readSaved(replay);
  const reports =
    targets.length === 0
      ? []
      : await walkAll(
          targets.map((ap) => ({ apRawId: ap.rawId, host: ap.host, table: ap.table })),
          snmp,
        );
  const save = context.responses?.save;
  if (save !== undefined) {
    await mkdir(save, { recursive: true });
    await writeFile(join(save, STATIONS_FILE), `${JSON.stringify(reports, null, 2)}\n`);
  }
  return reports;
}

/** Asks each target; the reports come back in the targets' order whatever order they answered in. */
export async function walkAll(
  targets: readonly { apRawId: string; host: string; table: StationTable }[],
  snmp: SnmpSettings,
): Promise<StationReport[]> {
  const library = await loadSnmp();
  return mapLimit(targets, snmp.concurrency, async (target): Promise<StationReport> => {
    try {
      const { name, macs } = await readApStations(library, {
        host: target.host,
        table: target.table,
        community: snmp.community,
        port: snmp.port,
        version: snmp.version,
        timeoutMs: snmp.timeoutMs,
        retries: snmp.retries,
      });
      return { ...target, name, macs };
    } catch (error) {
      return { ...target, name: '', macs: [], error: describeSnmpError(error, snmp) };
    }
  });
}

function describeSnmpError(error: unknown, snmp: SnmpSettings): string {
  const name = (error as { name?: string }).name;
  if (name === 'RequestTimedOutError') {
    const tries = snmp.retries + 1;
    return `no SNMP answer within ${snmp.timeoutMs / 1000} s (${tries} ${tries === 1 ? 'try' : 'tries'}; check the address, [sonar_integration].snmp_community and that SNMP v${snmp.version} is enabled)`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `SNMP failed: ${message}`;
}

async function readSaved(dir: string): Promise<StationReport[]> {
  const file = join(dir, STATIONS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new WispError('source', `Sonar: no saved SNMP answers in ${dir} (${STATIONS_FILE})`, {
      hint: 'record them with --save-responses on a run that reaches the access points',
    });
  }
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) {
    throw new WispError('source', `Sonar: ${file} is not a list of access point answers`);
  }
  return parsed as StationReport[];
}
