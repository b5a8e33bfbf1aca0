/**
 * Section 2: a Neo4j to write to, migrations, and three passes over the corpus: first ingest,
 * re-ingest of unchanged files (content-key check, no pipeline), forced rewrite (`--replace`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.js';
import type { Config } from '../../src/config.js';
import { Db } from '../../src/db/executor.js';
import { migrate } from '../../src/db/migrate.js';
import { externalDb } from '../../src/db/open.js';
import { ingestSources, type Progress } from '../../ingest/ingest-many.js';
import type { Source } from '../../ingest/sources.js';
import { round, secs } from './stats.js';

export interface Neo4jHandle {
  db: Db;
  /** what the figures were measured against */
  where: string;
  external: boolean;
  startMs: number | null;
}

/** Registers something to undo at clean-up time (run last-registered first). */
export type Defer = (what: string, run: () => Promise<void>) => void;

/**
 * NEO4J_URI when set (with a loud warning: the corpus is written there), else a private throw-away
 * instance on a free port. Its temporary data folder is made here and registered for removal
 * before the JVM starts, so an interrupt even during start-up leaves nothing behind.
 */
export async function openNeo4j(config: Config, log: (m: string) => void, defer: Defer): Promise<Neo4jHandle> {
  if (config.neo4jUri) {
    log(`  WARNING: NEO4J_URI is set: the benchmark WRITES the corpus to ${config.neo4jUri}` +
      `${config.neo4jDatabase ? ` (database ${config.neo4jDatabase})` : ''} and force-rewrites those documents there.`);
    log('  Unset NEO4J_URI to measure against a fresh private instance instead.');
    const db = externalDb(config);
    defer('Neo4j driver', () => db.close());
    await db.verify();
    return { db, where: config.neo4jUri, external: true, startMs: null };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-neo4j-'));
  defer(`temp folder ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  const t0 = performance.now();
  // Free port (port omitted); heap as in the test setup.
  const starting = startLocalNeo4j({ dataDir, log: (m) => log(`  [neo4j] ${m}`), heap: process.env.NEO4J_HEAP || '1g' });
  defer('private Neo4j', async () => {
    // Interrupted while starting: give it a bounded moment to come up, then stop it.
    const local = await Promise.race([
      starting.catch(() => undefined),
      sleep(30_000, undefined, { ref: false }),
    ]);
    await local?.stop();
  });
  const local: LocalNeo4j = await starting;
  const startMs = performance.now() - t0;
  const db = new Db({ uri: local.uri });
  defer('Neo4j driver', () => db.close());
  return { db, where: `${local.uri} (private, data ${dataDir})`, external: false, startMs };
}

export interface Pass {
  ms: number;
  byStatus: Record<string, number>;
  failed: { path: string; error: string }[];
  sentences: number;
  /** per-document wall time reported by the ingest service */
  docs: { id: string; status: string; ms: number }[];
}

export interface IngestFigures {
  migrateMs: number;
  first: Pass;
  unchanged: Pass & { ratioVsFirst: number };
  forced: Pass & { ratioVsFirst: number };
  /** the first pass found documents already stored (external Neo4j): it was not a cold ingest */
  firstNotCold: boolean;
}

async function pass(db: Db, sources: Source[], force: boolean): Promise<Pass> {
  const docs: Pass['docs'] = [];
  const progress: Progress = {
    start() {}, stage() {}, fail() {},
    done(r) { docs.push({ id: r.id, status: r.status, ms: r.ms }); },
  };
  const t0 = performance.now();
  const s = await ingestSources(db, sources, { force, progress });
  const ms = performance.now() - t0;
  return { ms: round(ms), byStatus: s.byStatus, failed: s.failed, sentences: s.sentences, docs };
}

export async function benchIngest(db: Db, sources: Source[], log: (m: string) => void): Promise<IngestFigures> {
  const t0 = performance.now();
  await migrate(db);
  const migrateMs = round(performance.now() - t0);
  log(`  migrate: ${secs(migrateMs)}`);
  const first = await pass(db, sources, false);
  log(`  first ingest: ${secs(first.ms)} ${JSON.stringify(first.byStatus)}`);
  const unchanged = await pass(db, sources, false);
  log(`  re-ingest (unchanged): ${secs(unchanged.ms)} ${JSON.stringify(unchanged.byStatus)}`);
  const forced = await pass(db, sources, true);
  log(`  forced rewrite: ${secs(forced.ms)} ${JSON.stringify(forced.byStatus)}`);
  for (const p of [first, unchanged, forced]) for (const f of p.failed) log(`  FAILED ${f.path}: ${f.error}`);
  return {
    migrateMs,
    first,
    unchanged: { ...unchanged, ratioVsFirst: round(unchanged.ms / first.ms, 3) },
    forced: { ...forced, ratioVsFirst: round(forced.ms / first.ms, 3) },
    firstNotCold: (first.byStatus.created ?? 0) < first.docs.length,
  };
}
