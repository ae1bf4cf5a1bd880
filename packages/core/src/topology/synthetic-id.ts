/**
 * `libreqos:generated:<scope>:<type>:<slug>`, the id LibreQoS gives nodes it invents. The slug is
 * the lower-cased name with every run of non-alphanumerics (Unicode-aware, so `é` stays) turned
 * into one `-`, trimmed of `-` at both ends.
 */
export function syntheticNetworkJsonId(scope: string, type: string, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `libreqos:generated:${scope}:${type}:${slug}`;
}
