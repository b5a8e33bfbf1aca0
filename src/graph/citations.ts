/** Citations: works a document cites (with the citing sentences) and works a person wrote. */
import type { Db, Query } from '../db/executor.js';
import { DOC_REF, SENTENCE, groupBy, type DocRefRow, type SentenceRow } from './cypher.js';

const WORK = (w: string, extra: string) => `${w} {.id, .title, .authors, .venue, .year, .kind, ${extra},
  citedBy: COLLECT { MATCH (d:Document)-[:CITES]->(${w}) RETURN DISTINCT ${DOC_REF('d')} AS doc ORDER BY doc.id }}`;

export const citationQueries = {
  /** A document's reference list in order, each with the sentences whose marker points to it. */
  ofDocuments: (docIds: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (:Document {id: id})-[c:CITES]->(w:Work)
WITH id, c, w ORDER BY c.ordinal
RETURN id AS key, ${WORK('w', `marker: c.marker, raw: c.raw, ordinal: c.ordinal,
  sentences: COLLECT { MATCH (s:Sentence) WHERE s.id IN coalesce(c.sentenceIds, []) RETURN ${SENTENCE('s')} ORDER BY s.ordinal }`)} AS citation`,
    params: { ids: docIds },
  }),
  /** Works a person (co-)authored, as cited anywhere in the corpus; newest first. */
  worksOf: (personIds: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (w:Work)-[:AUTHORED_BY]->(:Person {id: id})
WITH DISTINCT id, w ORDER BY coalesce(w.year, 0) DESC, w.title
RETURN id AS key, ${WORK('w', `marker: null, ordinal: null,
  raw: head(COLLECT { MATCH (:Document)-[c:CITES]->(w) RETURN c.raw }),
  sentences: COLLECT { MATCH (:Document)-[c:CITES]->(w) MATCH (s:Sentence) WHERE s.id IN coalesce(c.sentenceIds, [])
                       RETURN ${SENTENCE('s')} AS s ORDER BY s.docId, s.ordinal }`)} AS citation`,
    params: { ids: personIds },
  }),
};

export interface CitationRow {
  id: string;
  title: string;
  authors: string[] | null;
  venue: string | null;
  year: number | null;
  kind: string | null;
  marker: string | null;
  raw: string | null;
  ordinal: number | null;
  sentences: SentenceRow[];
  citedBy: DocRefRow[];
}

export async function citationsOf(db: Db, docIds: readonly string[]): Promise<Map<string, CitationRow[]>> {
  return groupBy(docIds, await db.query(citationQueries.ofDocuments(docIds)), (r) => r.citation as CitationRow);
}

export async function worksOf(db: Db, personIds: readonly string[]): Promise<Map<string, CitationRow[]>> {
  return groupBy(personIds, await db.query(citationQueries.worksOf(personIds)), (r) => r.citation as CitationRow);
}
