import type { PlanCircuit, PlanNode } from '../src/model/index.js';

/** A small plan used by the libreqos tests: a tower, two APs (one named "123"), three circuits. */
export function smallNodes(): PlanNode[] {
  return [
    {
      name: 'Tower_North',
      id: 'crm:site:17',
      type: 'site',
      downloadMbps: 2000,
      uploadMbps: 2000,
      latitude: 45.12,
      longitude: -111.75,
      children: [
        {
          name: 'AP_North_1',
          id: 'crm:ap:301',
          type: 'ap',
          downloadMbps: 500,
          uploadMbps: 150,
          children: [],
        },
        { name: '123', type: 'ap', downloadMbps: 300, uploadMbps: 100, children: [] },
      ],
    },
    {
      name: 'Backhaul "East"',
      type: 'site',
      downloadMbps: 1000,
      uploadMbps: 1000,
      latitude: 1,
      children: [],
    },
  ];
}

export function smallCircuits(): PlanCircuit[] {
  return [
    {
      id: 'crm:svc:1001',
      name: 'Jane Doe - 12 Oak St',
      parentNode: 'AP_North_1',
      parentNodeId: 'crm:ap:301',
      downloadMin: 1,
      uploadMin: 1,
      downloadMax: 115,
      uploadMax: 23,
      comment: '',
      sqm: '',
      devices: [
        {
          id: 'crm:dev:5001',
          name: 'Jane CPE',
          mac: 'aa:bb:cc:00:11:22',
          ipv4: ['100.64.1.10', '100.64.1.11'],
          ipv6: ['2001:db8:10::/56'],
        },
        { id: 'crm:dev:5002', name: 'Jane router', mac: '', ipv4: ['100.64.9.0/29'], ipv6: [] },
      ],
    },
    {
      id: 'crm:svc:1002',
      name: 'Smith, "Bob"',
      parentNode: '123',
      parentNodeId: '',
      downloadMin: 49.5,
      uploadMin: 10,
      downloadMax: 57.5,
      uploadMax: 11.5,
      comment: 'VIP; call first',
      sqm: '',
      devices: [{ id: 'crm:dev:5003', name: 'Bob CPE', mac: '', ipv4: [], ipv6: ['2001:db8:20::1'] }],
    },
    {
      id: 'crm:svc:1003',
      name: 'Suspended Sam',
      parentNode: '',
      parentNodeId: '',
      downloadMin: 0.1,
      uploadMin: 0.1,
      downloadMax: 0.1,
      uploadMax: 0.1,
      comment: '',
      sqm: '',
      devices: [{ id: 'crm:dev:5004', name: 'Sam CPE', mac: '', ipv4: ['100.64.2.1'], ipv6: [] }],
    },
  ];
}
