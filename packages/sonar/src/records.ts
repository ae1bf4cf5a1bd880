/**
 * JSON Schemas of the Sonar entities, for the fields we read (unknown fields are ignored). Sonar
 * wraps every relation in `{ entities: [...] }`; ids are Int64Bit numbers, speeds Int.
 */

const idLike = { type: ['integer', 'string'] };
const text = { type: ['string', 'number', 'null'] };
const numberLike = {
  type: ['number', 'string', 'null'],
  pattern: '^\\s*-?[0-9]*\\.?[0-9]+(e[+-]?[0-9]+)?\\s*$',
};

function connection(item: Record<string, unknown>): Record<string, unknown> {
  return {
    type: ['object', 'null'],
    properties: { entities: { type: ['array', 'null'], items: item } },
  };
}

const ipAssignments = connection({
  type: ['object', 'null'],
  properties: { subnet: { type: ['string', 'null'] } },
});

const fieldData = connection({
  type: 'object',
  properties: {
    value: text,
    ip_assignments: ipAssignments,
    inventory_model_field: {
      type: ['object', 'null'],
      properties: { name: text, primary: { type: ['boolean', 'null'] } },
    },
  },
});

const inventoryItem = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    inventory_model: { type: ['object', 'null'], properties: { name: text } },
    inventory_model_field_data: fieldData,
    ip_assignments: ipAssignments,
  },
};

const dataServiceDetail = {
  type: ['object', 'null'],
  properties: {
    download_speed_kilobits_per_second: numberLike,
    upload_speed_kilobits_per_second: numberLike,
  },
};

const accountService = connection({
  type: 'object',
  properties: {
    service: {
      type: ['object', 'null'],
      properties: {
        name: text,
        type: text,
        enabled: { type: ['boolean', 'null'] },
        data_service_detail: dataServiceDetail,
      },
    },
  },
});

const accountProperties = {
  id: idLike,
  name: text,
  account_status_id: { type: ['integer', 'string', 'null'] },
  ip_assignments: ipAssignments,
  account_services: accountService,
  all_account_services: accountService,
  addresses: connection({
    type: 'object',
    properties: {
      line1: text,
      line2: text,
      city: text,
      subdivision: text,
      inventory_items: connection(inventoryItem),
    },
  }),
  radius_accounts: connection({
    type: 'object',
    required: ['id'],
    properties: { id: idLike, ip_assignments: ipAssignments },
  }),
  uninventoried_mac_addresses: connection({
    type: 'object',
    required: ['id'],
    properties: { id: idLike, mac_address: text, ip_assignments: ipAssignments },
  }),
};

/**
 * An account. `child_accounts` is only checked for being a list of objects: each child is checked
 * on its own, so one broken child does not sink its parent.
 */
export const accountSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    ...accountProperties,
    child_accounts: connection({ type: 'object' }),
  },
};

/** A network site with its AP inventory items. */
export const siteSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: idLike,
    name: text,
    inventory_items: connection({
      type: 'object',
      required: ['id'],
      properties: {
        id: idLike,
        inventory_model_id: { type: ['integer', 'string', 'null'] },
        inventory_model_field_data: fieldData,
        ip_assignments: ipAssignments,
      },
    }),
  },
};
