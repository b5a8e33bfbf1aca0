#!/usr/bin/env tsx
/**
 * npm run ingest -- <files or folders> [--replace]
 *
 * Ingests .txt/.md/.html files (UTF-8 or GBK/GB18030) into the graph, one transaction per
 * document. Metadata comes from a manifest.json beside the files when present. Changed
 * content replaces the stored document's facts; unchanged content is skipped; --replace
 * rewrites even unchanged documents (after a lexicon edit, say).
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { migrate } from '../src/db/migrate.js';
import { listSources } from './sources.js';
import { ingestSources, formatSummary } from './ingest-many.js';
import { consoleProgress } from './progress.js';

async function main(argv: string[]): Promise<number> {
  const replace = argv.includes('--replace');
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (paths.length === 0) {
    console.error('usage: npm run ingest -- <files or folders> [--replace]');
    return 2;
  }
  const config = loadConfig();
  const sources = listSources(paths);
  const { db, close } = await openDatabase(config, (m) => console.error(m));
  try {
    await migrate(db);
    const summary = await ingestSources(db, sources, { force: replace, maxBytes: config.maxDocumentBytes, progress: consoleProgress() });
    console.log(formatSummary(summary));
    return summary.failed.length ? 1 : 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`ingest: ${(e as Error).message}`);
    process.exit(1);
  },
);
