import { inject } from 'vitest';
import { Db } from '../../src/db/executor.js';

/** A driver on the run's real Neo4j (see tests/setup/global.ts). Close it in afterAll. */
export function testDb(): Db {
  return new Db({ uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') || null });
}

/** Node and relationship counts by label/type: the fingerprint of the whole graph. */
export async function graphCounts(db: Db): Promise<Record<string, number>> {
  const nodes = await db.query({ cypher: 'MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS n' });
  const rels = await db.query({ cypher: 'MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n' });
  const out: Record<string, number> = {};
  for (const r of [...nodes, ...rels]) out[String(r.k)] = Number(r.n);
  return out;
}
