/**
 * The GraphQL service: schema/schema.graphql + resolvers, served by graphql-yoga at /graphql
 * (GraphiQL on GET), `/health` for probes. Neo4j start-up, migrations and ingest are the
 * caller's (src/main.ts); this module only serves a `Db` it is given.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import type { Db } from './db/executor.js';
import { maskError } from './errors.js';
import { useCostLimit } from './plugins/cost-limit.js';
import { useDepthLimit } from './plugins/depth-limit.js';
import { useHealth } from './plugins/health.js';
import { createContext, resolvers, type Context } from './resolvers/index.js';

export const SCHEMA_PATH = new URL('../schema/schema.graphql', import.meta.url);

/** Largest estimated row count (see plugins/cost-limit) one operation may ask for. */
export const costLimit = (config: Pick<Config, 'pageMax'>) => config.pageMax * 250;

export interface AppDeps {
  config: Config;
  db: Db;
}

export function createSchema() {
  return makeExecutableSchema<Context>({ typeDefs: readFileSync(SCHEMA_PATH, 'utf8'), resolvers });
}

export function createApp({ config, db }: AppDeps): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema: createSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: { title: '城镇化知识图谱 GraphQL' },
    landingPage: false,
    // Our /health reports Neo4j; yoga's own liveness answer moves out of its way.
    healthCheckEndpoint: '/healthz',
    maskedErrors: { maskError },
    context: ({ request }) => createContext(db, config, request),
    plugins: [useHealth(db), useDepthLimit(config.maxDepth), useCostLimit(costLimit(config))],
  }) as unknown as YogaServerInstance<Record<string, unknown>, Context>;
}

export interface RunningServer {
  /** the GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (actual port when config.port is 0) */
  url: string;
  /** stops accepting connections and closes open ones; the Db stays open (it is the caller's) */
  close(): Promise<void>;
}

/** Serves `createApp` over node:http on config.host:config.port. */
export async function startServer(deps: AppDeps): Promise<RunningServer> {
  const app = createApp(deps);
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.port, deps.config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.config.host.includes(':') ? `[${deps.config.host}]` : deps.config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
