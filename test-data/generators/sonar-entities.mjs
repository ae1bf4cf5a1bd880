// Builders for Sonar entities in the shape the GraphQL API returns them (every relation wrapped
// in `{entities: [...]}`, ids and speeds as numbers), plus the mock-only `services` and
// `parent_account_id` of an account (see sonar-mock.mjs). Shared by the fixtures and the benchmark.

/** `{entities: [{subnet}, …]}` */
export function ips(...subnets) {
  return { entities: subnets.map((subnet) => ({ subnet })) };
}

/** A field-data entry of an inventory item (`MAC Address`, `Serial Number`, …). */
export function field(name, value, { primary = false, id = 1, subnets = [] } = {}) {
  return { value, ip_assignments: ips(...subnets), inventory_model_field: { id, name, primary } };
}

/**
 * An account's inventory item (a CPE or router). `mac` becomes a primary "MAC Address" field;
 * `fieldIps` sit on that field, `itemIps` on the item; `fields` adds more field data.
 */
export function item(id, model, { mac, fieldIps = [], itemIps = [], fields = [] } = {}) {
  const data = [...fields];
  if (mac !== undefined) data.unshift(field('MAC Address', mac, { primary: true, subnets: fieldIps }));
  else if (fieldIps.length > 0) data.unshift(field('IP', '', { subnets: fieldIps }));
  return {
    id,
    inventory_model: { name: model },
    inventory_model_field_data: { entities: data },
    ip_assignments: ips(...itemIps),
  };
}

/** An access point inventory item of a network site: model id and where its address sits. */
export function apItem(id, modelId, { fieldIp, itemIp } = {}) {
  return {
    id,
    inventory_model_id: modelId,
    inventory_model_field_data: {
      entities: fieldIp === undefined ? [] : [{ ip_assignments: ips(fieldIp) }],
    },
    ip_assignments: itemIp === undefined ? ips() : ips(itemIp),
  };
}

export function site(id, name, items) {
  return { id, name, inventory_items: items };
}

export function address(line1, line2, city, subdivision, items = []) {
  return { line1, line2, city, subdivision, inventory_items: { entities: items } };
}

/** A data service (speeds in kbps). */
export function dataService(id, name, downKbps, upKbps) {
  return {
    id,
    name,
    type: 'DATA',
    enabled: true,
    data_service_detail: {
      download_speed_kilobits_per_second: downKbps,
      upload_speed_kilobits_per_second: upKbps,
    },
  };
}

export function recurringService(id, name, { enabled = true } = {}) {
  return { id, name, type: 'RECURRING', enabled, data_service_detail: null };
}

/** An account; `addresses`, `radius` ([id, [subnets]]), `macs` ([id, mac, [subnets]]), `ips`. */
export function account(spec) {
  return {
    id: spec.id,
    name: spec.name,
    account_status_id: spec.status ?? 1,
    parent_account_id: spec.parent ?? null,
    ip_assignments: ips(...(spec.ips ?? [])),
    addresses: { entities: spec.addresses ?? [] },
    radius_accounts: {
      entities: (spec.radius ?? []).map(([id, subnets]) => ({ id, ip_assignments: ips(...subnets) })),
    },
    uninventoried_mac_addresses: {
      entities: (spec.macs ?? []).map(([id, mac, subnets]) => ({
        id,
        mac_address: mac,
        ip_assignments: ips(...subnets),
      })),
    },
    services: spec.services ?? [],
  };
}
