import { splitIpList, toNumber, toText } from '@wispsync/core';

/** One WISPGate row, read: every field trimmed, rates as numbers (undefined = not given). */
export interface Row {
  circuitId: string;
  circuitName: string;
  parentNode: string;
  deviceName: string;
  mac: string;
  ipv4: string[];
  ipv6: string[];
  /** Plan in Mbps: the Max column, else the Min column. */
  downloadMbps: number | undefined;
  uploadMbps: number | undefined;
  /** Rate cells that hold something other than a non-negative number, e.g. `Download Max Mbps "abc"`. */
  badRates: string[];
}

type Direction = 'Download' | 'Upload';

/**
 * Reads a row that passed the schema. Each direction takes its Max column, else its Min column;
 * download comes only from download columns and upload only from upload columns (LibreQoS writes
 * Upload Min into the download rate when Upload Max is missing).
 */
export function readRow(record: Record<string, unknown>): Row {
  const badRates: string[] = [];
  return {
    circuitId: toText(record['Circuit ID']),
    circuitName: toText(record['Circuit Name']),
    parentNode: toText(record['Parent Node']),
    deviceName: toText(record['Device Name']),
    mac: toText(record.MAC),
    ipv4: splitIpList(record.IPv4),
    ipv6: splitIpList(record.IPv6),
    downloadMbps: rate(record, 'Download', badRates),
    uploadMbps: rate(record, 'Upload', badRates),
    badRates,
  };
}

function rate(record: Record<string, unknown>, direction: Direction, bad: string[]): number | undefined {
  return cell(record, `${direction} Max Mbps`, bad) ?? cell(record, `${direction} Min Mbps`, bad);
}

function cell(record: Record<string, unknown>, column: string, bad: string[]): number | undefined {
  const value = record[column];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return undefined;
  }
  const number = toNumber(value);
  if (number === undefined || number < 0) {
    bad.push(`${column} ${JSON.stringify(value)}`);
    return undefined;
  }
  return number;
}
