// A VISP mock over a fixture directory, for the tests and the benchmark, imitating the two
// endpoints LibreQoS talks to (reference §9.2–9.3):
//   - `GET /token` checks x-visp-client-id / -secret / -username / -password and answers
//     `{"token", "payload": {"exp", "ispId": [...]}}` (401 `{"error": …}` otherwise);
//   - `POST /graphql` checks the client headers and the raw token in `authorization` (401 with a
//     GraphQL error body otherwise), then answers by operationName: Subs and EquipmentPg by
//     offset/limit (Subs also `count`), EquipmentAssemblies, Bulk (a JSON scalar list),
//     CustomerServices (service_details cut to the fields the query's fragment for its
//     __typename asks; a fragment on a type the schema lacks is a validation error),
//     CustomerIpList, Online. Queries naming another ISP id get a GraphQL error.
// Fixture files: token.json, subscribers.json, assemblies.json, equipment.json, bulk.json,
// services.json ({customer_id: [service] | {"error": "…"}}), iplist.json, online.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TOKEN_PATH = '/token';
export const GRAPHQL_PATH = '/graphql';

const DEFAULT_TYPES = [
  'ServiceTypeWifi',
  'ServiceTypeOtherConnection',
  'ServiceTypeFiberCircuit',
  'ServiceTypeCable',
  'ServiceTypeDsl',
  'ServiceTypeAttDsl',
  'ServiceTypeBpl',
  'ServiceTypeLte',
  'ServiceTypeVoip',
];

async function load(dir, file, fallback) {
  try {
    return JSON.parse(await readFile(join(dir, file), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  }
}

function errors(message, status = 200) {
  return { status, body: { errors: [{ message }] } };
}

/** `... on Type { a b c }` fragments of a query → Map(type → fields). */
function fragments(query) {
  const out = new Map();
  for (const [, type, fields] of query.matchAll(/\.\.\. on (\w+) \{([^}]*)\}/g)) {
    out.set(type, fields.trim().split(/\s+/));
  }
  return out;
}

/** A service as the query's fragments shape it. */
function shapeService(service, asked) {
  const details = service.service_details;
  if (details === null || typeof details !== 'object') return service;
  const fields = asked.get(details.__typename) ?? [];
  const shaped = { __typename: details.__typename };
  for (const field of fields) shaped[field] = details[field] ?? null;
  return { ...service, service_details: shaped };
}

/**
 * Loads the fixture directory and returns `{ routes, issued, accepted, nextTokens }`: the two
 * routes for startMockServer, the tokens issued so far, the tokens GraphQL accepts (tests may
 * revoke), and the tokens still to issue (after these: `<token>-2`, `-3`…).
 */
export async function vispMock({ dir, credentials, knownTypes = DEFAULT_TYPES, extraIspIds = [] }) {
  const token = await load(dir, 'token.json', {});
  const data = {
    subscribers: await load(dir, 'subscribers.json', []),
    assemblies: await load(dir, 'assemblies.json', []),
    equipment: await load(dir, 'equipment.json', []),
    bulk: await load(dir, 'bulk.json', []),
    services: await load(dir, 'services.json', {}),
    ipList: await load(dir, 'iplist.json', {}),
    online: await load(dir, 'online.json', []),
  };
  const known = new Set(knownTypes);
  const ispIds = [...(token.payload?.ispId ?? []), ...extraIspIds];
  const mock = { routes: [], issued: [], accepted: new Set(), nextTokens: [token.token] };

  const issue = (request) => {
    const h = request.headers;
    if (
      h['x-visp-client-id'] !== credentials.clientId ||
      h['x-visp-client-secret'] !== credentials.clientSecret ||
      h['x-visp-username'] !== credentials.username ||
      h['x-visp-password'] !== credentials.password
    ) {
      return { status: 401, body: { error: 'invalid client or user credentials' } };
    }
    const next = mock.nextTokens.shift() ?? `${token.token}-${mock.issued.length + 1}`;
    mock.issued.push(next);
    mock.accepted.add(next);
    return { body: { token: next, payload: token.payload } };
  };

  const graphql = (request) => {
    const h = request.headers;
    if (
      h['x-visp-client-id'] !== credentials.clientId ||
      h['x-visp-client-secret'] !== credentials.clientSecret
    ) {
      return errors('client not authorised', 401);
    }
    if (!mock.accepted.has(String(h.authorization ?? ''))) return errors('token expired or invalid', 401);
    const body = JSON.parse(request.body);
    const vars = body.variables ?? {};
    if (
      ['Subs', 'EquipmentAssemblies', 'EquipmentPg', 'Bulk'].includes(body.operationName) &&
      !ispIds.includes(vars.isp_id)
    ) {
      return errors(`isp_id ${vars.isp_id} is not yours`);
    }
    const offset = Number(vars.offset ?? 0);
    const page = (rows) => rows.slice(offset, offset + Number(vars.limit ?? 500));
    switch (body.operationName) {
      case 'Subs':
        return { body: { data: { rows: page(data.subscribers), count: data.subscribers.length } } };
      case 'EquipmentAssemblies':
        return { body: { data: { rows: data.assemblies } } };
      case 'EquipmentPg':
        return { body: { data: { rows: page(data.equipment) } } };
      case 'Bulk':
        return { body: { data: { customerCPEwithWirelessServiceSpeeds: data.bulk } } };
      case 'CustomerServices': {
        const asked = fragments(body.query ?? '');
        for (const type of asked.keys()) {
          if (!known.has(type)) return errors(`Unknown type "${type}".`);
        }
        const rows = data.services[String(vars.customer_id)] ?? [];
        // A fixture entry {"error": "…"} stands for a customer VISP refuses to answer for.
        if (!Array.isArray(rows)) return errors(String(rows.error));
        return { body: { data: { rows: rows.map((service) => shapeService(service, asked)) } } };
      }
      case 'CustomerIpList':
        return { body: { data: { row: data.ipList[String(vars.customer_id)] ?? null } } };
      case 'Online':
        return { body: { data: { onlineUsers: data.online } } };
      default:
        return errors(`Unknown operation named "${body.operationName}".`);
    }
  };

  // The client secret goes with every request: core's route check answers 401 without it; the
  // handlers check the rest.
  const auth = { header: 'x-visp-client-secret', value: credentials.clientSecret };
  mock.routes = [
    {
      method: 'GET',
      path: TOKEN_PATH,
      auth,
      unauthorized: { error: 'invalid client credentials' },
      handler: issue,
    },
    {
      method: 'POST',
      path: GRAPHQL_PATH,
      auth,
      unauthorized: { errors: [{ message: 'client not authorised' }] },
      handler: graphql,
    },
  ];
  return mock;
}
