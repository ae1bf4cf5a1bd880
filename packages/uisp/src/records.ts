/**
 * JSON Schemas for one UISP record of each endpoint: the fields this tool reads, with the types
 * UISP sends (NMS API v2.1). Unknown fields are ignored; a present field of the wrong type, or a
 * missing one we cannot do without, makes the record invalid (it is skipped with a warning).
 */

const text = { type: ['string', 'null'] };
const amount = { type: ['number', 'null'], minimum: 0 };
const idRef = { type: ['object', 'null'], properties: { id: text } };

export const siteRecordSchema = {
  type: 'object',
  required: ['id', 'identification'],
  properties: {
    id: { type: 'string', minLength: 1 },
    identification: {
      type: 'object',
      required: ['type'],
      properties: {
        name: text,
        type: { enum: ['site', 'endpoint'] },
        suspended: { type: 'boolean' },
        parent: idRef,
      },
      // Suspension decides how a client is shaped: a client site must say.
      if: { properties: { type: { const: 'endpoint' } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: { required: ['suspended'] },
    },
    description: {
      type: ['object', 'null'],
      properties: { address: text, location: { type: ['object', 'null'] } },
    },
    qos: {
      type: ['object', 'null'],
      properties: {
        downloadSpeed: amount,
        uploadSpeed: amount,
        downloadBurstSize: amount,
        uploadBurstSize: amount,
      },
    },
    ucrm: {
      type: ['object', 'null'],
      properties: { service: { type: ['object', 'null'], properties: { name: text } } },
    },
  },
};

const identified = {
  type: 'object',
  required: ['identification'],
  properties: {
    identification: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', minLength: 1 } },
    },
  },
};

export const deviceRecordSchema = {
  type: 'object',
  required: ['identification'],
  properties: {
    identification: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', minLength: 1 },
        hostname: text,
        name: text,
        mac: text,
        model: text,
        type: text,
        role: text,
        site: {
          type: ['object', 'null'],
          required: ['id'],
          properties: { id: { type: 'string' } },
        },
      },
    },
    ipAddress: text,
    attributes: { type: ['object', 'null'], properties: { apDevice: idRef } },
    overview: {
      type: ['object', 'null'],
      properties: {
        downlinkCapacity: amount,
        uplinkCapacity: amount,
        totalCapacity: amount,
        theoreticalTotalCapacity: amount,
        wirelessMode: text,
        wirelessActiveInterfaceIds: { type: ['array', 'null'], items: { type: 'string' } },
      },
    },
    interfaces: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        properties: {
          identification: { type: ['object', 'null'], properties: { name: text, type: text } },
          addresses: {
            type: ['array', 'null'],
            items: { type: 'object', properties: { cidr: text } },
          },
          wireless: { type: ['object', 'null'], properties: { dlRatio: { type: ['number', 'null'] } } },
        },
      },
    },
  },
};

const linkEnd = {
  type: 'object',
  properties: {
    device: { ...identified, type: ['object', 'null'] },
    site: { ...identified, type: ['object', 'null'] },
  },
};

export const dataLinkRecordSchema = {
  type: 'object',
  required: ['from', 'to'],
  properties: {
    id: text,
    canDelete: { type: ['boolean', 'null'] },
    from: linkEnd,
    to: linkEnd,
  },
};
