import { join } from 'node:path';
import type { Config } from '../config.js';
import { Db } from './executor.js';
import { startLocalNeo4j, waitForBolt, NEO4J_HOME } from '../../scripts/neo4j/local.js';

export interface OpenDb {
  db: Db;
  /** where the graph lives, for the console */
  where: string;
  /** closes the driver and stops a Neo4j this process started */
  close(): Promise<void>;
}

/** A driver for the server NEO4J_URI names (with NEO4J_USER/PASSWORD/DATABASE); not yet verified. */
export function externalDb(config: Config): Db {
  if (!config.neo4jUri) throw new Error('NEO4J_URI is not set');
  return new Db({ uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase });
}

/**
 * NEO4J_URI set → that server. Otherwise the bundled local Neo4j: reused when one already
 * answers on NEO4J_BOLT_PORT (say `npm run neo4j:start`), else started here and stopped by close().
 */
export async function openDatabase(config: Config, log: (m: string) => void = console.log): Promise<OpenDb> {
  if (config.neo4jUri) {
    const db = externalDb(config);
    await db.verify();
    return { db, where: config.neo4jUri, close: () => db.close() };
  }
  const uri = `bolt://127.0.0.1:${config.localBoltPort}`;
  const running = await waitForBolt(uri, 0).then(() => true, () => false);
  if (running) {
    const db = new Db({ uri });
    return { db, where: `${uri} (already running)`, close: () => db.close() };
  }
  const dataDir = config.localDataDir ?? join(NEO4J_HOME, 'data');
  log(`Starting local Neo4j on ${uri} (data ${dataDir})…`);
  const t0 = performance.now();
  const neo = await startLocalNeo4j({ port: config.localBoltPort, dataDir, log, heap: config.localHeap, pageCache: config.localPageCache });
  log(`Neo4j ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const db = new Db({ uri: neo.uri });
  return {
    db,
    where: `${neo.uri} (local, data ${dataDir})`,
    close: async () => {
      await db.close();
      await neo.stop();
    },
  };
}
