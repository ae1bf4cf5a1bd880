// The golden example of the LibreQoS reference (specs/libreqos-python-integrations.md §12.5), with
// the AP addresses moved onto loopback (10.x.0.1 → 127.0.12.x) so real SNMP agents can answer.
// LibreQoS never asks AP 1001 (its address carries a /24, which snmpwalk cannot resolve); here it
// is asked at its host address and reports Alice's station.
import { account, address, apItem, dataService, item, recurringService, site } from './sonar-entities.mjs';

export function libreqosExampleScenario() {
  const sites = [
    site(1, 'North Tower', [
      apItem(1001, 10, { fieldIp: '127.0.12.1/24' }),
      apItem(1002, 20, { itemIp: '127.0.12.2' }),
      apItem(1003, 10),
    ]),
    site(2, 'Empty Site', [apItem(2001, 10)]),
    site(3, 'South', [apItem(3001, 10, { itemIp: '127.0.12.3' })]),
  ];
  const town = (line1, items = []) => [address(line1, '', 'Town', 'US_TX', items)];
  const accounts = [
    account({
      id: 1,
      name: 'Alice',
      addresses: town('1 Main', [
        item(501, 'Nano', { mac: '24:5A:4C:11:22:33', fieldIps: ['100.64.0.1/32'] }),
      ]),
      services: [dataService(11, 'Alice plan', 25000, 5000)],
    }),
    account({
      id: 2,
      name: 'Bob',
      addresses: town('2 Main'),
      radius: [[77, ['100.64.0.2/32']]],
      services: [dataService(12, 'Bob plan', 10000, 2000)],
    }),
    account({
      id: 3,
      name: 'Carol',
      addresses: town('3 Main', [
        item(503, 'LTU', {
          mac: '74:83:C2:00:00:01',
          fieldIps: ['100.64.0.3'],
          itemIps: ['2001:db8:3::/56', 'bogus'],
        }),
      ]),
      services: [dataService(13, 'Carol plan', 1500, 500)],
    }),
    account({
      id: 4,
      name: 'Dan',
      addresses: town('4 Main', [item(504, 'Nano', { mac: '00:00:00:00:00:04', fieldIps: ['100.64.0.4'] })]),
      services: [dataService(14, 'Dan plan', 50000, 10000)],
    }),
    account({
      id: 5,
      name: 'Eve Bulk',
      addresses: town('5 Main'),
      ips: ['100.64.0.5'],
      services: [recurringService(15, ' 1 Gig Bulk ')],
    }),
    // Only reachable as Dan's child: its status does not activate an account.
    account({
      id: 40,
      name: 'Dan Child',
      parent: 4,
      status: 3,
      ips: ['100.64.0.40'],
      services: [dataService(16, 'Child plan', 5000, 1000)],
    }),
  ];
  const statuses = [
    { id: 1, name: 'Active', activates_account: true },
    { id: 3, name: 'Inactive', activates_account: false },
  ];
  const aps = [
    { host: '127.0.12.1', table: 'airmax', sysName: 'AP-10.1.0.1', macs: ['24:5A:4C:11:22:33'] },
    { host: '127.0.12.2', table: 'ltu', sysName: 'AP-10.2.0.1', macs: ['74:83:C2:00:00:01'] },
    { host: '127.0.12.3', table: 'airmax', sysName: 'AP-10.3.0.1', macs: [] },
  ];
  return { db: { account_statuses: statuses, network_sites: sites, accounts }, aps };
}
