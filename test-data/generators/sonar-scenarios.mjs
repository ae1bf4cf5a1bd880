// The hand-made Sonar scenarios behind test-data/sonar/*: a data set for the mock GraphQL server
// (`db`) and the access points the SNMP agents play (`aps`). `node sonar-fixtures.mjs` writes them.
import { basicAccounts } from './sonar-basic-accounts.mjs';
import { apItem, site } from './sonar-entities.mjs';

const STATUSES = [
  { id: 1, name: 'Active', activates_account: true },
  { id: 2, name: 'Active - Promotion', activates_account: true },
  { id: 3, name: 'Disconnected', activates_account: false },
  { id: 4, name: 'Lead', activates_account: false },
];

/**
 * ~40 accounts (sonar-basic-accounts.mjs) over 6 returned network sites (2 pages at 5 per page),
 * airMAX and LTU APs, one AP with a /24 on its address, a dead AP, an AP without stations, two APs
 * with one name, a station on two APs.
 */
export function basicScenario() {
  const sites = [
    site(11, 'North Tower', [
      apItem(1101, 10, { fieldIp: '127.0.21.1/24' }),
      apItem(1102, 20, { itemIp: '127.0.21.2' }),
      apItem(1103, 10),
    ]),
    site(12, 'East Ridge', [
      apItem(1201, 11, { itemIp: '127.0.21.11' }),
      apItem(1202, 20, { itemIp: '127.0.21.12' }),
      apItem(1203, 10, { itemIp: '127.0.21.13' }),
    ]),
    site(13, 'South Water Tank', [apItem(1301, 10, { itemIp: '127.0.21.21' })]),
    site(14, 'Equipment Yard', [apItem(1401, 40, { itemIp: '127.0.21.99' })]),
    site(15, 'Shed', [apItem(1501, 10)]),
    site(16, 'West Farm', [
      apItem(1601, 20, { itemIp: '127.0.21.31' }),
      apItem(1602, 11, { fieldIp: '127.0.21.32' }),
      apItem(1603, 40, { itemIp: '127.0.21.33' }),
    ]),
    site(17, 'Lake Road', [apItem(1701, 20, { itemIp: '127.0.21.41' })]),
  ];
  const accounts = basicAccounts();
  const aps = [
    {
      host: '127.0.21.1',
      table: 'airmax',
      sysName: 'North-AC-Sector1',
      macs: ['24:5A:4C:01:01:01', '24:5A:4C:01:01:02', '24:5A:4C:01:01:03', '24:5A:4C:01:01:04'],
    },
    {
      host: '127.0.21.2',
      table: 'ltu',
      sysName: 'North-LTU-1',
      macs: ['74:83:C2:02:00:07', '74:83:C2:02:00:08'],
    },
    {
      host: '127.0.21.11',
      table: 'airmax',
      sysName: 'East-LiteAP',
      macs: ['68:D7:9A:12:01:11', '68:D7:9A:12:01:12'],
    },
    {
      host: '127.0.21.12',
      table: 'ltu',
      sysName: 'East-LTU',
      macs: ['E4:38:83:12:02:14', 'E4:38:83:12:02:15'],
    },
    { host: '127.0.21.13', table: 'airmax', macs: [], silent: true },
    { host: '127.0.21.21', table: 'airmax', sysName: 'South-Tank-AC', macs: [] },
    {
      host: '127.0.21.31',
      table: 'ltu',
      sysName: 'West-LTU',
      macs: ['74:83:C2:16:01:19', '74:83:C2:16:01:20', '74:83:C2:16:01:21', '74:83:C2:16:01:22'],
    },
    { host: '127.0.21.32', table: 'airmax', sysName: 'West-LiteAP', macs: ['68:D7:9A:16:02:23'] },
    {
      host: '127.0.21.41',
      table: 'ltu',
      sysName: 'East-LTU',
      macs: ['E4:38:83:17:01:24', 'E4:38:83:17:01:25', '74:83:C2:16:01:22'],
    },
  ];
  // Stations added after the list above: on the /24 AP and on the North LTU.
  aps[0].macs.push('24:5A:4C:01:01:06', '24:5A:4C:01:01:43', '24:5A:4C:01:01:99');
  aps[1].macs.push('74:83:C2:02:00:09', '74:83:C2:02:00:10', '74:83:C2:02:00:30');
  aps[2].macs.push('68:D7:9A:12:01:13');
  return { db: { account_statuses: STATUSES, network_sites: sites, accounts }, aps };
}
