/** Which ShapedDevices.csv header we write: LibreQoS ≤ 2.1 positional, or the v2.2 named one. */
export type CsvLayout = 'legacy' | 'v2.2';

export type RateField = 'downloadMin' | 'uploadMin' | 'downloadMax' | 'uploadMax';

/** One ShapedDevices.csv row, as written or as read. Text fields are kept exactly as found. */
export interface ShapedDevicesRow {
  circuitId: string;
  circuitName: string;
  deviceId: string;
  deviceName: string;
  parentNode: string;
  parentNodeId: string;
  anchorNodeId: string;
  mac: string;
  ipv4: string[];
  ipv6: string[];
  /** Mbps; NaN when the text does not parse as a plain decimal number. */
  downloadMin: number;
  uploadMin: number;
  downloadMax: number;
  uploadMax: number;
  /** The rate texts as found (or as they would be written), for messages. */
  rawRates: Record<RateField, string>;
  comment: string;
  sqm: string;
  /** Line number in the file (header = line 1); for plan rows, the line it would be written on. */
  line: number;
}

export interface Problem {
  severity: 'error' | 'warning';
  subject: 'circuit' | 'device' | 'node' | 'file';
  /** Circuit id, device id, node name, or file name, by subject. */
  id: string;
  reason: string;
  /**
   * Line the problem was found on, when there is one: in ShapedDevices.csv, or in network.json for
   * a node problem found by the file reader.
   */
  line?: number | undefined;
  /** A stable rule name (see RULES), for scripts and the operator's report. */
  rule?: RuleName | undefined;
  /** What to do about it, when known (operator-facing; the reason may already say it). */
  hint?: string | undefined;
  /** network.json path of a node problem: the names from the top level down. */
  path?: readonly string[] | undefined;
}

/** A problem's rule: what was checked, for scripts to filter on (docs/shaping-validate.md lists them). */
export type RuleName =
  | 'csv-syntax'
  | 'encoding'
  | 'header'
  | 'header-columns'
  | 'blank-line'
  | 'column-count'
  | 'comment-row'
  | 'whitespace'
  | 'circuit-id'
  | 'required-text'
  | 'device-id'
  | 'no-ip'
  | 'sqm'
  | 'rate-number'
  | 'rate-floor'
  | 'min-max'
  | 'parent-missing'
  | 'parent-id'
  | 'anchor-id'
  | 'circuit-consistency'
  | 'ip-invalid'
  | 'ip-family'
  | 'ip-host-bits'
  | 'ip-duplicate'
  | 'ip-overlap'
  | 'capacity'
  | 'json-syntax'
  | 'json-shape'
  | 'node-duplicate-key'
  | 'object-key'
  | 'name-field'
  | 'bandwidth'
  | 'bandwidth-above-parent'
  | 'node-name'
  | 'reserved-name'
  | 'duplicate-node-name'
  | 'duplicate-node-id'
  | 'depth'
  | 'position';

export const RATE_FIELDS: readonly RateField[] = ['downloadMin', 'uploadMin', 'downloadMax', 'uploadMax'];

export const SHAPED_DEVICES_FILE = 'ShapedDevices.csv';
export const NETWORK_JSON_FILE = 'network.json';
