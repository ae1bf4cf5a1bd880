/**
 * Reading one access point over SNMP with net-snmp: the MACs of its associated stations (the
 * airMAX or the LTU station table) and its sysName.
 */
import { isIP } from 'node:net';
import { normalizeMac } from '@wispsync/core';
import type * as NetSnmp from 'net-snmp';

type Snmp = typeof NetSnmp;

export const STATION_TABLES = {
  /** UBNT-AirMAX-MIB ubntStaMac (ubntStaTable, indexed by ifIndex and the station MAC). */
  airmax: '1.3.6.1.4.1.41112.1.4.7.1.1',
  /** UBNT-AFLTU-MIB station MAC column of the LTU station table. */
  ltu: '1.3.6.1.4.1.41112.1.10.1.4.1.11',
} as const;

export const SYS_NAME = '1.3.6.1.2.1.1.5.0';

export type StationTable = keyof typeof STATION_TABLES;

export interface SnmpTarget {
  host: string;
  table: StationTable;
  community: string;
  port: number;
  version: '1' | '2c';
  timeoutMs: number;
  retries: number;
}

export interface ApStations {
  /** sysName; '' when the AP does not give one. */
  name: string;
  /** Station MACs, `AA:BB:CC:DD:EE:FF` (as snmpwalk prints them), in table order. */
  macs: string[];
}

/** Rows asked per GetBulk (SNMPv2c); a station row is ~40 bytes, so one answer stays well under 1,500. */
const MAX_REPETITIONS = 30;

let loaded: Promise<Snmp> | undefined;

/** net-snmp is loaded on first use: `--help` and runs without APs do not pay for it. */
export function loadSnmp(): Promise<Snmp> {
  loaded ??= import('net-snmp') as Promise<Snmp>;
  return loaded;
}

/** Walks the AP's station table, then (when it has stations) reads its sysName. */
export async function readApStations(snmp: Snmp, target: SnmpTarget): Promise<ApStations> {
  const session = snmp.createSession(target.host, target.community, {
    port: target.port,
    version: target.version === '1' ? snmp.Version1 : snmp.Version2c,
    timeout: target.timeoutMs,
    retries: target.retries,
    transport: isIP(target.host) === 6 ? 'udp6' : 'udp4',
    backwardsGetNexts: false,
  });
  // A socket error must not crash the run: it fails this AP's request instead.
  session.on('error', () => undefined);
  try {
    const macs = await walkMacs(snmp, session, STATION_TABLES[target.table]);
    const name = macs.length > 0 ? await readSysName(snmp, session) : '';
    return { name, macs };
  } finally {
    session.close();
  }
}

/**
 * The MAC column of a station table. The walk stops at the end of the column, at an error varbind
 * (noSuchInstance, endOfMibView) and at an OID that does not move forward: some agents answer the
 * end of an empty table with the OID that was asked, which would otherwise loop forever.
 */
function walkMacs(snmp: Snmp, session: NetSnmp.Session, oid: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const macs: string[] = [];
    let last = parseOid(oid);
    session.subtree(
      oid,
      MAX_REPETITIONS,
      (varbinds) => {
        for (const varbind of varbinds) {
          const current = parseOid(varbind.oid);
          if (snmp.isVarbindError(varbind) || compareOids(current, last) <= 0) return true;
          last = current;
          const mac = macFromValue(varbind.value);
          if (mac !== '') macs.push(mac);
        }
        return false;
      },
      (error) => (error ? reject(error) : resolve(macs)),
    );
  });
}

function parseOid(oid: string): number[] {
  return oid.split('.').map(Number);
}

/** Lexicographic order of OIDs, sub-identifier by sub-identifier. */
export function compareOids(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function readSysName(snmp: Snmp, session: NetSnmp.Session): Promise<string> {
  return new Promise((resolve) => {
    session.get([SYS_NAME], (error, varbinds) => {
      const varbind = varbinds?.[0];
      if (error || varbind === undefined || snmp.isVarbindError(varbind)) return resolve('');
      resolve(Buffer.isBuffer(varbind.value) ? varbind.value.toString('utf8').trim() : '');
    });
  });
}

/**
 * A station MAC as the tables hold it: an OctetString of 6 bytes. Some agents send the text form
 * (`24:5A:4C:11:22:33`); that is accepted too. Anything else gives ''.
 */
export function macFromValue(value: unknown): string {
  if (!Buffer.isBuffer(value)) return '';
  if (value.length === 6) {
    return [...value].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
  }
  const text = normalizeMac(value.toString('latin1'));
  return /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(text) ? text.toUpperCase() : '';
}
