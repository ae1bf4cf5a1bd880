import { type ConfigData, requireSetting, toText } from '@wispsync/core';
import { SECTION } from './schema.js';
import { sonarGraphqlUrl } from './url.js';

/** One `recurring_service_rates` entry, keyed by its normalised service name. */
export interface RecurringRule {
  name: string;
  downloadMbps: number;
  uploadMbps: number;
}

export interface RateRules {
  /** normalised service name → rates; later entries of the same name win (as in LibreQoS). */
  recurring: Map<string, RecurringRule>;
  /** normalised names never used for a rate. */
  excluded: Set<string>;
}

export interface SnmpSettings {
  community: string;
  port: number;
  version: '1' | '2c';
  timeoutMs: number;
  retries: number;
  concurrency: number;
  /** Model id (as text) → which station table to walk. LTU wins when an id is in both lists. */
  tableByModel: Map<string, 'airmax' | 'ltu'>;
}

/** Service names compare trimmed and case-folded (LibreQoS: `strip().casefold()`). */
export function normalizeServiceName(name: string): string {
  return name.trim().toLowerCase();
}

/** Ids as trimmed text, blanks dropped, first occurrence kept. */
export function idTexts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [];
  return [...new Set(list.map(toText).filter((id) => id !== ''))];
}

function section(config: ConfigData): Record<string, unknown> {
  return config[SECTION] as Record<string, unknown>;
}

export function readEndpoint(config: ConfigData): { url: string; apiKey: string } {
  const rawUrl = requireSetting(config, SECTION, 'sonar_api_url', 'the URL of your Sonar instance');
  const apiKey = requireSetting(config, SECTION, 'sonar_api_key', 'a Sonar personal access token');
  return { url: sonarGraphqlUrl(rawUrl), apiKey };
}

export function readRateRules(config: ConfigData): RateRules {
  const values = section(config);
  const recurring = new Map<string, RecurringRule>();
  for (const entry of (values.recurring_service_rates as Record<string, unknown>[]) ?? []) {
    if (entry.enabled === false) continue;
    const name = normalizeServiceName(toText(entry.service_name));
    if (name === '') continue;
    recurring.set(name, {
      name: toText(entry.service_name),
      downloadMbps: Number(entry.download_mbps),
      uploadMbps: Number(entry.upload_mbps),
    });
  }
  const excluded = new Set(
    ((values.recurring_excluded_service_names as string[]) ?? [])
      .map(normalizeServiceName)
      .filter((name) => name !== ''),
  );
  return { recurring, excluded };
}

export function readSnmpSettings(config: ConfigData): SnmpSettings {
  const values = section(config);
  const tableByModel = new Map<string, 'airmax' | 'ltu'>();
  for (const id of idTexts(values.airmax_model_ids)) tableByModel.set(id, 'airmax');
  for (const id of idTexts(values.ltu_model_ids)) tableByModel.set(id, 'ltu');
  return {
    community: String(values.snmp_community ?? 'public'),
    port: Number(values.snmp_port),
    version: values.snmp_version === '1' ? '1' : '2c',
    timeoutMs: Math.max(1, Math.round(Number(values.snmp_timeout_secs) * 1000)),
    retries: Number(values.snmp_retries),
    concurrency: Number(values.snmp_concurrency),
    tableByModel,
  };
}
