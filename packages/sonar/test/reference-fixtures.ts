// The fixtures of LibreQoS's test_integration_sonar.py (§11.2), as Sonar-shaped entities.

export type Entity = Record<string, unknown>;
export const wrap = (entities: unknown[]) => ({ entities });
export const subnets = (ips: string[]) => wrap(ips.map((subnet) => ({ subnet })));

export function inventoryItem(id: number, name: string, ips: string[], mac?: string): Entity {
  return {
    id,
    inventory_model: { name },
    inventory_model_field_data: wrap(
      mac
        ? [
            {
              value: mac,
              ip_assignments: wrap([]),
              inventory_model_field: { id: 1, name: 'MAC Address', primary: true },
            },
          ]
        : [],
    ),
    ip_assignments: subnets(ips),
  };
}

export function sonarAccount(
  options: { items?: Entity[]; radius?: Entity[]; ips?: string[]; macs?: Entity[] } = {},
): Entity {
  return {
    id: 1,
    name: 'Account 1',
    ip_assignments: subnets(options.ips ?? []),
    addresses: wrap([
      {
        line1: '1 Main',
        line2: '',
        city: 'Town',
        subdivision: 'TX',
        inventory_items: wrap(options.items ?? []),
      },
    ]),
    radius_accounts: wrap(options.radius ?? []),
    all_account_services: wrap([]),
    uninventoried_mac_addresses: wrap(options.macs ?? []),
  };
}

export const radiusAccount = (id: number, ips: string[]) => ({ id, ip_assignments: subnets(ips) });
export const uninventoriedMac = (id: number, mac: string, ips: string[]) => ({
  id,
  mac_address: mac,
  ip_assignments: subnets(ips),
});
export const dataService = (down: number, up: number) =>
  wrap([
    {
      service: {
        data_service_detail: {
          download_speed_kilobits_per_second: down,
          upload_speed_kilobits_per_second: up,
        },
      },
    },
  ]);
