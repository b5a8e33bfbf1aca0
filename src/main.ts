/**
 * npm start: Neo4j up (bundled local one unless NEO4J_URI is set), migrations applied, the corpus
 * ingested (only what changed since the last start), GraphQL + GraphiQL served.
 */
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { migrate } from './db/migrate.js';
import { startServer } from './server.js';
import { listSources } from '../ingest/sources.js';
import { ingestSources, formatSummary } from '../ingest/ingest-many.js';
import { consoleProgress } from '../ingest/progress.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, where, close } = await openDatabase(config);
  let server: { url: string; close(): Promise<void> } | undefined;
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: shutting down…`);
    await server?.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await migrate(db);
    if (config.ingestOnStart) {
      console.log(`Ingesting ${config.corpusDir}/ into ${where}…`);
      const summary = await ingestSources(db, listSources([config.corpusDir]), { maxBytes: config.maxDocumentBytes, progress: consoleProgress() });
      console.log(formatSummary(summary));
    }
    server = await startServer({ config, db });
    console.log(`GraphQL + GraphiQL: ${server.url}`);
  } catch (e) {
    await server?.close();
    await close();
    throw e;
  }
}

main().catch((e) => {
  console.error(`start: ${(e as Error).message}`);
  process.exit(1);
});
