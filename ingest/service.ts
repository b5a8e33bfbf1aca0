import { createHash } from 'node:crypto';
import type { Db } from '../src/db/executor.js';
import type { DocMeta } from './types.js';
import { loadText, LoadError } from './load/index.js';
import { analyze, EXTRACTOR_VERSION, type Stage } from './pipeline.js';
import { normalize } from './normalize/index.js';
import { toPayload, contentKey } from './write/payload.js';
import { writeDocument, deleteDocument, storedDocument, updateMetadata, DocumentExists, type WriteStatus } from './write/index.js';
import { lexiconVersion } from './lexicon.js';

export interface IngestInput {
  meta: DocMeta;
  text?: string;
  html?: string;
  bytes?: Buffer;
  format?: 'txt' | 'md' | 'html';
  /** where it came from, for messages */
  origin: string;
}

export interface IngestResult {
  id: string;
  status: WriteStatus;
  sentences: number;
  entities: Record<string, number>;
  relations: number;
  measures: number;
  citations: number;
  ms: number;
  warnings: string[];
}

/** Bad input: the message names the problem (file, encoding, size, line). Nothing was written. */
export class IngestError extends Error {
  constructor(message: string, readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' = 'BAD_USER_INPUT') {
    super(message);
  }
}

/** A stable id for content that came without one: hash of title and text. */
export function deriveId(title: string, content: string): string {
  return 'doc-' + createHash('sha256').update(title).update('\0').update(content).digest('hex').slice(0, 12);
}

const conflict = (id: string) =>
  new IngestError(`A document with id "${id}" exists; leave "replace" unset or true to replace it`, 'CONFLICT');

let lexVersion: string | null = null;

/**
 * Runs the whole pipeline on one document and writes it in one transaction. Identical content
 * changes nothing; new content under an existing id replaces that document's facts.
 */
export async function ingestDocument(
  db: Db, input: IngestInput,
  opts: { onStage?: (s: Stage | 'load' | 'write') => void; maxBytes?: number; force?: boolean; mustBeNew?: boolean } = {},
): Promise<IngestResult> {
  const t0 = performance.now();
  let raw;
  try {
    opts.onStage?.('load');
    raw = loadText({ ...input, maxBytes: opts.maxBytes });
  } catch (e) {
    if (e instanceof LoadError) throw new IngestError(e.message);
    throw e;
  }
  if (!raw.text.trim()) throw new IngestError(`${input.origin}: document is empty after decoding`);
  opts.onStage?.('normalize');
  const clean = normalize(raw);
  lexVersion ??= lexiconVersion();
  const versions = { lexicon: lexVersion, extractor: EXTRACTOR_VERSION };
  // Unchanged content under the same id: skip the pipeline, refresh only the bibliographic fields.
  const stored = opts.force && !opts.mustBeNew ? null : await storedDocument(db, raw.meta.id);
  if (stored && opts.mustBeNew) throw conflict(raw.meta.id);
  if (stored && stored.contentKey === contentKey(clean.sha256, versions)) {
    const status = await updateMetadata(db, raw.meta);
    return {
      id: raw.meta.id, status, sentences: stored.sentenceCount, entities: {}, relations: 0, measures: 0, citations: 0,
      ms: Math.round(performance.now() - t0), warnings: clean.warnings,
    };
  }
  const a = analyze(raw, opts.onStage, clean);
  if (a.doc.sentences.length === 0) throw new IngestError(`${input.origin}: no sentences found (is this running text?)`);
  const payload = toPayload(a.doc, a.extraction, a.implied, versions);
  opts.onStage?.('write');
  const status = await writeDocument(db, payload, opts).catch((e: unknown) => {
    throw e instanceof DocumentExists ? conflict(e.id) : e;
  });
  const entities: Record<string, number> = {};
  for (const e of a.extraction.entities) entities[e.type] = (entities[e.type] ?? 0) + 1;
  return {
    id: payload.doc.id, status, sentences: a.doc.sentences.length, entities,
    relations: payload.stated.length + payload.reference.length, measures: payload.measures.length,
    citations: payload.works.length, ms: Math.round(performance.now() - t0), warnings: [...new Set(a.doc.warnings)], // normalize's warnings begin with load's
  };
}

/** Deletes a document and every fact only it supported. */
export async function removeDocument(db: Db, id: string): Promise<boolean> {
  return deleteDocument(db, id);
}
