import type { FetchContext } from '@wispsync/core';
import { createVispApi } from './client.js';
import { readSettings } from './settings.js';

/**
 * wispsync-doctor's check: one token request with the configured credentials (the cache is neither
 * read nor written, so the credentials themselves are proven). Returns the ISP id queries will use.
 */
export async function probeVisp(context: FetchContext): Promise<string> {
  const settings = readSettings(context.config, process.env);
  context.reporter.addSecret(settings.clientSecret);
  context.reporter.addSecret(settings.password);
  const api = createVispApi(context, settings, { cache: false });
  const ispId = await api.ispId();
  const source = settings.ispId > 0 ? 'configured' : 'from the token';
  return `VISP: token issued to ${settings.username}; ISP id ${ispId} (${source})`;
}
