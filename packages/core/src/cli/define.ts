import type { CommonConfig, ConfigData, ConfigSchema, Strategy } from '../config/index.js';
import type { HttpClient, HttpClientOptions } from '../http/index.js';
import type { Inventory, ShapingPlan } from '../model/index.js';
import type { Reporter } from './reporter.js';

/** What a source tool tells the runner about itself. A tool is this object and nothing else. */
export interface IntegrationDefinition<Raw> {
  /** Short source name: `netzur` → binary `netzur-integration`. */
  name: string;
  /** Human name used in messages: `Netzur`. */
  displayName: string;
  version: string;
  description: string;
  /** The tool's own config sections and keys (core's shared keys are always there). */
  schema: ConfigSchema;
  /** Where the source has a topology: which strategies apply and where the config names one. */
  strategy?: {
    allowed: readonly Strategy[];
    /** `[section, key]` read when --strategy is not given. */
    configKey: readonly [string, string];
    /**
     * Maps the configured value to one of `allowed`, for a key shared with LibreQoS that takes more
     * values than the tool has (Sonar reads `[topology].compile_mode`, where `ap_site` means `full`).
     */
    fromConfig?(value: string): Strategy;
  };
  /** Suspended-circuit handling key, for sources that report suspension. */
  suspendedStrategyKey?: readonly [string, string];
  /** Config keys holding secrets: registered with the reporter so they are never printed. */
  secretKeys?: readonly (readonly [string, string])[];
  /** Network I/O only: fetch the raw records. */
  fetch(context: FetchContext): Promise<Raw>;
  /**
   * One cheap request that proves the source is reachable and the credentials are accepted
   * (wispsync-doctor); returns a short line such as "UISP 2.1.4: 12 sites". Nothing is written.
   */
  probe?(context: FetchContext): Promise<string>;
  /** Raw records → Inventory (no network). Skipped records are reported through `warn` and `skip`. */
  map(raw: Raw, context: MapContext): Inventory | Promise<Inventory>;
  /**
   * Extra files written beside the two LibreQoS files (UISP's graph.dot, for instance), atomically
   * and after them; never in --json or --dry-run mode.
   */
  extraFiles?(input: { inventory: Inventory; plan: ShapingPlan }): { name: string; content: string }[];
}

export interface MapContext {
  config: ConfigData;
  common: CommonConfig;
  strategy: Strategy;
  /** Where the files go (--output-dir or lqos_directory); override CSVs are read from here. */
  outputDir: string;
  warn(message: string): void;
  /** Count a record left out, by reason (shown in the summary and the --json output). */
  skip(reason: string, count?: number): void;
}

export interface FetchContext extends MapContext {
  reporter: Reporter;
  /**
   * The --save-responses / --from-responses directories, for a source that also reads something
   * other than HTTP (Sonar's SNMP walks) and records it beside the HTTP responses.
   */
  responses?: { save?: string | undefined; replay?: string | undefined };
  /** A got-based client with the run's user agent, recording/replay and retry reporting filled in. */
  http(options: Omit<HttpClientOptions, 'userAgent' | 'record' | 'replay'>): HttpClient;
}

export function defineIntegration<Raw>(definition: IntegrationDefinition<Raw>): IntegrationDefinition<Raw> {
  return definition;
}
