// Real SNMP agents (net-snmp) standing in for Ubiquiti access points, for the Sonar tests and the
// benchmark. Each AP is its own agent bound to its own loopback address (127.0.0.0/8 all routes to
// `lo` on Linux) on one shared port, so the tool asks each AP at the address Sonar gives for it —
// exactly as in production, only with `[sonar_integration].snmp_port` set to that port.
//
// An AP answers its own tables:
//   airMAX  ubntStaTable   1.3.6.1.4.1.41112.1.4.7.1   .1 = ubntStaMac, .2 = ubntStaName
//   LTU     station table  1.3.6.1.4.1.41112.1.10.1.4.1   .1 = index, .2 = name, .11 = MAC
//   sysName 1.3.6.1.2.1.1.5.0
// The MAC columns hold 6-byte OctetStrings, as the real MIBs do. `silent: true` binds the address
// but never answers (a dead AP); `community` overrides the community the AP accepts.
import { createSocket } from 'node:dgram';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromSonar = createRequire(join(import.meta.dirname, '../../packages/sonar/package.json'));
const snmp = requireFromSonar('net-snmp');

const AIRMAX_ENTRY = '1.3.6.1.4.1.41112.1.4.7.1';
const LTU_ENTRY = '1.3.6.1.4.1.41112.1.10.1.4.1';
const SYS_NAME = '1.3.6.1.2.1.1.5';

function macBytes(mac) {
  return Buffer.from(mac.replace(/[^0-9a-f]/gi, ''), 'hex');
}

/** A free UDP port on 127.0.0.1 (the agents bind the same port on other loopback addresses). */
export function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function providers(ap) {
  const list = [
    {
      name: 'sysName',
      type: snmp.MibProviderType.Scalar,
      oid: SYS_NAME,
      scalarType: snmp.ObjectType.OctetString,
      maxAccess: snmp.MaxAccess['read-only'],
    },
  ];
  if (ap.table === 'ltu') {
    list.push({
      name: 'ltuStaTable',
      type: snmp.MibProviderType.Table,
      oid: LTU_ENTRY,
      maxAccess: snmp.MaxAccess['not-accessible'],
      tableColumns: [
        {
          number: 1,
          name: 'ltuStaIndex',
          type: snmp.ObjectType.Integer,
          maxAccess: snmp.MaxAccess['read-only'],
        },
        {
          number: 2,
          name: 'ltuStaName',
          type: snmp.ObjectType.OctetString,
          maxAccess: snmp.MaxAccess['read-only'],
        },
        {
          number: 11,
          name: 'ltuStaMac',
          type: snmp.ObjectType.OctetString,
          maxAccess: snmp.MaxAccess['read-only'],
        },
      ],
      tableIndex: [{ columnName: 'ltuStaIndex' }],
    });
  } else {
    list.push({
      name: 'ubntStaTable',
      type: snmp.MibProviderType.Table,
      oid: AIRMAX_ENTRY,
      maxAccess: snmp.MaxAccess['not-accessible'],
      tableColumns: [
        {
          number: 1,
          name: 'ubntStaMac',
          type: snmp.ObjectType.OctetString,
          maxAccess: snmp.MaxAccess['read-only'],
        },
        {
          number: 2,
          name: 'ubntStaName',
          type: snmp.ObjectType.OctetString,
          maxAccess: snmp.MaxAccess['read-only'],
        },
      ],
      // The real index is {ifIndex, ubntStaMac}; the MAC alone (6 fixed sub-ids) keeps the rows in
      // the same order without a second (ifTable) provider.
      tableIndex: [{ columnName: 'ubntStaMac', length: 6 }],
    });
  }
  return list;
}

function startAgent(ap, port, community) {
  return new Promise((resolve) => {
    const agent = snmp.createAgent({ port, address: ap.host, transport: 'udp4' }, () => undefined);
    agent.getAuthorizer().addCommunity(ap.community ?? community);
    const mib = agent.getMib();
    for (const provider of providers(ap)) mib.registerProvider(provider);
    mib.setScalarValue('sysName', ap.sysName ?? `AP-${ap.host}`);
    ap.macs.forEach((mac, index) => {
      if (ap.table === 'ltu')
        mib.addTableRow('ltuStaTable', [index + 1, `station ${index + 1}`, macBytes(mac)]);
      else mib.addTableRow('ubntStaTable', [macBytes(mac), `station ${index + 1}`]);
    });
    // The listener binds asynchronously; a first request could otherwise race it.
    setImmediate(() => resolve(agent));
  });
}

function startSilent(host, port) {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(port, host, () => resolve(socket));
  });
}

/**
 * Starts one agent per AP: `{host, table: 'airmax' | 'ltu', macs: [...], sysName?, silent?, community?}`.
 * Returns `{port, close()}`.
 */
export async function startApAgents(aps, { port, community = 'public' } = {}) {
  const chosen = port ?? (await freeUdpPort());
  const agents = [];
  const silent = [];
  for (const ap of aps) {
    if (ap.silent) silent.push(await startSilent(ap.host, chosen));
    else agents.push(await startAgent(ap, chosen, community));
  }
  let closed = false;
  return {
    port: chosen,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const agent of agents) agent.close();
      await Promise.all(silent.map((socket) => new Promise((done) => socket.close(done))));
    },
  };
}
