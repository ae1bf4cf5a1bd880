// The accounts of the `basic` Sonar scenario (see sonar-scenarios.mjs): about 40 accounts placed by
// inventory MAC (any spelling), by uninventoried MAC, or not at all (RADIUS only); child accounts;
// recurring-rate accounts; one of each skip reason.
import { account, address, dataService, field, item, recurringService } from './sonar-entities.mjs';

const plan = (down, up) => [dataService(9000 + Math.round(down / 100), `${down / 1000} Mbps`, down, up)];

/** A customer with one CPE (MAC + addresses) at a Texas address. */
function cpe(
  id,
  name,
  { mac, ips: subnets = [], v6 = [], down, up, model = 'NanoStation 5AC', status } = {},
) {
  return account({
    id,
    name,
    status,
    addresses: [
      address(`${id} Ranch Rd`, '', 'Marble Falls', 'US_TX', [
        item(5000 + id, model, { mac, fieldIps: subnets, itemIps: v6 }),
      ]),
    ],
    services: plan(down, up),
  });
}

export function basicAccounts() {
  return [
    cpe(101, 'Alice Martin', { mac: '24:5A:4C:01:01:01', ips: ['100.64.1.1/32'], down: 25000, up: 5000 }),
    account({
      id: 102,
      name: 'Bob Chen',
      addresses: [
        address('22 Oak St', 'Apt 4', 'Burnet', 'US_TX', [
          item(5102, 'NanoBeam 5AC', { mac: '24:5a:4c:01:01:02', itemIps: ['100.64.1.2'] }),
        ]),
      ],
      services: plan(50000, 10000),
    }),
    cpe(103, 'Carla Diaz', {
      mac: '245A4C010103',
      ips: ['100.64.1.3'],
      v6: ['2001:db8:103::/56'],
      down: 100000,
      up: 20000,
    }),
    account({
      id: 104,
      name: 'Dev Patel',
      status: 2,
      addresses: [
        address('4 Elm Ct', '', 'Burnet', 'US_TX', [
          item(5104, 'PowerBeam 5AC', {
            fields: [
              field('Serial Number', 'F09FC2A1', { id: 3 }),
              field('WAN MAC', '24:5A:4C:99:99:04', { id: 2 }),
              field('MAC Address', '24:5A:4C:01:01:04', { primary: true }),
            ],
            itemIps: ['100.64.1.4'],
          }),
        ]),
      ],
      services: plan(25000, 5000),
    }),
    account({
      id: 105,
      name: 'Elena Rossi',
      addresses: [address('5 Pine Ln', '', 'Kingsland', 'US_TX')],
      radius: [[7105, ['100.64.1.5/32']]],
      services: plan(10000, 2000),
    }),
    account({
      id: 106,
      name: 'Farm Supply Co',
      addresses: [
        address('6 Mill Rd', 'Suite B', 'Kingsland', 'US_TX', [
          item(5106, 'NanoStation 5AC', { mac: '24:5A:4C:01:01:06' }),
        ]),
      ],
      radius: [[7106, ['100.64.1.6/32']]],
      services: plan(200000, 50000),
    }),
    cpe(107, 'Gus Olsen', {
      mac: '74:83:C2:02:00:07',
      ips: ['100.64.2.7'],
      down: 100000,
      up: 25000,
      model: 'LTU-LR',
    }),
    cpe(108, 'Hana Sato', {
      mac: '74:83:C2:02:00:08',
      ips: ['100.64.2.8', 'bogus'],
      down: 1500,
      up: 500,
      model: 'LTU-Pro',
    }),
    account({
      id: 109,
      name: 'Ivan Petrov',
      addresses: [address('9 Lake Dr', '', 'Horseshoe Bay', 'US_TX')],
      macs: [[8109, ' 74:83:C2:02:00:09 ', ['100.64.2.9']]],
      services: plan(30000, 6000),
    }),
    account({
      id: 110,
      name: 'Jade Wong',
      addresses: [
        address('10 Bay Rd', '', 'Horseshoe Bay', 'US_TX', [
          item(5110, 'LTU-Lite', { mac: '74:83:C2:02:00:10', fieldIps: ['100.64.2.10'] }),
        ]),
      ],
      ips: ['100.64.2.10', '100.64.2.110'],
      services: plan(50000, 10000),
    }),
    cpe(111, 'Kofi Mensah', { mac: '68:D7:9A:12:01:11', ips: ['100.64.3.11'], down: 25000, up: 5000 }),
    cpe(112, 'Lucia Ferreira', { mac: '68:D7:9A:12:01:12', ips: ['100.64.3.12'], down: 25000, up: 5000 }),
    cpe(113, 'Mo Ahmed', {
      mac: '68:D7:9A:12:01:13',
      ips: ['100.64.3.12', '100.64.3.13'],
      down: 25000,
      up: 5000,
    }),
    cpe(114, 'Nora Kim', {
      mac: 'E4:38:83:12:02:14',
      ips: ['100.64.4.14'],
      down: 75000,
      up: 15000,
      model: 'LTU-LR',
    }),
    cpe(115, 'Omar Haddad', {
      mac: 'E4:38:83:12:02:15',
      ips: ['100.64.4.15'],
      v6: ['2001:db8:115::/48'],
      down: 75000,
      up: 15000,
      model: 'LTU-LR',
    }),
    cpe(116, 'Pia Larsen', { mac: '24:5A:4C:12:03:16', ips: ['100.64.5.16'], down: 25000, up: 5000 }),
    cpe(117, 'Quinn Byrne', { mac: '24:5A:4C:12:03:17', ips: ['100.64.5.17'], down: 25000, up: 5000 }),
    cpe(118, 'Rosa Alvarez', { mac: '24:5A:4C:13:01:18', ips: ['100.64.6.18'], down: 50000, up: 10000 }),
    cpe(119, 'Sven Berg', {
      mac: '74:83:C2:16:01:19',
      ips: ['100.64.7.19'],
      down: 100000,
      up: 20000,
      model: 'LTU-LR',
    }),
    cpe(120, 'Tara Singh', {
      mac: '74:83:C2:16:01:20',
      ips: ['100.64.7.20'],
      down: 100000,
      up: 20000,
      model: 'LTU-LR',
      status: 2,
    }),
    account({
      id: 121,
      name: 'Uma Das',
      addresses: [
        address('21 Creek Rd', '', 'Llano', 'US_TX', [
          item(5221, 'EdgeRouter X', {
            fields: [field('Serial Number', 'RTR-121')],
            itemIps: ['100.64.7.121'],
          }),
          item(5121, 'LTU-LR', { mac: '74:83:C2:16:01:21' }),
        ]),
      ],
      services: plan(100000, 20000),
    }),
    cpe(122, 'Victor Hugo', {
      mac: '74:83:C2:16:01:22',
      ips: ['100.64.7.22'],
      down: 50000,
      up: 10000,
      model: 'LTU-LR',
    }),
    cpe(123, 'Wendy Park', { mac: '68:D7:9A:16:02:23', ips: ['100.64.8.23'], down: 25000, up: 5000 }),
    cpe(124, 'Xavier Lopez', {
      mac: 'E4:38:83:17:01:24',
      ips: ['100.64.9.24'],
      down: 100000,
      up: 20000,
      model: 'LTU-LR',
    }),
    cpe(125, 'Yara Nasser', {
      mac: 'E4:38:83:17:01:25',
      ips: ['100.64.9.25'],
      down: 100000,
      up: 20000,
      model: 'LTU-LR',
    }),
    account({
      id: 126,
      name: 'Harbor View Condos',
      addresses: [address('126 Harbor Dr', '', 'Marble Falls', 'US_TX')],
      ips: ['100.64.10.1'],
      services: [recurringService(9901, 'Equipment Rental'), recurringService(9902, ' 1 Gig Bulk ')],
    }),
    account({
      id: 127,
      name: 'Equipment Only LLC',
      addresses: [address('127 Depot St', '', 'Llano', 'US_TX')],
      radius: [[7127, ['100.64.11.27']]],
      services: [recurringService(9901, 'Equipment Rental')],
    }),
    account({
      id: 128,
      name: 'Paused Bulk',
      addresses: [address('128 Depot St', '', 'Llano', 'US_TX')],
      radius: [[7128, ['100.64.11.28']]],
      services: [
        recurringService(9903, 'Static IP Fee'),
        recurringService(9902, '1 Gig Bulk', { enabled: false }),
      ],
    }),
    account({
      id: 129,
      name: 'Tower Tenant ISP',
      addresses: [address('129 Summit Rd', '', 'Burnet', 'US_TX')],
      radius: [[7129, ['100.64.11.29', '2001:db8:129::/48']]],
      services: [recurringService(9904, '10 Gig Transit')],
    }),
    account({
      id: 130,
      name: 'Green Valley School',
      addresses: [
        address('130 School Rd', '', 'Burnet', 'US_TX', [
          item(5130, 'LTU-Pro', {
            mac: '74:83:C2:02:00:30',
            itemIps: ['100.64.2.28/30', '2001:db8:130::/48'],
          }),
        ]),
      ],
      services: plan(500000, 500000),
    }),
    account({
      id: 131,
      name: 'No Address Person',
      radius: [[7131, ['100.64.11.31']]],
      services: plan(10000, 2000),
    }),
    account({
      id: 132,
      name: 'Nothing Assigned',
      addresses: [address('132 Bare Rd', '', 'Llano', 'US_TX')],
      services: plan(10000, 2000),
    }),
    account({
      id: 133,
      name: 'Unassigned MAC',
      addresses: [address('133 Bare Rd', '', 'Llano', 'US_TX')],
      macs: [[8133, '24:5A:4C:13:31:33', []]],
      services: plan(10000, 2000),
    }),
    account({
      id: 134,
      name: 'Voice Only',
      addresses: [address('134 Phone Rd', '', 'Llano', 'US_TX')],
      radius: [[7134, ['100.64.11.34']]],
    }),
    account({
      id: 135,
      name: 'Former Customer',
      status: 3,
      addresses: [address('135 Gone Rd', '', 'Llano', 'US_TX')],
      radius: [[7135, ['100.64.11.35']]],
      services: plan(10000, 2000),
    }),
    account({
      id: 136,
      name: 'Prospect',
      status: 4,
      addresses: [address('136 Maybe Rd', '', 'Llano', 'US_TX')],
      services: plan(10000, 2000),
    }),
    { ...account({ id: 137, name: 'Broken Record', services: plan(10000, 2000) }), addresses: '137 Main St' },
    account({
      id: 138,
      name: 'Promo Radius',
      status: 2,
      addresses: [address('138 Promo Way', '', 'Kingsland', 'CA_ON')],
      radius: [[7138, ['100.64.11.38']]],
      services: plan(20000, 4000),
    }),
    account({
      id: 141,
      name: 'Harbor View Unit 1',
      parent: 126,
      ips: ['100.64.10.11'],
      services: plan(50000, 10000),
    }),
    account({
      id: 142,
      name: 'Harbor View Unit 2',
      parent: 126,
      status: 3,
      addresses: [address('126 Harbor Dr', 'Unit 2', 'Marble Falls', 'US_TX')],
      radius: [[7142, ['100.64.10.12']]],
      services: plan(50000, 10000),
    }),
    account({
      id: 143,
      name: 'Harbor View Unit 3',
      parent: 126,
      addresses: [
        address('126 Harbor Dr', 'Unit 3', 'Marble Falls', 'US_TX', [
          item(5143, 'NanoStation 5AC', { mac: '24:5A:4C:01:01:43', fieldIps: ['100.64.10.13'] }),
        ]),
      ],
      services: plan(100000, 20000),
    }),
  ];
}
