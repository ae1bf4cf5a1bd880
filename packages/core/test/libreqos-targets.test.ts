import { describe, expect, it } from 'vitest';
import {
  checkNodeFields,
  checkShapedDevicesFile,
  createSink,
  LEGACY_HEADER,
  LIBREQOS_VERSIONS,
  type LibreQosVersion,
  outputPolicy,
  type Problem,
  parseNetworkJson,
  readNetworkJson,
  readShapedDevices,
  targetPolicy,
  V22_HEADER,
  validateOutput,
} from '../src/libreqos/index.js';

const LEGACY = LEGACY_HEADER.join(',');
const row = (id: string, extra = '') =>
  `c${id},Circuit ${id},d${id},Device ${id},AP 1,,100.64.0.${id},,1,1,10,5,${extra}`;
const NETWORK =
  '{\n  "Site": {\n    "downloadBandwidthMbps": 100,\n    "uploadBandwidthMbps": 100,\n    "children": {\n      "AP 1": {"downloadBandwidthMbps": 50, "uploadBandwidthMbps": 50, "id": "x:ap:1"}\n    }\n  }\n}\n';

function fileProblems(text: string, target: LibreQosVersion): Problem[] {
  const sink = createSink();
  checkShapedDevicesFile(readShapedDevices(text, { positional: target !== '2.2' }), target, sink);
  return sink.problems;
}

function validate(csv: string, network: string, target: LibreQosVersion): Problem[] {
  const file = readShapedDevices(csv, { positional: target !== '2.2' });
  const net = readNetworkJson(network);
  const sink = createSink();
  checkNodeFields(net, targetPolicy(target), sink);
  const policy = targetPolicy(target);
  return validateOutput({
    rows: file.rows,
    nodes: net.nodes,
    layout: policy.layout,
    policy,
    locate: (n) => net.sources.get(n),
    sink,
  });
}

describe('targetPolicy: what each LibreQoS version rejects', () => {
  it.each([
    [
      '1.4',
      {
        layout: 'legacy',
        wholeRates: true,
        duplicateNodeName: 'warning',
        missingUpload: 'error',
        missingDownload: 'error',
        nonPositiveBandwidth: 'error',
        nameField: 'warning',
        duplicateNodeId: 'warning',
      },
    ],
    [
      '1.5',
      {
        layout: 'legacy',
        wholeRates: false,
        duplicateNodeName: 'warning',
        missingUpload: 'error',
        missingDownload: 'warning',
      },
    ],
    [
      '2.0',
      {
        layout: 'legacy',
        wholeRates: false,
        duplicateNodeName: 'warning',
        missingUpload: 'error',
        missingDownload: 'warning',
        nonPositiveBandwidth: 'warning',
      },
    ],
    [
      '2.1',
      {
        layout: 'legacy',
        duplicateNodeName: 'error',
        missingUpload: 'warning',
        nameField: 'warning',
        duplicateNodeId: 'warning',
      },
    ],
    [
      '2.2',
      {
        layout: 'v2.2',
        duplicateNodeName: 'error',
        missingUpload: 'warning',
        nameField: 'error',
        duplicateNodeId: 'error',
      },
    ],
  ] as const)('%s', (target, expected) => {
    expect(targetPolicy(target)).toMatchObject({
      target,
      // What loads on every version with a warning from LibreQoS, or only the Web UI refuses:
      missingParent: 'warning',
      rowMismatch: 'warning',
      webUi: 'warning',
      duplicateIpv4: 'warning',
      fractionalBandwidth: 'warning',
      ...expected,
    });
  });

  it('our own output is held to the strictest rule everywhere', () => {
    const policy = outputPolicy('legacy');
    for (const key of ['rowMismatch', 'webUi', 'duplicateIpv4', 'duplicateNodeName', 'nameField'] as const)
      expect(policy[key]).toBe('error');
    expect(policy.warnBelowLegacyLimits).toBe(true);
    expect(outputPolicy('v2.2').warnBelowLegacyLimits).toBe(false);
    expect(LIBREQOS_VERSIONS).toEqual(['1.4', '1.5', '2.0', '2.1', '2.2']);
  });
});

describe('readShapedDevices', () => {
  const v22 = `${[...V22_HEADER, 'sqm'].join(',')}\nc1,C,d1,D,AP 1,x:ap:1,,aa:bb,100.64.0.1,,1,1,10,5,,cake\n`;

  it('reads by header name (2.2) or by position (≤ 2.1), as LibreQoS does', () => {
    const named = readShapedDevices(v22).rows[0]!;
    expect(named).toMatchObject({
      parentNodeId: 'x:ap:1',
      mac: 'aa:bb',
      ipv4: ['100.64.0.1'],
      downloadMin: 1,
      sqm: 'cake',
    });
    const positional = readShapedDevices(v22, { positional: true }).rows[0]!;
    // LibreQoS 2.0 reads Parent Node ID as MAC and Anchor Node ID as IPv4 (spec A.1.3).
    expect(positional).toMatchObject({ parentNodeId: '', mac: 'x:ap:1', ipv4: [], ipv6: ['aa:bb'] });
    expect(positional.rawRates.downloadMin).toBe('100.64.0.1');
  });

  it('keeps line numbers, widths, comments and blank lines; cells only when asked', () => {
    const text = `# exported\n${LEGACY}\n${row('1')}\n\n#${row('2')}\n${row('3')},extra\n`;
    const file = readShapedDevices(text);
    expect(file.headerLine).toBe(2);
    expect(file.rows.map((r) => [r.deviceId, r.line])).toEqual([
      ['d1', 3],
      ['d3', 6],
    ]);
    expect(file.widths).toEqual([13, 14]);
    expect(file.blankLines).toEqual([4]);
    expect(file.comments.map((c) => [c.line, c.cells.length])).toEqual([
      [1, 1],
      [5, 13],
    ]);
    expect(file.cells).toBeUndefined();
    expect(readShapedDevices(text, { cells: true }).cells?.[1]?.[13]).toBe('extra');
  });
});

describe('checkShapedDevicesFile: the file rules per version', () => {
  const rules = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.rule} ${p.line ?? '-'}`);

  it('blank lines crash 1.4–2.1 and are skipped by 2.2', () => {
    const text = `${LEGACY}\n${row('1')}\n\n${row('2')}\n`;
    expect(rules(fileProblems(text, '2.1'))).toEqual(['error blank-line 3']);
    expect(fileProblems(text, '2.2')).toEqual([]);
  });

  it('row widths: 1.4 wants every row as wide as the header, 2.0/2.1 at least 13, 2.2 reads what is there', () => {
    const text = `${LEGACY}\n${row('1')},x\nc2,C,d2,D,AP 1,,100.64.0.2,,1,1,10\n`;
    expect(rules(fileProblems(text, '1.4'))).toEqual(['error column-count 2', 'error column-count 3']);
    expect(rules(fileProblems(text, '2.1'))).toEqual(['warning column-count 2', 'error column-count 3']);
    expect(rules(fileProblems(text, '2.2'))).toEqual(['warning column-count 2', 'warning column-count 3']);
  });

  it('headers: sqm is fatal on 1.4, a v2.2 header is misread by position, 15 columns without sqm', () => {
    expect(rules(fileProblems(`${LEGACY},sqm\n${row('1', ',cake')}\n`, '1.4'))).toEqual([
      'error header-columns 1',
    ]);
    expect(fileProblems(`${LEGACY},sqm\n${row('1', ',cake')}\n`, '1.5')).toEqual([]);
    const v22 = `${V22_HEADER.join(',')}\nc1,C,d1,D,AP 1,,,,100.64.0.1,,1,1,10,5,\n`;
    const [misread] = fileProblems(v22, '2.0');
    expect(misread).toMatchObject({
      severity: 'error',
      rule: 'header-columns',
      reason: expect.stringMatching(
        /^LibreQoS 2\.0 reads columns by position.*column 6 'Parent Node ID' is read as MAC/,
      ),
    });
    expect(fileProblems(v22, '2.2')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        reason: expect.stringMatching(/no sqm column.*column 14 \('Upload Max Mbps'\)/),
      }),
    ]);
  });

  it('a first line that is data, and a commented-out device row', () => {
    expect(rules(fileProblems(`${row('1')}\n${row('2')}\n`, '2.2'))).toEqual(['error header 1']);
    expect(rules(fileProblems(`${LEGACY}\n${row('1')}\n#${row('2')}\n`, '2.2'))).toEqual([
      'warning comment-row 3',
    ]);
  });
});

describe('readNetworkJson', () => {
  it('keeps each node’s line, path and keys in file order', () => {
    const text = NETWORK.replace('"id": "x:ap:1"', '"id": "x:ap:1", "tags": ["a"], "virtual": false');
    const file = readNetworkJson(text);
    const [site] = file.nodes;
    const ap = site!.children[0]!;
    expect(file.sources.get(site!)).toMatchObject({ line: 2, path: ['Site'] });
    expect(file.sources.get(ap)).toEqual({
      line: 6,
      path: ['Site', 'AP 1'],
      entries: [
        ['downloadBandwidthMbps', 50],
        ['uploadBandwidthMbps', 50],
        ['id', 'x:ap:1'],
        ['tags', ['a']],
        ['virtual', false],
      ],
    });
    expect(file.sources.get(site!)?.entries.at(-1)).toEqual(['children', {}]);
  });

  it('names the line of a JSON syntax error', () => {
    const { problems } = readNetworkJson(
      '{\n  "a": {\n    "downloadBandwidthMbps": 1\n    "uploadBandwidthMbps": 1\n  }\n}\n',
    );
    expect(problems).toEqual([expect.objectContaining({ rule: 'json-syntax', line: 4 })]);
  });

  it('parseNetworkJson still applies our own rules to the same reading', () => {
    expect(parseNetworkJson('{"a": {"uploadBandwidthMbps": 1}}').problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'bandwidth',
        reason: `node 'a': "downloadBandwidthMbps" is missing`,
      }),
    ]);
  });
});

describe('validateOutput with a target policy', () => {
  const csv = (rows: string[]) => `${LEGACY}\n${rows.join('\n')}\n`;

  it('a duplicate IPv4 only warns (LibreQoS warns); a duplicate IPv6 is an error', () => {
    const v4 = validate(csv([row('1'), row('2').replace('100.64.0.2', '100.64.0.1')]), NETWORK, '2.1');
    expect(v4.map((p) => `${p.severity} ${p.rule}`)).toEqual(['warning ip-duplicate']);
    const v6 = validate(
      csv([row('1').replace(',,1,1', ',2001:db8::/64,1,1'), row('2').replace(',,1,1', ',2001:db8::/64,1,1')]),
      NETWORK,
      '2.1',
    );
    expect(v6.map((p) => `${p.severity} ${p.rule}`)).toEqual(['error ip-duplicate']);
  });

  it('rates: whole numbers on 1.4, 0.1 Mbps from 1.5; rows that disagree on rates only warn', () => {
    const text = csv([row('1').replace(',1,1,10,5,', ',1,1,10.5,5,')]);
    expect(validate(text, NETWORK, '1.4')).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'rate-number',
        reason: "Download Max '10.5' is not a whole number; LibreQoS 1.4 reads whole Mbps only",
      }),
    ]);
    expect(validate(text, NETWORK, '1.5')).toEqual([]);
    const mismatch = csv([
      row('1'),
      row('1')
        .replace('d1,Device 1', 'd9,Device 9')
        .replace('100.64.0.1', '100.64.0.9')
        .replace(',10,5,', ',20,5,'),
    ]);
    expect(validate(mismatch, NETWORK, '2.2').map((p) => `${p.severity} ${p.rule}`)).toEqual([
      'warning circuit-consistency',
    ]);
  });

  it('node bandwidths: a fraction is truncated (warning), a missing one is reported once, with line and path', () => {
    const network = NETWORK.replace(
      '"downloadBandwidthMbps": 50, "uploadBandwidthMbps": 50',
      '"downloadBandwidthMbps": 50.5',
    );
    const problems = validate(csv([row('1')]), network, '2.1');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'bandwidth',
        line: 6,
        path: ['Site', 'AP 1'],
        reason: `node 'AP 1': "uploadBandwidthMbps" is missing`,
      }),
      expect.objectContaining({
        severity: 'warning',
        rule: 'bandwidth',
        line: 6,
        reason: 'downloadBandwidthMbps is 50.5, not a whole number; LibreQoS truncates it to 50',
      }),
    ]);
    expect(validate(csv([row('1')]), network, '2.0')[0]).toMatchObject({
      severity: 'error',
      rule: 'bandwidth',
    });
  });

  it('every problem names its rule, and stats count the circuits', () => {
    const stats = { circuits: 0 };
    const file = readShapedDevices(
      csv([row('1'), row('1').replace('d1,', 'd1b,'), row('2', 'x').replace('AP 1', 'Nowhere')]),
    );
    const problems = validateOutput({
      rows: file.rows,
      nodes: readNetworkJson(NETWORK).nodes,
      layout: 'legacy',
      stats,
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.rule !== undefined)).toBe(true);
    expect(stats.circuits).toBe(2);
  });

  it('missingParent "ignore": no parent checks without a network.json', () => {
    const policy = { ...targetPolicy('2.2'), missingParent: 'ignore' as const };
    const file = readShapedDevices(csv([row('1')]));
    expect(validateOutput({ rows: file.rows, nodes: [], layout: 'v2.2', policy })).toEqual([]);
  });
});
