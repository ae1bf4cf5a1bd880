import {
  type ConfigData,
  compileRecordValidator,
  type FetchContext,
  type GraphqlClient,
  toText,
  WispError,
} from '@wispsync/core';
import { allPages, isObject, listOf, sonarClient } from './client.js';
import {
  ACCOUNTS_QUERY,
  accountsVariables,
  PROBE_QUERY,
  paginator,
  SITES_QUERY,
  STATUSES_QUERY,
  sitesVariables,
} from './queries.js';
import { siteSchema } from './records.js';
import { SECTION } from './schema.js';
import { idTexts, readSnmpSettings } from './settings.js';
import { readSites } from './sites.js';
import { collectStations, type StationReport } from './stations.js';

/** Everything a run reads: Sonar's answers (every page) and what each AP said over SNMP. */
export interface SonarRaw {
  statusIds: string[];
  /** `network_sites` entities (sites with their AP inventory items). */
  sites: unknown[];
  /** `accounts` entities, every page, with their child accounts. */
  accounts: unknown[];
  stations: StationReport[];
}

/**
 * Statuses (unless configured), then network sites and their APs; then the accounts pages and
 * the APs' station tables at the same time (neither needs the other).
 */
export async function fetchSonar(context: FetchContext): Promise<SonarRaw> {
  const client = sonarClient(context);
  const values = context.config[SECTION] as Record<string, unknown>;
  const pageSize = Number(values.page_size);
  const concurrency = Number(values.page_concurrency);
  const snmp = readSnmpSettings(context.config);
  const statusIds = await activeStatusIds(client, context.config);
  // flat puts every account at the top level: sites and stations would not change a thing.
  const modelIds = context.strategy === 'flat' ? [] : [...snmp.tableByModel.keys()];
  if (modelIds.length === 0 && context.strategy !== 'flat') {
    context.warn(
      `[${SECTION}].airmax_model_ids and ltu_model_ids are empty: no access point is asked for its stations, so every account is placed at the top level`,
    );
  }
  const sites =
    modelIds.length === 0
      ? []
      : await allPages(client, {
          operation: 'getSitesAndAps',
          field: 'network_sites',
          query: SITES_QUERY,
          variables: (page) => sitesVariables(modelIds, page, pageSize),
          concurrency,
        });
  const { aps } = readSites(sites, await compileRecordValidator(siteSchema), () => undefined);
  const [stations, accounts] = await Promise.all([
    timed(context, 'access points asked over SNMP', () => collectStations(context, aps, snmp)),
    timed(context, 'accounts read', () =>
      allPages(client, {
        operation: 'getAccounts',
        field: 'accounts',
        query: ACCOUNTS_QUERY,
        variables: (page) => accountsVariables(statusIds, page, pageSize),
        concurrency,
      }),
    ),
  ]);
  return { statusIds, sites, accounts, stations };
}

/** Runs `work`, then says (with --verbose) how many items it gave and how long it took. */
async function timed<T extends unknown[]>(
  context: FetchContext,
  what: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  context.reporter.debug(`Sonar: ${result.length} ${what} in ${seconds} s`);
  return result;
}

/** The configured status ids; when none, every status that activates an account (LibreQoS does so). */
export async function activeStatusIds(client: GraphqlClient, config: ConfigData): Promise<string[]> {
  const configured = idTexts((config[SECTION] as Record<string, unknown>).active_status_ids);
  if (configured.length > 0) return configured;
  const data = await client.request({ query: STATUSES_QUERY, operationName: 'getActiveStatuses' });
  const { entities } = listOf(data, 'account_statuses', 'getActiveStatuses');
  const ids = idTexts(
    entities
      .filter(isObject)
      .filter((status) => status.activates_account !== false)
      .map((status) => status.id),
  );
  if (ids.length === 0) {
    // An empty status filter would select every account, active or not.
    throw new WispError('config', 'Sonar has no account status that activates an account', {
      hint: `set [${SECTION}].active_status_ids to the ids of the statuses to import`,
    });
  }
  return ids;
}

/** wispsync-doctor: one account page of one record proves the URL and the key. */
export async function probeSonar(context: FetchContext): Promise<string> {
  const client = sonarClient(context);
  const data = await client.request({
    query: PROBE_QUERY,
    variables: { pages: paginator(1, 1) },
    operationName: 'probeAccounts',
  });
  const { pageInfo } = listOf(data, 'accounts', 'probeAccounts');
  const total = toText(pageInfo?.total_count);
  return total === '' ? 'Sonar: key accepted' : `Sonar: key accepted (${total} accounts)`;
}
