/** The Splynx API 2.0 lists wispsync reads, and the API-key permission each one needs. */

export type ListKey =
  | 'tariffs'
  | 'customers'
  | 'online'
  | 'services'
  | 'sectors'
  | 'monitoring'
  | 'networkSites';

export interface Endpoint {
  key: ListKey;
  /** Below `<url>/api/2.0/`. */
  path: string;
  /** Splynx search filters (`main_attributes[field]=value`). */
  query?: Record<string, string>;
  /** Where the permission sits in Administration › API keys › Permissions. */
  permission: string;
  /** Older Splynx versions lack it: a 404, a refusal or an odd answer means "none" (with a warning). */
  optional?: boolean;
}

export const ENDPOINTS: Record<ListKey, Endpoint> = {
  tariffs: { key: 'tariffs', path: 'admin/tariffs/internet', permission: 'Tariff Plans › Internet' },
  customers: { key: 'customers', path: 'admin/customers/customer', permission: 'Customers › Customer' },
  online: {
    key: 'online',
    path: 'admin/customers/customers-online',
    permission: 'Customers › Customers Online',
  },
  services: {
    key: 'services',
    path: 'admin/customers/customer/0/internet-services',
    query: { 'main_attributes[status]': 'active' },
    permission: 'Customers › Customer Internet services',
  },
  sectors: { key: 'sectors', path: 'admin/networking/routers-sectors', permission: 'Networking › Routers' },
  monitoring: {
    key: 'monitoring',
    path: 'admin/networking/monitoring',
    permission: 'Networking › Monitoring',
  },
  networkSites: {
    key: 'networkSites',
    path: 'admin/networking/network-sites',
    permission: 'Networking › Network Sites',
    optional: true,
  },
};

const ALWAYS: readonly ListKey[] = ['tariffs', 'customers', 'online', 'services'];
const HIERARCHY: readonly ListKey[] = ['sectors', 'monitoring', 'networkSites'];

/** The lists a run needs: the hierarchy only when nodes (or exclude_sites) can use it. */
export function listsFor(hierarchy: boolean): ListKey[] {
  return hierarchy ? [...ALWAYS, ...HIERARCHY] : [...ALWAYS];
}

/** Every permission a run may need, for the 401/403 hint. */
export function permissionList(): string {
  return Object.values(ENDPOINTS)
    .map((endpoint) => endpoint.permission)
    .join(', ');
}
