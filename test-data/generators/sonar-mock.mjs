// A Sonar GraphQL endpoint over an in-memory data set, for the tests, the demo and the benchmark.
// It answers the three operations sonar-integration (and LibreQoS) sends, with Sonar's semantics:
//   - `Authorization: Bearer <key>` or 401 `{"message": "Unauthenticated."}` (Sonar is Laravel);
//   - paging by `paginator: {page, records_per_page}` with `page_info {page records_per_page
//     total_pages total_count}`;
//   - `search: [Search]`: fields inside one Search are ANDed, the Search objects are ORed;
//     `search_value` of an integer field must be an Int (a string is a GraphQL error, as on Sonar);
//   - `reverse_relation_filters` on network_sites (sites with a matching inventory item) and on
//     account_services (`$data`: services whose type matches "DATA");
//   - `service(enabled: true)` is null for a disabled service; `child_accounts` are the accounts whose
//     `parent_account_id` is the account's id (children are also accounts in their own right).
// Errors come back as HTTP 200 `{"errors": [{"message": ...}]}`.
//
// Data set: `{ account_statuses: [{id, name, activates_account}], network_sites: [{id, name,
// inventory_items: [item]}], accounts: [account] }` where an account is the answer shape (wrapped
// relations) plus `parent_account_id` and `services: [{id, name, type, enabled,
// data_service_detail}]`, which the mock turns into `account_services`, `all_account_services` and
// `child_accounts`.

const RECORDS_PER_PAGE_MAX = 100;

function graphqlError(message) {
  return { status: 200, body: { errors: [{ message, extensions: { category: 'graphql' } }] } };
}

class QueryError extends Error {}

function integerMatches(entity, field) {
  if (!Number.isInteger(field.search_value)) {
    throw new QueryError(
      `Variable "$search" got invalid value ${JSON.stringify(field.search_value)} at "search_value"; Int cannot represent non-integer value: ${JSON.stringify(field.search_value)}`,
    );
  }
  const value = entity[field.attribute];
  switch (field.operator ?? 'EQ') {
    case 'EQ':
      return value === field.search_value;
    case 'NEQ':
      return value !== field.search_value;
    default:
      throw new QueryError(`operator ${field.operator} is not supported by the mock`);
  }
}

function stringMatches(entity, field) {
  const value = String(entity[field.attribute] ?? '').toLowerCase();
  const found = value.includes(String(field.search_value).toLowerCase());
  return field.match === false ? !found : found;
}

/** One Search object: every field must match (AND). */
function searchMatches(entity, search) {
  return (
    (search.integer_fields ?? []).every((field) => integerMatches(entity, field)) &&
    (search.string_fields ?? []).every((field) => stringMatches(entity, field))
  );
}

/** A list of Search objects: any may match (OR); an empty or missing list matches everything. */
function anySearch(entity, searches) {
  const list = searches === undefined || searches === null ? [] : [searches].flat();
  return list.length === 0 || list.some((search) => searchMatches(entity, search));
}

function page(items, paginator, render) {
  const perPage = paginator?.records_per_page ?? 25;
  const number = paginator?.page ?? 1;
  if (perPage < 1 || perPage > RECORDS_PER_PAGE_MAX) {
    throw new QueryError(`records_per_page must be between 1 and ${RECORDS_PER_PAGE_MAX}`);
  }
  const start = (number - 1) * perPage;
  return {
    page_info: {
      page: number,
      records_per_page: perPage,
      total_pages: Math.ceil(items.length / perPage),
      total_count: items.length,
    },
    entities: items.slice(start, start + perPage).map(render),
  };
}

function renderSite(site, apModels) {
  const items = site.inventory_items.filter((item) => anySearch(item, apModels));
  return { name: site.name, id: site.id, inventory_items: { entities: items } };
}

function renderAccount(account, context, withChildren) {
  const { services = [], parent_account_id: _parent, ...visible } = account;
  const dataSearch = context.data?.search;
  const out = {
    ...visible,
    account_services: {
      entities: services
        .filter((service) => anySearch(service, dataSearch))
        .map((service) => ({ service: { data_service_detail: service.data_service_detail ?? null } })),
    },
    all_account_services: {
      entities: services.map((service) => ({ service: service.enabled === false ? null : service })),
    },
  };
  if (withChildren) {
    const children = context.childrenOf.get(account.id) ?? [];
    out.child_accounts = { entities: children.map((child) => renderAccount(child, context, false)) };
  }
  return out;
}

/** The answer `data` for one posted body. */
function answer(db, body) {
  const query = String(body.query ?? '');
  const variables = body.variables ?? {};
  if (/\baccount_statuses\s*\(/.test(query)) {
    return {
      account_statuses: {
        entities: db.account_statuses
          .filter((status) => status.activates_account)
          .map(({ id, activates_account }) => ({ id, activates_account })),
      },
    };
  }
  if (/\bnetwork_sites\s*\(/.test(query)) {
    const rr = variables.rr_ap_models;
    const sites = db.network_sites.filter(
      (site) => rr === undefined || site.inventory_items.some((item) => anySearch(item, rr.search)),
    );
    return { network_sites: page(sites, variables.pages, (site) => renderSite(site, variables.ap_models)) };
  }
  if (/\baccounts\s*\(/.test(query)) {
    const accounts = selected(db, variables.account_search);
    const context = { data: variables.data, childrenOf: childIndex(db) };
    return {
      accounts: page(accounts, variables.pages, (account) =>
        /child_accounts/.test(query) ? renderAccount(account, context, true) : { id: account.id },
      ),
    };
  }
  throw new QueryError('Cannot query field on type "Query"');
}

const selections = new WeakMap();

/** The accounts a search selects, kept per search: every page of a run asks the same one. */
function selected(db, search) {
  let cache = selections.get(db);
  if (cache === undefined) {
    cache = new Map();
    selections.set(db, cache);
  }
  const key = JSON.stringify(search ?? null);
  let accounts = cache.get(key);
  if (accounts === undefined) {
    accounts = db.accounts.filter((account) => anySearch(account, search));
    cache.set(key, accounts);
  }
  return accounts;
}

const childIndexes = new WeakMap();

function childIndex(db) {
  let index = childIndexes.get(db);
  if (index === undefined) {
    index = new Map();
    for (const account of db.accounts) {
      if (account.parent_account_id === null || account.parent_account_id === undefined) continue;
      const list = index.get(account.parent_account_id) ?? [];
      list.push(account);
      index.set(account.parent_account_id, list);
    }
    childIndexes.set(db, index);
  }
  return index;
}

/**
 * A mock-server `handler`: parses the posted GraphQL body and answers it from `db`. With `cache`,
 * each distinct body is answered once and the serialised answer kept (the benchmark warms it, so
 * the mock's own work is not part of what is measured).
 */
export function sonarGraphqlHandler(db, { cache = false } = {}) {
  const answers = new Map();
  return (request) => {
    const cached = answers.get(request.body);
    if (cached !== undefined) return cached;
    let body;
    try {
      body = JSON.parse(request.body);
    } catch {
      return { status: 400, body: { errors: [{ message: 'Syntax Error: the request body is not JSON' }] } };
    }
    let reply;
    try {
      reply = { status: 200, body: { data: answer(db, body) } };
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      reply = graphqlError(error.message);
    }
    if (cache) {
      reply = {
        status: reply.status,
        bodyText: JSON.stringify(reply.body),
        headers: { 'content-type': 'application/json' },
      };
      answers.set(request.body, reply);
    }
    return reply;
  };
}

/** The mock route: `POST <path>` with Bearer auth. */
export function sonarRoute(db, { apiKey, path = '/api/graphql', cache = false }) {
  return {
    method: 'POST',
    path,
    auth: { header: 'authorization', value: `Bearer ${apiKey}` },
    unauthorized: { message: 'Unauthenticated.' },
    handler: sonarGraphqlHandler(db, { cache }),
  };
}
