/** Entity search over names and aliases: exact → full-text (cjk bigrams) → substring fallback. */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import type { EntityType } from '../../ingest/types.js';
import { ENTITY, PAGE, pageResult, type EntityRow, type PageResult } from './cypher.js';

/** Backslash-escapes every Lucene query-syntax character. */
export function escapeLucene(s: string): string {
  return s.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
}

/**
 * The full-text query for user input: every whitespace-separated term must occur as a phrase
 * (the cjk analyzer turns a term into its character bigrams, a phrase keeps them adjacent).
 */
export function luceneQuery(query: string): string {
  return query.trim().split(/\s+/).filter(Boolean).map((t) => `"${escapeLucene(t)}"`).join(' AND ');
}

/** Terms of one character index nothing under the bigram analyzer: those need CONTAINS. */
export function needsSubstringScan(query: string): boolean {
  return query.trim().split(/\s+/).some((t) => [...t].length < 2);
}

export const searchQueries = {
  /**
   * Tier 0: a name or alias equals the query; tier 1: full-text hit; tier 2 (only when a term is
   * a single character): name or alias contains the query. Ranked by tier, full-text score,
   * then the number of documents that mention the entity.
   */
  entities: (query: string, types: readonly EntityType[] | null, page: Page): Query => ({
    cypher: `CALL () {
  MATCH (:Name {value: $q})-[:NAMES]->(e:Entity) RETURN e, 0 AS tier, null AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score RETURN node AS e, 1 AS tier, score
  UNION
  MATCH (e:Entity) WHERE $substring AND (e.name CONTAINS $q OR any(a IN coalesce(e.aliases, []) WHERE a CONTAINS $q))
  RETURN e, 2 AS tier, null AS score
}
WITH e, min(tier) AS tier, max(score) AS score
WHERE $types IS NULL OR e.type IN $types
WITH e, tier, coalesce(score, 0.0) AS score, COUNT { (:Document)-[h:HAS_ENTITY]->(e) WHERE h.mentions > 0 } AS documents
ORDER BY tier, score DESC, documents DESC, e.name, e.id
WITH {entity: ${ENTITY('e')}, exact: tier = 0, score: score, documents: documents} AS row
${PAGE('row')}`,
    params: { q: query.trim(), lucene: luceneQuery(query), substring: needsSubstringScan(query), types, ...page },
  }),
};

export interface SearchHit {
  entity: EntityRow;
  exact: boolean;
  score: number;
  documents: number;
}

export async function searchEntities(db: Db, query: string, types: readonly EntityType[] | null, page: Page): Promise<PageResult<SearchHit>> {
  return pageResult(await db.query(searchQueries.entities(query, types, page)));
}
