/**
 * The two VISP endpoints as configured clients: the token URL (GET, four x-visp-* headers) and the
 * GraphQL URL (POST, client id/secret headers and the raw token in `authorization`, no "Bearer").
 * A GraphQL request VISP refuses with 401/403 gets a new token and is sent once more.
 */
import {
  createGraphqlClient,
  type FetchContext,
  type GraphqlClient,
  type HttpClient,
  isHttpError,
} from '@wispsync/core';
import { SECTION } from './schema.js';
import { CREDENTIALS_HINT, type VispSettings } from './settings.js';
import { tokenCachePath } from './token-cache.js';
import { type TokenGrant, VispTokens } from './tokens.js';

export class VispApi {
  constructor(
    private readonly gql: GraphqlClient,
    readonly tokens: VispTokens,
  ) {}

  /** The ISP id every query is scoped to (configured, else the token's). */
  async ispId(): Promise<number> {
    return (await this.tokens.get()).ispId;
  }

  async request(
    operationName: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const grant = await this.tokens.get();
    try {
      return await this.send(grant, operationName, query, variables);
    } catch (error) {
      if (!isHttpError(error) || (error.status !== 401 && error.status !== 403)) throw error;
      const fresh = await this.tokens.refresh(grant.token);
      return this.send(fresh, operationName, query, variables);
    }
  }

  private send(
    grant: TokenGrant,
    operationName: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    return this.gql.request({ operationName, query, variables, headers: { authorization: grant.token } });
  }
}

export interface ApiOptions {
  /** Read and write the token cache (off for the doctor's probe, which writes nothing). */
  cache: boolean;
}

/** What both VISP clients share: source, timeout, TLS, the client headers, secrets and hints. */
function clientOptions(settings: VispSettings, urlKey: string, headers: Record<string, string>) {
  return {
    source: 'VISP',
    timeoutMs: settings.timeoutMs,
    verifyTls: settings.verifyTls,
    headers: {
      'x-visp-client-id': settings.clientId,
      'x-visp-client-secret': settings.clientSecret,
      ...headers,
    },
    secrets: [settings.clientSecret, settings.password],
    authHint: CREDENTIALS_HINT,
    urlHint: `check [${SECTION}].${urlKey}`,
    tlsHint: `fix the server certificate, or set [${SECTION}].verify_tls = false for a test server`,
  };
}

function tokenClient(context: FetchContext, settings: VispSettings): HttpClient {
  return context.http(
    clientOptions(settings, "token_url (VISP's token endpoint)", {
      'x-visp-username': settings.username,
      'x-visp-password': settings.password,
    }),
  );
}

export function createVispApi(context: FetchContext, settings: VispSettings, options: ApiOptions): VispApi {
  const gqlHttp = context.http(clientOptions(settings, "graphql_url (VISP's GraphQL endpoint)", {}));
  const tokens = new VispTokens({
    http: tokenClient(context, settings),
    tokenUrl: settings.tokenUrl,
    ispId: settings.ispId,
    cachePath: options.cache
      ? tokenCachePath(context.common.stateDirectory, settings.clientId, settings.username)
      : undefined,
    nowSecs: () => Math.floor(Date.now() / 1000),
    warn: (message) => context.warn(message),
    addSecret: (value) => context.reporter.addSecret(value),
  });
  return new VispApi(createGraphqlClient(gqlHttp, settings.graphqlUrl), tokens);
}
