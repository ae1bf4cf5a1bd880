import { describe, expect, it } from 'vitest';
import {
  parseNetworkJson,
  parseShapedDevices,
  planToRows,
  renderNetworkJson,
  renderShapedDevices,
  renderShapedDevicesRows,
  rowsToCircuits,
} from '../src/libreqos/index.js';
import { smallCircuits, smallNodes } from './libreqos-fixture.js';

describe('parseShapedDevices round trip', () => {
  it.each([
    ['legacy', false],
    ['legacy', true],
    ['v2.2', false],
    ['v2.2', true],
  ] as const)('%s (sqm used: %s): render → parse gives the same rows', (layout, withSqm) => {
    const circuits = smallCircuits();
    if (withSqm) circuits[1]!.sqm = 'fq_codel';
    const rows = planToRows(circuits);
    if (layout === 'legacy') for (const row of rows) row.parentNodeId = ''; // not written in legacy
    const parsed = parseShapedDevices(renderShapedDevices(circuits, layout));
    expect(parsed.problems).toEqual([]);
    expect(parsed.layout).toBe(layout);
    expect(parsed.hasSqm).toBe(layout === 'v2.2' || withSqm);
    expect(parsed.rows).toEqual(rows);
  });

  it('rowsToCircuits(planToRows(x)) is x', () => {
    expect(rowsToCircuits(planToRows(smallCircuits()))).toEqual(smallCircuits());
  });

  it('rowsToCircuits groups by circuit id in first-appearance order, circuit fields from the first row', () => {
    const rows = planToRows(smallCircuits());
    const reordered = [rows[0]!, rows[2]!, { ...rows[1]!, downloadMax: 999, comment: 'later' }, rows[3]!];
    const circuits = rowsToCircuits(reordered);
    expect(circuits.map((c) => c.id)).toEqual(['crm:svc:1001', 'crm:svc:1002', 'crm:svc:1003']);
    expect(circuits[0]!.devices.map((d) => d.id)).toEqual(['crm:dev:5001', 'crm:dev:5002']);
    expect(circuits[0]!.downloadMax).toBe(115);
    expect(circuits[0]!.comment).toBe('');
  });

  it('renderShapedDevicesRows writes parsed rows back byte-exact', () => {
    const text = renderShapedDevices(smallCircuits(), 'v2.2');
    expect(renderShapedDevicesRows(parseShapedDevices(text).rows, 'v2.2')).toBe(text);
  });
});

describe('parseShapedDevices headers', () => {
  const row = 'c1,Circuit,d1,Device,AP1,aa:bb:cc:dd:ee:ff,"100.64.0.1, 100.64.0.2",,1,2,30,40,hello';

  it.each([
    [
      'legacy',
      'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment',
    ],
    [
      'legacy',
      'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min,Upload Min,Download Max,Upload Max,Comment',
    ],
    [
      'legacy',
      'circuit_id,circuit_name,device_id,device_name,parent_node,mac,ipv4,ipv6,download_min_mbps,upload_min_mbps,download_max_mbps,upload_max_mbps,comment',
    ],
    [
      'legacy',
      'CircuitID,CIRCUIT NAME,deviceid,Device-Name,parentNode,MAC,IPV4,IPv6,downloadmin,uploadmin,DownloadMax,UploadMax,Comment',
    ],
    ['unknown', 'a,b,c,d,e,f,g,h,i,j,k,l,m'],
  ])('%s: %s', (layout, header) => {
    const parsed = parseShapedDevices(`${header}\n${row}\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.layout).toBe(layout);
    expect(parsed.hasSqm).toBe(false);
    expect(parsed.rows[0]).toMatchObject({
      circuitId: 'c1',
      circuitName: 'Circuit',
      deviceId: 'd1',
      deviceName: 'Device',
      parentNode: 'AP1',
      parentNodeId: '',
      mac: 'aa:bb:cc:dd:ee:ff',
      ipv4: ['100.64.0.1', '100.64.0.2'],
      ipv6: [],
      downloadMin: 1,
      uploadMin: 2,
      downloadMax: 30,
      uploadMax: 40,
      comment: 'hello',
      sqm: '',
      line: 2,
    });
  });

  it('maps columns by name in any order (v2.2 snake_case, id alias, sqm)', () => {
    const text =
      'sqm,ipv6,ipv4,mac,id,parent_node_id,parent_node,device_name,device_id,circuit_name,circuit_id,upload_max,download_max,upload_min,download_min,comment\n' +
      'cake,2001:db8::/48,100.64.0.1,,anc,pid,AP,Dev,d1,Circ,c1,4,3,2,1,x\n';
    const parsed = parseShapedDevices(text);
    expect(parsed.layout).toBe('v2.2');
    expect(parsed.hasSqm).toBe(true);
    expect(parsed.rows[0]).toMatchObject({
      circuitId: 'c1',
      circuitName: 'Circ',
      deviceId: 'd1',
      parentNode: 'AP',
      parentNodeId: 'pid',
      anchorNodeId: 'anc',
      ipv4: ['100.64.0.1'],
      ipv6: ['2001:db8::/48'],
      downloadMin: 1,
      uploadMin: 2,
      downloadMax: 3,
      uploadMax: 4,
      comment: 'x',
      sqm: 'cake',
    });
  });

  it('reads a RADIUS username into MAC only when MAC is empty', () => {
    const header =
      'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min,Upload Min,Download Max,Upload Max,Comment,Username';
    const parsed = parseShapedDevices(
      `${header}\nc,C,d1,D,,,100.64.0.1,,1,1,2,2,,jane\nc,C,d2,D,,aa,100.64.0.2,,1,1,2,2,,bob\n`,
    );
    expect(parsed.rows.map((r) => r.mac)).toEqual(['jane', 'aa']);
  });

  it('keeps legacy positions for header names it does not know', () => {
    const header =
      'Circuit ID,Circuit Name,Device ID,Device Name,Parent,MAC,IPv4,IPv6,DL Min,UL Min,DL Max,UL Max,Notes';
    const parsed = parseShapedDevices(`${header}\n${row}\n`);
    expect(parsed.rows[0]).toMatchObject({
      parentNode: 'AP1',
      downloadMin: 1,
      uploadMax: 40,
      comment: 'hello',
    });
  });

  it('keeps unparsable rates as NaN with the raw text', () => {
    const header =
      'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min,Upload Min,Download Max,Upload Max,Comment';
    const parsed = parseShapedDevices(`${header}\nc,C,d,D,,,100.64.0.1,,10 Mbps,0x10, 5 ,1e2,\n`);
    const r = parsed.rows[0]!;
    expect(r.downloadMin).toBeNaN();
    expect(r.uploadMin).toBeNaN();
    expect(r.downloadMax).toBe(5);
    expect(r.uploadMax).toBe(100);
    expect(r.rawRates).toEqual({
      downloadMin: '10 Mbps',
      uploadMin: '0x10',
      downloadMax: ' 5 ',
      uploadMax: '1e2',
    });
  });
});

describe('parseShapedDevices file mechanics', () => {
  const header =
    'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment';
  const row = (id: string) => `c,C,${id},D,,,100.64.0.1,,1,1,2,2,`;

  it('tolerates a BOM, CRLF, comment lines; counts lines across multi-line fields', () => {
    const text = `\uFEFF# generated\r\n${header}\r\n${row('d1')}\r\n#c,x\r\nc,"two\nlines",d2,D,,,100.64.0.2,,1,1,2,2,\r\n${row('d3')}\r\n`;
    const parsed = parseShapedDevices(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.layout).toBe('legacy');
    expect(parsed.rows.map((r) => [r.deviceId, r.line])).toEqual([
      ['d1', 3],
      ['d2', 5],
      ['d3', 7],
    ]);
  });

  it('skips blank lines with a warning naming the line', () => {
    const parsed = parseShapedDevices(`${header}\n${row('d1')}\n\n${row('d2')}\n`);
    expect(parsed.rows.map((r) => r.deviceId)).toEqual(['d1', 'd2']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        subject: 'file',
        line: 3,
        reason: expect.stringMatching(/line 3 is blank/),
      }),
    ]);
  });

  it('reports rows whose width differs from the header, without throwing', () => {
    const parsed = parseShapedDevices(
      `${header}\n${row('d1')}\nc,C,d2,D,,,100.64.0.2,,1,1,2\n${row('d3')},extra\n`,
    );
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[1]!.uploadMax).toBeNaN();
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        subject: 'device',
        id: 'd2',
        line: 3,
        reason: expect.stringMatching(/11 fields.*13/),
      }),
      expect.objectContaining({
        severity: 'error',
        subject: 'device',
        id: 'd3',
        line: 4,
        reason: expect.stringMatching(/14 fields.*13/),
      }),
    ]);
  });

  it('reports a file without a header and CSV syntax errors', () => {
    expect(parseShapedDevices('# only a comment\n').problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        subject: 'file',
        reason: expect.stringMatching(/no header/),
      }),
    ]);
    const broken = parseShapedDevices(`${header}\nc,"unterminated,d\n`);
    expect(broken.problems.some((p) => p.subject === 'file' && /CSV syntax/.test(p.reason))).toBe(true);
  });
});

describe('parseNetworkJson', () => {
  it('render → parse gives the same nodes, in file order ("123" stays second)', () => {
    const nodes = smallNodes();
    delete nodes[1]!.latitude; // a lone latitude is not written
    const parsed = parseNetworkJson(renderNetworkJson(smallNodes()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes).toEqual(nodes);
    expect(parsed.nodes[0]!.children.map((n) => n.name)).toEqual(['AP_North_1', '123']);
  });

  it('reads {} as a flat network', () => {
    expect(parseNetworkJson('{}\n')).toEqual({ nodes: [], problems: [] });
  });

  it('defaults type to site, keeps numbers as given, reads numeric-string coordinates', () => {
    const parsed = parseNetworkJson(
      '\uFEFF{"7": {"downloadBandwidthMbps": 10.5, "uploadBandwidthMbps": 5, "type": "AP", "latitude": "1.5", "longitude": 2, "children": {}},' +
        ' "A": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1, "type": "client", "id": 42, "virtual": true, "tags": [1]}}',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes).toEqual([
      { name: '7', type: 'ap', downloadMbps: 10.5, uploadMbps: 5, latitude: 1.5, longitude: 2, children: [] },
      { name: 'A', type: 'site', downloadMbps: 1, uploadMbps: 1, id: '42', children: [] },
    ]);
  });

  it.each([
    ['{"a": 1', 'file', 'network.json', 'error', /invalid JSON/],
    ['[]', 'file', 'network.json', 'error', /top level must be a JSON object/],
    ['{"a": 5}', 'node', 'a', 'error', /not an object/],
    ['{"a": {"uploadBandwidthMbps": 1}}', 'node', 'a', 'error', /downloadBandwidthMbps" is missing/],
    [
      '{"a": {"downloadBandwidthMbps": true, "uploadBandwidthMbps": 1}}',
      'node',
      'a',
      'error',
      /not a number/,
    ],
    [
      '{"a": {"downloadBandwidthMbps": "100", "uploadBandwidthMbps": 1}}',
      'node',
      'a',
      'warning',
      /is the string "100"/,
    ],
    [
      '{"a": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1, "meta": {}}}',
      'node',
      'a',
      'error',
      /phantom child/,
    ],
    [
      '{"a": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1, "name": "b"}}',
      'node',
      'a',
      'error',
      /"name" is "b"/,
    ],
    [
      '{"a": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1, "children": []}}',
      'node',
      'a',
      'error',
      /"children" must be an object/,
    ],
    [
      '{"a": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1}, "a": {"downloadBandwidthMbps": 2, "uploadBandwidthMbps": 2}}',
      'node',
      'a',
      'error',
      /appears twice/,
    ],
  ])('%s → one %s problem', (text, subject, id, severity, reason) => {
    const { problems } = parseNetworkJson(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ subject, id, severity, reason: expect.stringMatching(reason) });
  });

  it('a name equal to the key is fine', () => {
    expect(
      parseNetworkJson('{"a": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1, "name": "a"}}').problems,
    ).toEqual([]);
  });

  it('keeps both nodes of a duplicated key in file order', () => {
    const { nodes } = parseNetworkJson(
      '{"b": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1}, "b": {"downloadBandwidthMbps": 2, "uploadBandwidthMbps": 2}}',
    );
    expect(nodes.map((n) => n.downloadMbps)).toEqual([1, 2]);
  });

  it('handles escaped quotes and colons inside strings', () => {
    const { nodes, problems } = parseNetworkJson(
      '{"a\\":b": {"downloadBandwidthMbps": 1, "uploadBandwidthMbps": 1, "id": "x:\\"y\\": z"}}',
    );
    expect(problems).toEqual([]);
    expect(nodes[0]).toMatchObject({ name: 'a":b', id: 'x:"y": z' });
  });
});
