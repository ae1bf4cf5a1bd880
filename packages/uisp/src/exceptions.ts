import type { UispIndex } from './clients.js';
import type { UispData } from './types.js';

export interface ExceptionCpe {
  cpe: string;
  parent: string;
}

/**
 * exception_cpes as UISP operators write them, turned into what core's generic step matches
 * (circuit id or name → node id or name):
 *  - `cpe` may be a CPE's host name or device id (LibreQoS's meaning): it becomes the id of the
 *    client site (circuit) the device belongs to, so the whole circuit moves (one parent per
 *    circuit); a client site id or name stays as it is.
 *  - `parent` may be a UISP site or device id (LibreQoS's meaning) or a device host name: it becomes
 *    that node's id when the strategy has it as a node, or the circuit id for a client site (a
 *    client of a client); any other value stays a name for core to match.
 */
export function translateExceptionCpes(
  entries: readonly ExceptionCpe[],
  data: UispData,
  index: UispIndex,
  nodeIds: { deviceNode: ReadonlyMap<string, string>; siteNode: ReadonlyMap<string, string | null> },
): ExceptionCpe[] {
  if (entries.length === 0) return [];
  const byHostname = new Map<string, string>();
  for (const device of data.devices) if (!byHostname.has(device.name)) byHostname.set(device.name, device.id);
  const clientOf = (deviceId: string | undefined): string | undefined => {
    const site =
      deviceId === undefined ? undefined : index.siteById.get(index.deviceById.get(deviceId)?.siteId ?? '');
    return site?.type === 'endpoint' ? site.id : undefined;
  };
  const clientByRawName = new Map<string, string>();
  for (const site of data.sites) {
    if (site.type === 'endpoint' && site.rawName !== site.name && !clientByRawName.has(site.rawName))
      clientByRawName.set(site.rawName, site.id);
  }
  return entries.map(({ cpe, parent }) => {
    const cpeSite =
      (index.siteById.has(cpe) ? undefined : (clientOf(byHostname.get(cpe)) ?? clientOf(cpe))) ??
      clientByRawName.get(cpe);
    return { cpe: cpeSite ?? cpe, parent: parentKey(parent, index, byHostname, nodeIds) };
  });
}

function parentKey(
  parent: string,
  index: UispIndex,
  byHostname: ReadonlyMap<string, string>,
  nodeIds: { deviceNode: ReadonlyMap<string, string>; siteNode: ReadonlyMap<string, string | null> },
): string {
  const site = index.siteById.get(parent);
  if (site !== undefined) {
    if (site.type === 'endpoint') return site.id;
    return nodeIds.siteNode.get(site.id) ?? parent;
  }
  const deviceId = index.deviceById.has(parent) ? parent : byHostname.get(parent);
  if (deviceId === undefined) return parent;
  const node = nodeIds.deviceNode.get(deviceId);
  if (node !== undefined) return node;
  const owner = index.siteById.get(index.deviceById.get(deviceId)?.siteId ?? '');
  return owner?.type === 'endpoint' ? owner.id : parent;
}
