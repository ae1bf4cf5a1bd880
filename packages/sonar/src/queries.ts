/**
 * The three GraphQL operations LibreQoS's Sonar integration sends, with the same selections.
 *
 * One difference in the variables: Sonar ANDs the fields inside one `Search` object and ORs the
 * `Search` objects of a list. LibreQoS puts every wanted status (and every AP model) into one
 * `Search`, which matches nothing as soon as two ids are configured; here each id gets its own
 * `Search`, so the list means "any of these".
 */

export const STATUSES_QUERY = `query getActiveStatuses {
  account_statuses(activates_account: true) {
    entities { id activates_account }
  }
}`;

const IPS = 'ip_assignments { entities { subnet } }';

export const SITES_QUERY = `query getSitesAndAps($pages: Paginator, $rr_ap_models: ReverseRelationFilter, $ap_models: [Search]) {
  network_sites(paginator: $pages, reverse_relation_filters: [$rr_ap_models]) {
    page_info { page records_per_page total_pages total_count }
    entities {
      name
      id
      inventory_items(search: $ap_models) {
        entities {
          id
          inventory_model_id
          inventory_model_field_data { entities { ${IPS} } }
          ${IPS}
        }
      }
    }
  }
}`;

const ACCOUNT_FIELDS = `account_status_id
      id
      name
      ${IPS}
      account_services(reverse_relation_filters: [$data]) {
        entities { service { data_service_detail { download_speed_kilobits_per_second upload_speed_kilobits_per_second } } }
      }
      addresses {
        entities {
          line1 line2 city subdivision
          inventory_items {
            entities {
              id
              inventory_model { name }
              inventory_model_field_data {
                entities { value ${IPS} inventory_model_field { id name primary } }
              }
              ${IPS}
            }
          }
        }
      }
      radius_accounts { entities { id ${IPS} } }
      uninventoried_mac_addresses { entities { id mac_address ${IPS} } }
      all_account_services: account_services {
        entities {
          service(enabled: true) {
            id name type enabled
            data_service_detail { download_speed_kilobits_per_second upload_speed_kilobits_per_second }
          }
        }
      }`;

export const ACCOUNTS_QUERY = `query getAccounts($pages: Paginator, $account_search: [Search], $data: ReverseRelationFilter) {
  accounts(paginator: $pages, search: $account_search) {
    page_info { page records_per_page total_pages total_count }
    entities {
      ${ACCOUNT_FIELDS}
      child_accounts { entities { ${ACCOUNT_FIELDS} } }
    }
  }
}`;

/** The probe: one account, only its id, with the paging totals. */
export const PROBE_QUERY = `query probeAccounts($pages: Paginator) {
  accounts(paginator: $pages) {
    page_info { page records_per_page total_pages total_count }
    entities { id }
  }
}`;

/** Sonar's Int64Bit ids travel as JSON numbers when they are plain digits (they always are here). */
function searchValue(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** `[{integer_fields: [{attribute, operator: EQ, search_value: id}]}, …]`: one Search per id (OR). */
export function anyOf(attribute: string, ids: readonly string[]): Record<string, unknown>[] {
  return ids.map((id) => ({
    integer_fields: [{ attribute, operator: 'EQ', search_value: searchValue(id) }],
  }));
}

export function paginator(page: number, recordsPerPage: number): Record<string, number> {
  return { records_per_page: recordsPerPage, page };
}

export function sitesVariables(modelIds: readonly string[], page: number, pageSize: number) {
  const models = anyOf('inventory_model_id', modelIds);
  return {
    pages: paginator(page, pageSize),
    rr_ap_models: { relation: 'inventory_items', search: models },
    ap_models: models,
  };
}

export function accountsVariables(statusIds: readonly string[], page: number, pageSize: number) {
  return {
    pages: paginator(page, pageSize),
    account_search: anyOf('account_status_id', statusIds),
    data: {
      relation: 'service',
      search: [{ string_fields: [{ attribute: 'type', match: true, search_value: 'DATA' }] }],
    },
  };
}
