import { compileRecordValidator, type MapContext } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { mapPowercode } from '../src/map.js';
import { DEFAULT_EQUIPMENT_TYPES, SECTION, serviceSchema } from '../src/schema.js';
import { faster, mapServices } from '../src/services.js';

function context(equipmentTypes = DEFAULT_EQUIPMENT_TYPES) {
  const warnings: string[] = [];
  const skipped: Record<string, number> = {};
  const ctx = {
    config: { [SECTION]: { equipment_types: equipmentTypes } },
    warn: (message: string) => warnings.push(message),
    skip: (reason: string, count = 1) => {
      skipped[reason] = (skipped[reason] ?? 0) + count;
    },
  } as unknown as MapContext;
  return { ctx, warnings, skipped };
}

const router = (id: string, service: string, ip = `100.64.0.${id}`) => ({
  id,
  type: 'Router',
  service_id: service,
  name: `R${id}`,
  ip_address: ip,
  mac_address: '',
});

describe('mapPowercode', () => {
  it('the fastest service wins, whatever the equipment order, with a warning', async () => {
    const services = [
      { id: 'a', rate_down: '50000', rate_up: '10000' },
      { id: 'b', rate_down: '100000', rate_up: '5000' },
      { id: 'c', rate_down: '100000', rate_up: '20000' },
    ];
    for (const order of [
      ['a', 'b', 'c'],
      ['c', 'b', 'a'],
      ['b', 'c', 'a'],
    ]) {
      const { ctx, warnings } = context();
      const equipment = order.map((service, i) => router(String(i + 1), service));
      const inventory = await mapPowercode(
        { customers: [{ id: '7', status: 'Active', name: 'N', equipment }], services },
        ctx,
      );
      expect(inventory.circuits[0]?.rate).toEqual({ downloadMbps: 100, uploadMbps: 20 });
      expect(inventory.circuits[0]?.devices).toHaveLength(3);
      expect(warnings.join('\n')).toMatch(/has equipment on 3 services .*the fastest, c, is used/);
    }
  });

  it('status is compared without regard to case or spaces', async () => {
    const { ctx, skipped } = context();
    const services = [{ id: 's', rate_down: 1000, rate_up: 1000 }];
    const customers = ['Active', ' ACTIVE', 'active ', 'Inactive', 'Activated', ''].map((status, i) => ({
      id: String(i),
      status,
      equipment: [router(String(i + 1), 's')],
    }));
    const inventory = await mapPowercode({ customers, services }, ctx);
    expect(inventory.circuits.map((c) => c.id)).toEqual(['0', '1', '2']);
    expect(skipped.inactive).toBe(3);
  });

  it('equipment_types is configurable and case-insensitive', async () => {
    const { ctx, skipped } = context(['ont']);
    const inventory = await mapPowercode(
      {
        customers: [
          {
            id: '1',
            status: 'Active',
            equipment: [router('1', 's'), { ...router('2', 's'), type: 'ONT' }],
          },
        ],
        services: [{ id: 's', rate_down: 1000, rate_up: 1000 }],
      },
      ctx,
    );
    expect(inventory.circuits[0]?.devices.map((d) => d.id)).toEqual(['c_1_s__d_2']);
    expect(skipped['not-customer-equipment']).toBe(1);
  });

  it('names: name, else company_name, else the id; Powercode ids as text', async () => {
    const { ctx } = context();
    const services = [{ id: 9, rate_down: '1000', rate_up: '1000' }];
    const inventory = await mapPowercode(
      {
        customers: [
          { id: 1, status: 'Active', name: 'Ann', company_name: 'A Co', equipment: [router('1', '9')] },
          { id: 2, status: 'Active', name: ' ', company_name: 'B Co', equipment: [router('2', '9')] },
          { id: 3, status: 'Active', name: null, company_name: '', equipment: [router('3', '9')] },
        ],
        services,
      },
      ctx,
    );
    expect(inventory.circuits.map((c) => [c.id, c.name])).toEqual([
      ['1', 'Ann'],
      ['2', 'B Co'],
      ['3', '3'],
    ]);
  });

  it('never emits a device with an empty address', async () => {
    const { ctx, skipped } = context();
    const inventory = await mapPowercode(
      {
        customers: [
          {
            id: '1',
            status: 'Active',
            equipment: [
              router('1', 's', ''),
              router('2', 's', '  '),
              { ...router('3', 's'), ip_address: null },
            ],
          },
        ],
        services: [{ id: 's', rate_down: '1000', rate_up: '1000' }],
      },
      ctx,
    );
    expect(inventory.circuits).toEqual([]);
    expect(skipped).toEqual({ 'equipment-without-ip': 3, 'no-device': 1 });
  });
});

describe('services', () => {
  it('kbps → Mbps; services without a positive rate are left out', async () => {
    const { ctx, skipped } = context();
    const check = await compileRecordValidator(serviceSchema);
    const rates = mapServices(
      [
        { id: '1', rate_down: '25000', rate_up: '5000' },
        { id: '2', rate_down: 1500, rate_up: '512' },
        { id: '3', rate_down: '0', rate_up: '0' },
        { id: '4', rate_down: null, rate_up: '1000' },
        { id: '5', rate_down: 'fast', rate_up: '1000' },
      ],
      check,
      ctx,
    );
    expect([...rates.values()]).toEqual([
      { id: '1', downloadMbps: 25, uploadMbps: 5 },
      { id: '2', downloadMbps: 1.5, uploadMbps: 0.512 },
    ]);
    expect(skipped).toEqual({ 'service-without-rate': 2, 'invalid-record': 1 });
  });

  it('faster: download first, then upload, the first on a tie', () => {
    const a = { id: 'a', downloadMbps: 100, uploadMbps: 10 };
    const b = { id: 'b', downloadMbps: 100, uploadMbps: 20 };
    const c = { id: 'c', downloadMbps: 100, uploadMbps: 20 };
    expect(faster(a, b)).toBe(b);
    expect(faster(b, a)).toBe(b);
    expect(faster(b, c)).toBe(b);
    expect(faster({ id: 'd', downloadMbps: 200, uploadMbps: 1 }, b).id).toBe('d');
  });
});
