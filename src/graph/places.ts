/** Places: hierarchy (PART_OF), city clusters (MEMBER_OF / CORE_OF). */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import { ENTITY, PAGE, PAGE_EACH, groupBy, keyed, pageResults, type EntityRow, type PageResult } from './cypher.js';

/** Depth of an administrative level: a parent with a deeper level is a nearer parent. */
const LEVEL_DEPTH = (v: string) => `CASE ${v}.level
  WHEN 'town' THEN 5 WHEN 'county' THEN 4 WHEN 'district' THEN 4 WHEN 'prefecture' THEN 3
  WHEN 'province' THEN 2 WHEN 'country' THEN 0 ELSE 1 END`;

/** Longest chain followed by `ancestorsOf` (country → province → prefecture → county → town). */
const MAX_ANCESTORS = 8;

export const placeQueries = {
  /** The nearest parent of each place: gazetteer facts before text ones, then the deepest level. */
  parents: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (p:Place {id: id})-[r:PART_OF]->(q:Place) WHERE q <> p
WITH id, q, r ORDER BY CASE r.source WHEN 'gazetteer' THEN 0 ELSE 1 END, ${LEVEL_DEPTH('q')} DESC, q.id
WITH id, collect(${ENTITY('q')})[0] AS parent
RETURN id AS key, parent`,
    params: { ids },
  }),
  /** Clusters each place belongs to (as member or core city). */
  clusters: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (:Place {id: id})-[:MEMBER_OF|CORE_OF]->(c:Place)
WITH DISTINCT id, c ORDER BY c.name
RETURN id AS key, ${ENTITY('c')} AS cluster`,
    params: { ids },
  }),
  /** Core cities of each cluster. */
  cores: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (m:Place)-[:CORE_OF]->(:Place {id: id})
WITH DISTINCT id, m ORDER BY m.code, m.name
RETURN id AS key, ${ENTITY('m')} AS place`,
    params: { ids },
  }),
  /**
   * Members of a cluster (MEMBER_OF / CORE_OF) or children of a province or city (PART_OF);
   * core cities first, then by code and name.
   */
  members: (ids: readonly string[], page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (m:Place)-[r:MEMBER_OF|CORE_OF|PART_OF]->(:Place {id: id})
WITH m, max(CASE type(r) WHEN 'CORE_OF' THEN 1 ELSE 0 END) AS core
WITH ${ENTITY('m')} AS place, core = 1 AS core ORDER BY core DESC, place.code, place.name, place.id
WITH {place: place, core: core} AS row
${PAGE('row')}`),
    params: { ids, ...page },
  }),
};

/** The nearest parent of each place that has one. */
export async function parentsOf(db: Db, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  return keyed(await db.query(placeQueries.parents(ids)), 'parent');
}

/** Follows `parentsOf` up to the top, nearest first; stops on a cycle. One query per level. */
export async function ancestorsOf(db: Db, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  const chains = new Map<string, EntityRow[]>(ids.map((id) => [id, []]));
  let frontier = new Map<string, string>(ids.map((id) => [id, id])); // start id → current id
  for (let depth = 0; depth < MAX_ANCESTORS && frontier.size > 0; depth++) {
    const parents = await parentsOf(db, [...new Set(frontier.values())]);
    const next = new Map<string, string>();
    for (const [start, current] of frontier) {
      const parent = parents.get(current);
      const chain = chains.get(start)!;
      if (!parent || parent.id === start || chain.some((a) => a.id === parent.id)) continue;
      chain.push(parent);
      next.set(start, parent.id);
    }
    frontier = next;
  }
  return chains;
}

export async function clustersOf(db: Db, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  return groupBy(ids, await db.query(placeQueries.clusters(ids)), (r) => r.cluster as EntityRow);
}

export async function coresOf(db: Db, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  return groupBy(ids, await db.query(placeQueries.cores(ids)), (r) => r.place as EntityRow);
}

export async function placeMembers(
  db: Db, ids: readonly string[], page: Page,
): Promise<Map<string, PageResult<{ place: EntityRow; core: boolean }>>> {
  return pageResults(ids, await db.query(placeQueries.members(ids, page)));
}
