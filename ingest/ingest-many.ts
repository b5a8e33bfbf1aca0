import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Db } from '../src/db/executor.js';
import { FORMAT_BY_EXTENSION } from './load/index.js';
import { ingestDocument, IngestError, type IngestResult } from './service.js';
import type { Source } from './sources.js';

export interface Summary {
  documents: number;
  byStatus: Record<string, number>;
  failed: { path: string; error: string }[];
  sentences: number;
  entities: Record<string, number>;
  relations: number;
  measures: number;
  citations: number;
  seconds: number;
}

export interface Progress {
  start(index: number, total: number, source: Source): void;
  stage(name: string): void;
  done(result: IngestResult): void;
  fail(error: string): void;
}

/** Reads a source's bytes; an unreadable file is an IngestError naming it (so it is skipped, not fatal). */
function readSource(path: string, maxBytes: number | undefined): Buffer {
  let size: number;
  let bytes: Buffer;
  try {
    size = statSync(path).size;
    if (maxBytes && size > maxBytes) {
      throw new IngestError(`${path}: ${size} bytes is over the limit of ${maxBytes} bytes (MAX_DOCUMENT_BYTES)`);
    }
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(`${path}: cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return bytes;
}

/**
 * Ingests sources one by one (one transaction each). A bad file is reported and skipped;
 * documents already stored are untouched by its failure.
 */
export async function ingestSources(
  db: Db, sources: Source[], opts: { force?: boolean; maxBytes?: number; progress?: Progress } = {},
): Promise<Summary> {
  const t0 = performance.now();
  const s: Summary = { documents: 0, byStatus: {}, failed: [], sentences: 0, entities: {}, relations: 0, measures: 0, citations: 0, seconds: 0 };
  for (const [i, src] of sources.entries()) {
    opts.progress?.start(i, sources.length, src);
    try {
      const r = await ingestDocument(
        db,
        { meta: src.meta, bytes: readSource(src.path, opts.maxBytes), format: FORMAT_BY_EXTENSION[extname(src.path).toLowerCase()], origin: src.path },
        { force: opts.force, maxBytes: opts.maxBytes, onStage: (st) => opts.progress?.stage(st) },
      );
      s.documents++;
      s.byStatus[r.status] = (s.byStatus[r.status] ?? 0) + 1;
      s.sentences += r.sentences;
      for (const [t, n] of Object.entries(r.entities)) s.entities[t] = (s.entities[t] ?? 0) + n;
      s.relations += r.relations;
      s.measures += r.measures;
      s.citations += r.citations;
      opts.progress?.done(r);
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      s.failed.push({ path: src.path, error: e.message });
      opts.progress?.fail(e.message);
    }
  }
  s.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return s;
}

/** One line per figure, for the console. */
export function formatSummary(s: Summary): string {
  const ents = Object.entries(s.entities).sort().map(([t, n]) => `${t.toLowerCase()} ${n}`).join(', ');
  const st = Object.entries(s.byStatus).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `documents: ${s.documents}${st ? ` (${st})` : ''}${s.failed.length ? `, failed ${s.failed.length}` : ''}`,
    `sentences: ${s.sentences}`,
    `entities:  ${ents || 'none new'}`,
    `relations: ${s.relations}, measures: ${s.measures}, citations: ${s.citations}`,
    `seconds:   ${s.seconds}`,
    ...s.failed.map((f) => `failed:    ${f.error}`),
  ].join('\n');
}
