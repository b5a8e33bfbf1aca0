/**
 * The service's configuration, parsed once from the environment and validated at start-up.
 * Every option: environment variable, default, meaning.
 */
export interface Config {
  /** NEO4J_URI — Bolt/neo4j URI of an external Neo4j 5; unset = start the bundled local Neo4j. */
  neo4jUri: string | null;
  /** NEO4J_USER (default "neo4j") and NEO4J_PASSWORD (default none = no auth). */
  neo4jUser: string;
  neo4jPassword: string | null;
  /** NEO4J_DATABASE — database name; default: the server's default database. */
  neo4jDatabase: string | null;
  /** NEO4J_BOLT_PORT — port of the bundled local Neo4j (default 7687). */
  localBoltPort: number;
  /** NEO4J_DATA_DIR — data folder of the bundled local Neo4j (default .neo4j/data). */
  localDataDir: string | null;
  /** NEO4J_HEAP / NEO4J_PAGECACHE — JVM heap and page cache of the bundled Neo4j (default 1g / 256m). */
  localHeap: string;
  localPageCache: string;
  /** PORT — HTTP port of the GraphQL server (default 4000). */
  port: number;
  /** HOST — interface to listen on (default 127.0.0.1, loopback only). */
  host: string;
  /** LIBRARIAN_TOKEN — bearer token for addDocument/removeDocument; unset = mutations refused. */
  librarianToken: string | null;
  /** CORPUS_DIR — folder ingested by `npm start` (default corpus/). */
  corpusDir: string;
  /** INGEST_ON_START — "false" skips the corpus ingest in `npm start` (default true). */
  ingestOnStart: boolean;
  /** MAX_DOCUMENT_BYTES — largest document accepted by ingest and addDocument (default 20 MB). */
  maxDocumentBytes: number;
  /** QUERY_MAX_DEPTH — deepest GraphQL selection accepted (default 12). */
  maxDepth: number;
  /** PAGE_MAX — largest `first` accepted on any connection (default 200). */
  pageMax: number;
}

export class ConfigError extends Error {}

function size(env: NodeJS.ProcessEnv, name: string, def: string): string {
  const v = str(env, name) ?? def;
  if (!/^\d+[kmg]?$/i.test(v.trim())) throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${v}"`);
  return v.trim();
}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function str(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const neo4jUri = str(env, 'NEO4J_URI');
  if (neo4jUri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(neo4jUri)) {
    throw new ConfigError(`NEO4J_URI must start with bolt:// or neo4j:// (optionally +s/+ssc), got "${neo4jUri}"`);
  }
  const ingest = (env.INGEST_ON_START ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(ingest)) throw new ConfigError(`INGEST_ON_START must be true or false, got "${ingest}"`);
  return {
    neo4jUri,
    neo4jUser: str(env, 'NEO4J_USER') ?? 'neo4j',
    neo4jPassword: str(env, 'NEO4J_PASSWORD'),
    neo4jDatabase: str(env, 'NEO4J_DATABASE'),
    localBoltPort: int(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
    localDataDir: str(env, 'NEO4J_DATA_DIR'),
    localHeap: size(env, 'NEO4J_HEAP', '1g'),
    localPageCache: size(env, 'NEO4J_PAGECACHE', '256m'),
    port: int(env, 'PORT', 4000, 0, 65535),
    host: str(env, 'HOST') ?? '127.0.0.1',
    librarianToken: str(env, 'LIBRARIAN_TOKEN'),
    corpusDir: str(env, 'CORPUS_DIR') ?? 'corpus',
    ingestOnStart: ingest === 'true' || ingest === '1',
    maxDocumentBytes: int(env, 'MAX_DOCUMENT_BYTES', 20 * 1024 * 1024, 1),
    maxDepth: int(env, 'QUERY_MAX_DEPTH', 12, 2, 100),
    pageMax: int(env, 'PAGE_MAX', 200, 1, 10000),
  };
}
