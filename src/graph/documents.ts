/** Documents, their sentences, sections and entities. */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import type { EntityType } from '../../ingest/types.js';
import { DOCUMENT, ENTITY, PAGE, PAGE_EACH, SENTENCE, groupBy, keyed, pageResult, pageResults, type DocumentRow, type EntityRow, type PageResult, type SentenceRow } from './cypher.js';

export const documentQueries = {
  /** Newest first (undated last), then by id. */
  list: (page: Page): Query => ({
    cypher: `MATCH (d:Document)
WITH d ORDER BY coalesce(d.year, -1) DESC, d.id
${PAGE('d', DOCUMENT('d'))}`,
    params: { ...page },
  }),
  byIds: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id AS key, ${DOCUMENT('d')} AS doc`,
    params: { ids },
  }),
  /** Each document's sentences in reading order. */
  sentences: (docIds: readonly string[], page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (s:Sentence {docId: id})
WITH s ORDER BY s.ordinal
${PAGE('s', SENTENCE('s'))}`),
    params: { ids: docIds, ...page },
  }),
  sections: (docIds: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id MATCH (:Document {id: id})-[:HAS_SECTION]->(s:Section)
WITH id, s ORDER BY s.ordinal
RETURN id AS key, s {.id, .ordinal, .heading, .level, sentenceCount: COUNT { (s)-[:HAS_SENTENCE]->() }} AS section`,
    params: { ids: docIds },
  }),
  /** A document's notes in order, each with the sentences whose marker points to it. */
  notesOfDocuments: (docIds: readonly string[]): Query => notesVia('(:Document {id: id})-[:HAS_NOTE]->(n:Note)', docIds),
  /** The notes a batch of sentences point to. */
  notesOfSentences: (sentenceIds: readonly string[]): Query => notesVia('(:Sentence {id: id})-[:NOTE]->(n:Note)', sentenceIds),
  /** Entities the document mentions (most mentioned first); implied ones (0 mentions) last. */
  entities: (docIds: readonly string[], type: EntityType | null, page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (:Document {id: id})-[h:HAS_ENTITY]->(e:Entity)
WHERE $type IS NULL OR e.type = $type
WITH ${ENTITY('e')} AS entity, coalesce(h.mentions, 0) AS mentions ORDER BY mentions DESC, entity.name, entity.id
WITH {entity: entity, mentions: mentions} AS row
${PAGE('row')}`),
    params: { ids: docIds, type, ...page },
  }),
};

const NOTE = (v: string) =>
  `${v} {.id, .marker, .text, .start, .end, sentences: COLLECT { MATCH (s:Sentence)-[:NOTE]->(${v}) WITH s ORDER BY s.ordinal RETURN ${SENTENCE('s')} }}`;

/** Notes reached from each id by `pattern` (a fixed string binding `n`), in note order. */
function notesVia(pattern: string, ids: readonly string[]): Query {
  return {
    cypher: `UNWIND $ids AS id MATCH ${pattern}
WITH id, n ORDER BY n.ordinal
RETURN id AS key, ${NOTE('n')} AS note`,
    params: { ids },
  };
}

export interface NoteRow {
  id: string;
  marker: string;
  text: string;
  start: number;
  end: number;
  sentences: SentenceRow[];
}

export async function notesOfDocuments(db: Db, docIds: readonly string[]): Promise<Map<string, NoteRow[]>> {
  return groupBy(docIds, await db.query(documentQueries.notesOfDocuments(docIds)), (r) => r.note as NoteRow);
}

export async function notesOfSentences(db: Db, sentenceIds: readonly string[]): Promise<Map<string, NoteRow[]>> {
  return groupBy(sentenceIds, await db.query(documentQueries.notesOfSentences(sentenceIds)), (r) => r.note as NoteRow);
}

export interface SectionRow {
  id: string;
  ordinal: number;
  heading: string | null;
  level: number | null;
  sentenceCount: number;
}

export async function listDocuments(db: Db, page: Page): Promise<PageResult<DocumentRow>> {
  return pageResult(await db.query(documentQueries.list(page)));
}

export async function documentsByIds(db: Db, ids: readonly string[]): Promise<Map<string, DocumentRow>> {
  return keyed(await db.query(documentQueries.byIds(ids)), 'doc');
}

export async function documentSentences(db: Db, docIds: readonly string[], page: Page): Promise<Map<string, PageResult<SentenceRow>>> {
  return pageResults(docIds, await db.query(documentQueries.sentences(docIds, page)));
}

export async function documentSections(db: Db, docIds: readonly string[]): Promise<Map<string, SectionRow[]>> {
  return groupBy(docIds, await db.query(documentQueries.sections(docIds)), (r) => r.section as SectionRow);
}

export async function documentEntities(
  db: Db, docIds: readonly string[], page: Page, type: EntityType | null,
): Promise<Map<string, PageResult<{ entity: EntityRow; mentions: number }>>> {
  return pageResults(docIds, await db.query(documentQueries.entities(docIds, type, page)));
}
