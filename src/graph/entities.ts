/** Entities: lookup by id or any of their names, their documents, mentions and stated relations. */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import type { EntityType } from '../../ingest/types.js';
import { DOCUMENT, DOC_REF, ENTITY, PAGE, PAGE_EACH, SENTENCE, groupBy, keyed, pageResults, type DocumentRow, type DocRefRow, type EntityRow, type MentionRow, type PageResult, type SentenceRow } from './cypher.js';

/** Relations between entities that sentences state (cue words 带动/促进/制约 …). */
export const CAUSAL_RELATIONS = ['DRIVES', 'SUPPORTS', 'HINDERS'] as const;
export type CausalRelation = (typeof CAUSAL_RELATIONS)[number];

/** The reference (DOC_REF) of the document whose id is `idExpr`, or null. */
const DOC_REF_OF = (idExpr: string) => `head(COLLECT { MATCH (d:Document {id: ${idExpr}}) RETURN ${DOC_REF('d')} })`;

export const entityQueries = {
  byIds: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN id AS key, ${ENTITY('e')} AS entity`,
    params: { ids },
  }),
  /**
   * Exact name or alias through the Name index; when several entities carry the name, the one
   * mentioned most often wins (then the one in most documents, then id for stability).
   */
  byName: (name: string, type: EntityType | null): Query => ({
    cypher: `MATCH (:Name {value: $name})-[:NAMES]->(e:Entity)
WHERE $type IS NULL OR e.type = $type
WITH e, COUNT { (:Sentence)-[:MENTIONS]->(e) } AS mentions, COUNT { (:Document)-[:HAS_ENTITY]->(e) } AS docs
ORDER BY mentions DESC, docs DESC, e.id
LIMIT 1
RETURN ${ENTITY('e')} AS entity`,
    params: { name, type },
  }),
  /** Mention and document counts, for a batch of entities. */
  stats: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id})
RETURN id AS key, COUNT { (:Sentence)-[:MENTIONS]->(e) } AS mentions,
       COUNT { (d:Document)-[h:HAS_ENTITY]->(e) WHERE h.mentions > 0 } AS documents`,
    params: { ids },
  }),
  /** Documents holding the entity, most mentions first (implied ones, 0 mentions, last). */
  documents: (ids: readonly string[], page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (d:Document)-[h:HAS_ENTITY]->(:Entity {id: id})
WITH ${DOCUMENT('d')} AS document, coalesce(h.mentions, 0) AS mentions
ORDER BY mentions DESC, coalesce(document.year, -1) DESC, document.id
WITH {document: document, mentions: mentions} AS row
${PAGE('row')}`),
    params: { ids, ...page },
  }),
  /** Every mention in document, sentence and offset order, with sentence and document. */
  mentions: (ids: readonly string[], page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (s:Sentence)-[r:MENTIONS]->(:Entity {id: id})
WITH s, r ORDER BY s.docId, s.ordinal, r.start
WITH {surface: r.surface, start: r.start, end: r.end, sentence: ${SENTENCE('s')}} AS row
${PAGE('row', `row {.*, document: ${DOC_REF_OF('row.sentence.docId')}}`)}`),
    params: { ids, ...page },
  }),
  /** Mentions inside a batch of sentences, in text order, with the entity mentioned. */
  mentionsInSentences: (sentenceIds: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id MATCH (s:Sentence {id: id})-[r:MENTIONS]->(e:Entity)
WITH id, s, r, e ORDER BY r.start
RETURN id AS key, {surface: r.surface, start: r.start, end: r.end, sentence: ${SENTENCE('s')}, entity: ${ENTITY('e')}} AS mention`,
    params: { ids: sentenceIds },
  }),
  /**
   * DRIVES/SUPPORTS/HINDERS edges in both directions, each with its evidence sentence.
   * `type` filters the other end's entity type.
   */
  related: (ids: readonly string[], type: EntityType | null, page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (e:Entity {id: id})-[r:DRIVES|SUPPORTS|HINDERS]-(o:Entity)
WHERE $type IS NULL OR o.type = $type
WITH type(r) AS relation, CASE WHEN startNode(r) = e THEN 'OUTGOING' ELSE 'INCOMING' END AS direction,
     ${ENTITY('o')} AS entity, r.docId AS docId, r.sentenceId AS sentenceId
ORDER BY relation, direction DESC, entity.name, docId, sentenceId
WITH {relation: relation, direction: direction, entity: entity, docId: docId, sentenceId: sentenceId} AS row
${PAGE('row', `row {.*,
  sentence: head(COLLECT { MATCH (s:Sentence {id: row.sentenceId}) RETURN ${SENTENCE('s')} }),
  document: ${DOC_REF_OF('row.docId')}}`)}`),
    params: { ids, type, ...page },
  }),
};

export interface EntityStats {
  mentions: number;
  documents: number;
}

export interface RelatedRow {
  relation: CausalRelation;
  direction: 'OUTGOING' | 'INCOMING';
  entity: EntityRow;
  sentence: SentenceRow | null;
  document: DocRefRow | null;
}

export async function entitiesByIds(db: Db, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  return keyed(await db.query(entityQueries.byIds(ids)), 'entity');
}

export async function entityByName(db: Db, name: string, type: EntityType | null = null): Promise<EntityRow | null> {
  const [row] = await db.query(entityQueries.byName(name, type));
  return (row?.entity as EntityRow | undefined) ?? null;
}

export async function entityStats(db: Db, ids: readonly string[]): Promise<Map<string, EntityStats>> {
  const rows = await db.query(entityQueries.stats(ids));
  return new Map(rows.map((r) => [String(r.key), { mentions: Number(r.mentions), documents: Number(r.documents) }]));
}

export async function entityDocuments(
  db: Db, ids: readonly string[], page: Page,
): Promise<Map<string, PageResult<{ document: DocumentRow; mentions: number }>>> {
  return pageResults(ids, await db.query(entityQueries.documents(ids, page)));
}

export async function entityMentions(db: Db, ids: readonly string[], page: Page): Promise<Map<string, PageResult<MentionRow>>> {
  const pages = pageResults<MentionRow & { document: DocRefRow | null }>(ids, await db.query(entityQueries.mentions(ids, page)));
  return new Map([...pages].map(([id, res]) => [
    id, { total: res.total, items: res.items.map(({ document, ...m }) => ({ ...m, sentence: { ...m.sentence, document } })) },
  ]));
}

export async function mentionsInSentences(db: Db, sentenceIds: readonly string[]): Promise<Map<string, MentionRow[]>> {
  return groupBy(sentenceIds, await db.query(entityQueries.mentionsInSentences(sentenceIds)), (r) => r.mention as MentionRow);
}

export async function entityRelated(
  db: Db, ids: readonly string[], page: Page, type: EntityType | null,
): Promise<Map<string, PageResult<RelatedRow>>> {
  return pageResults(ids, await db.query(entityQueries.related(ids, type, page)));
}
