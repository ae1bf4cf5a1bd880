/** Powercode's API answers on its own port; LibreQoS always appends it. */
export const POWERCODE_API_PORT = '444';
export const PRESEEM_PATH = 'api/preseem/index.php';

// The authority of an absolute URL: what sits between `scheme://` and the first `/`, `?` or `#`.
const AUTHORITY = /^([a-z][a-z\d+.-]*:\/\/)([^/?#]*)(.*)$/is;

/**
 * `https://pc.example.net` → `https://pc.example.net:444/api/preseem/index.php`. A URL that names
 * a port keeps it (read from the text: `new URL` hides `:443` on https, which is still a port the
 * operator chose). A path prefix is kept; trailing slashes and a pasted-in endpoint path are ignored.
 */
export function preseemEndpoint(apiUrl: string): string {
  const match = AUTHORITY.exec(apiUrl.trim());
  if (match === null) return apiUrl;
  const [, scheme = '', authority = '', rest = ''] = match;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  // IPv6 hosts are bracketed, so a trailing `:digits` is always a port.
  const hasPort = /:\d+$/.test(host);
  const withPort = hasPort ? authority : `${authority.replace(/:$/, '')}:${POWERCODE_API_PORT}`;
  const path = rest
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '')
    .replace(/\/api\/preseem\/index\.php$/i, '');
  return `${scheme}${withPort}${path}/${PRESEEM_PATH}`;
}
