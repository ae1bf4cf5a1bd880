const GRAPHQL_PATH = '/api/graphql';

/**
 * LibreQoS's rule for `sonar_api_url`: the instance's base URL gets `/api/graphql` appended; a URL
 * that already ends in it is kept. A path prefix, the query and the fragment are preserved.
 * `https://x.sonar.software` → `https://x.sonar.software/api/graphql`.
 */
export function sonarGraphqlUrl(raw: string): string {
  const text = raw.trim();
  if (text === '') return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text; // the config check has already refused it; leave the message to the HTTP layer
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith(GRAPHQL_PATH)) url.pathname = `${path}${GRAPHQL_PATH}`;
  else url.pathname = path;
  return url.href;
}
