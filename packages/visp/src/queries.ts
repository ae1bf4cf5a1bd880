/** The GraphQL operations LibreQoS's HEAD VISP integration sends (§9.3), by operation name. */

export const PAGE_SIZE = 500;

export const SUBS = `query Subs($isp_id: Int, $limit: Int, $offset: Int) {
  rows: subscribers(isp_id: $isp_id, limit: $limit, offset: $offset) {
    customer_id username first_name last_name status package package_ip equipment_ip
    equipment_status tower isp_site access_point subscriber_type
  }
  count: subscribersCount(isp_id: $isp_id)
}`;

export const EQUIPMENT_ASSEMBLIES = `query EquipmentAssemblies($isp_id: Int) {
  rows: equipmentAssemblies(isp_id: $isp_id, ap_upstream: true, type: "CPE") {
    id parent_id description location_name item_id parent_site_id equipment_data parent_data
  }
}`;

export const EQUIPMENT_PG = `query EquipmentPg($isp_id: Int, $limit: Int, $offset: Int) {
  rows: equipmentPg(isp_id: $isp_id, limit: $limit, offset: $offset) {
    id parent_id name description type default_type location_id location_name parent_site_id
    item_id child_count equipment_data parent_data
  }
}`;

export const BULK = `query Bulk($isp_id: Int) {
  customerCPEwithWirelessServiceSpeeds(isp_id: $isp_id)
}`;

/** The fields read from an internet service's details (those of ServiceTypeWifi). */
const SERVICE_FIELDS =
  'service_number service_name network_id network_name down_speed down_speed_unit up_speed up_speed_unit ip_address mac_address username';

const WIFI = 'ServiceTypeWifi';
const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * CustomerServices with a details fragment for each allowlisted type (original spelling), asking
 * each for the Wifi service's fields. `wifiOnly` is LibreQoS's exact query (Wifi and VoIP only).
 */
export function customerServicesQuery(serviceTypes: readonly string[], wifiOnly: boolean): string {
  const types = wifiOnly
    ? [WIFI]
    : [
        WIFI,
        ...serviceTypes.filter((type) => GRAPHQL_NAME.test(type) && type.toLowerCase() !== 'servicetypewifi'),
      ];
  const fragments = types.map((type) => `... on ${type} { ${SERVICE_FIELDS} }`);
  if (!types.some((type) => type.toLowerCase() === 'servicetypevoip')) {
    fragments.push('... on ServiceTypeVoip { service_number }');
  }
  return `query CustomerServices($customer_id: Int) {
  rows: customerServices(customer_id: $customer_id, active: true) {
    id service_id service_name service_type service_label status package_number bill_separately
    service_details { __typename ${fragments.join(' ')} }
  }
}`;
}

export const CUSTOMER_IP_LIST = `query CustomerIpList($customer_id: Int) {
  row: customerIPList(customer_id: $customer_id) { package_ip equipment_ip }
}`;

export const ONLINE = `query Online($domain: String) {
  onlineUsers(domain: $domain) { username ip }
}`;
