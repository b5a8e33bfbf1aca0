/** Policies: who issued them, when, and which places they cover. */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import { ENTITY, PAGE, PAGE_EACH, groupBy, pageResults, type EntityRow, type PageResult } from './cypher.js';

/** Policies linked by `rel` to each node of `label` in `$ids` (rel and label come from a closed set). */
function linkedPolicies(rel: 'ISSUED_BY' | 'COVERS', label: 'Organization' | 'Place', ids: readonly string[], page: Page): Query {
  return {
    cypher: PAGE_EACH(`MATCH (p:Policy)-[:${rel}]->(:${label} {id: id})
WITH DISTINCT p
WITH ${ENTITY('p')} AS policy ORDER BY coalesce(policy.issued, '') DESC, policy.name
${PAGE('policy')}`),
    params: { ids, ...page },
  };
}

export const policyQueries = {
  /** Issuing organizations of each policy, with the date a sentence gave (if any). */
  issuers: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (:Policy {id: id})-[r:ISSUED_BY]->(o:Organization)
WITH id, o, min(r.date) AS date ORDER BY o.name
RETURN id AS key, ${ENTITY('o')} AS organization, date`,
    params: { ids },
  }),
  /** Places each policy covers. */
  covers: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (:Policy {id: id})-[:COVERS]->(p:Place)
WITH DISTINCT id, p ORDER BY p.code, p.name
RETURN id AS key, ${ENTITY('p')} AS place`,
    params: { ids },
  }),
  /** Policies each organization issued, newest first. */
  issuedBy: (orgIds: readonly string[], page: Page): Query => linkedPolicies('ISSUED_BY', 'Organization', orgIds, page),
  /** Policies covering each place, newest first. */
  covering: (placeIds: readonly string[], page: Page): Query => linkedPolicies('COVERS', 'Place', placeIds, page),
};

export interface IssuerRow {
  organization: EntityRow;
  date: string | null;
}

export async function issuersOf(db: Db, ids: readonly string[]): Promise<Map<string, IssuerRow[]>> {
  return groupBy(ids, await db.query(policyQueries.issuers(ids)), (r) => ({ organization: r.organization as EntityRow, date: (r.date as string | null) ?? null }));
}

export async function coveredPlaces(db: Db, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  return groupBy(ids, await db.query(policyQueries.covers(ids)), (r) => r.place as EntityRow);
}

export async function policiesIssuedBy(db: Db, orgIds: readonly string[], page: Page): Promise<Map<string, PageResult<EntityRow>>> {
  return pageResults(orgIds, await db.query(policyQueries.issuedBy(orgIds, page)));
}

export async function policiesCovering(db: Db, placeIds: readonly string[], page: Page): Promise<Map<string, PageResult<EntityRow>>> {
  return pageResults(placeIds, await db.query(policyQueries.covering(placeIds, page)));
}
