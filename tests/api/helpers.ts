import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/executor.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { testDb } from '../helpers/db.js';

export const TOKEN = 'test-token';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
}

export interface Api {
  url: string;
  db: Db;
  /** POSTs one operation to /graphql; `token` becomes `Authorization: Bearer <token>`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** A real server on a free port over the run's Neo4j (corpus ingested by the global setup). */
export async function startApi(env: Record<string, string> = {}): Promise<Api> {
  const db = testDb();
  const config = loadConfig({ ...process.env, NEO4J_URI: '', PORT: '0', HOST: '127.0.0.1', LIBRARIAN_TOKEN: TOKEN, ...env });
  const server = await startServer({ config, db });
  return {
    url: server.url,
    db,
    async gql(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const res = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/**
 * A server for the enclosing describe block: started in beforeAll, closed in afterAll. Hooks a
 * file adds later run after the start (beforeAll) and before the close (afterAll).
 */
export function useApi(env: Record<string, string> = {}): Api {
  let api: Api | undefined;
  beforeAll(async () => {
    api = await startApi(env);
  });
  afterAll(async () => {
    await api?.close();
  });
  const current = (): Api => {
    if (!api) throw new Error('useApi: the server starts in beforeAll; use it inside hooks and tests');
    return api;
  };
  return {
    get url() { return current().url; },
    get db() { return current().db; },
    gql: (query, variables, token) => current().gql(query, variables, token),
    close: () => current().close(),
  };
}

/** The extensions.code of every error. */
export const codes = (r: GqlResult): (string | undefined)[] => (r.errors ?? []).map((e) => e.extensions?.code);

/** Fails with the server's errors when there are any; returns data. */
export function ok<T>(r: GqlResult<T>): T {
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/** Walks a connection field page by page (`first` items each); returns the nodes and the totalCount seen. */
export async function walk<N>(
  api: Api, query: string, pick: (data: any) => { edges: { node: N; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number },
  variables: Record<string, unknown> = {}, first = 3,
): Promise<{ nodes: N[]; totalCount: number; pages: number }> {
  const nodes: N[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pages = 0;
  for (;;) {
    const conn = pick(ok(await api.gql(query, { ...variables, first, after })));
    totalCount = conn.totalCount;
    nodes.push(...conn.edges.map((e) => e.node));
    pages++;
    if (!conn.pageInfo.hasNextPage || pages > 1000) break;
    after = conn.pageInfo.endCursor;
  }
  return { nodes, totalCount, pages };
}
