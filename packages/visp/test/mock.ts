/**
 * The VISP mock (test-data/generators/visp-mock.mjs, plain ESM shared with the benchmark), typed
 * for the tests, and a reader of the GraphQL requests it received.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MockRoute, REPO_ROOT, type RecordedRequest } from '@wispsync/core/testing';

export const TOKEN_PATH = '/token';
export const GRAPHQL_PATH = '/graphql';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export interface VispMockOptions {
  dir: string;
  credentials: Credentials;
  /** Service types the mock schema knows (default: VISP's internet types and VoIP). */
  knownTypes?: string[];
  /** ISP ids queries may name besides the token's. */
  extraIspIds?: number[];
}

export interface VispMock {
  routes: MockRoute[];
  /** Tokens issued so far, in order. */
  issued: string[];
  /** Tokens the GraphQL endpoint accepts. */
  accepted: Set<string>;
  /** Tokens still to issue; after these `<token>-2`, `-3`… */
  nextTokens: string[];
}

interface MockModule {
  vispMock(options: VispMockOptions): Promise<VispMock>;
}

export async function vispMock(options: VispMockOptions): Promise<VispMock> {
  const file = join(REPO_ROOT, 'test-data/generators/visp-mock.mjs');
  const module = (await import(pathToFileURL(file).href)) as MockModule;
  return module.vispMock(options);
}

/** The GraphQL requests the mock received: operation name and variables, in order. */
export function operations(
  requests: readonly RecordedRequest[],
): { op: string; variables: Record<string, unknown> }[] {
  return requests
    .filter((request) => request.path === GRAPHQL_PATH)
    .map((request) => {
      const body = JSON.parse(request.body) as { operationName: string; variables: Record<string, unknown> };
      return { op: body.operationName, variables: body.variables };
    });
}
