import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../scripts/neo4j/local.js';
import { Db } from '../../src/db/executor.js';
import { migrate } from '../../src/db/migrate.js';
import { loadConfig } from '../../src/config.js';
import { listSources } from '../../ingest/sources.js';
import { ingestSources } from '../../ingest/ingest-many.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** seconds the corpus ingest took, for the log */
    corpusIngestSeconds: number;
  }
}

/**
 * One real Neo4j for the whole run: NEO4J_URI when set, else a private local instance on a
 * free port with a temporary data folder (removed afterwards). The bundled corpus is migrated
 * and ingested once here; test files that add data clean up after themselves.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  let local: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    const t0 = performance.now();
    local = await startLocalNeo4j({ log: (m) => console.log(`[neo4j] ${m}`), heap: '1g' });
    console.log(`[neo4j] test instance ${local.uri} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    uri = local.uri;
  }
  const db = new Db({ uri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase });
  try {
    await migrate(db);
    const summary = await ingestSources(db, listSources(['corpus']));
    if (summary.failed.length) throw new Error(`corpus ingest failed: ${JSON.stringify(summary.failed)}`);
    console.log(`[neo4j] corpus ingested: ${summary.documents} documents, ${summary.sentences} sentences in ${summary.seconds} s`);
    project.provide('corpusIngestSeconds', summary.seconds);
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', config.neo4jUser);
  project.provide('neo4jPassword', config.neo4jPassword ?? '');
  return async () => {
    await local?.stop();
  };
}
