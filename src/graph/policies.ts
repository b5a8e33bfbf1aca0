/** Policies: who issued them, when, and which places they cover. */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import { ENTITY, PAGE, groupBy, pageResult, type EntityRow, type PageResult } from './cypher.js';

export const policyQueries = {
  /** Issuing organizations of each policy, with the date a sentence gave (if any). */
  issuers: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (:Policy {id: id})-[r:ISSUED_BY]->(o:Organization)
WITH id, o, min(r.date) AS date ORDER BY o.name
RETURN id AS key, ${ENTITY('o')} AS organization, date`,
    params: { ids },
  }),
  covers: (ids: readonly string[]): Query => ({
    cypher: `UNWIND $ids AS id
MATCH (:Policy {id: id})-[:COVERS]->(p:Place)
WITH DISTINCT id, p ORDER BY p.code, p.name
RETURN id AS key, ${ENTITY('p')} AS place`,
    params: { ids },
  }),
  /** Policies an organization issued, newest first. */
  issuedBy: (orgId: string, page: Page): Query => ({
    cypher: `MATCH (p:Policy)-[:ISSUED_BY]->(:Organization {id: $id})
WITH DISTINCT p
WITH ${ENTITY('p')} AS policy ORDER BY coalesce(policy.issued, '') DESC, policy.name
${PAGE('policy')}`,
    params: { id: orgId, ...page },
  }),
  /** Policies covering a place. */
  covering: (placeId: string, page: Page): Query => ({
    cypher: `MATCH (p:Policy)-[:COVERS]->(:Place {id: $id})
WITH DISTINCT p
WITH ${ENTITY('p')} AS policy ORDER BY coalesce(policy.issued, '') DESC, policy.name
${PAGE('policy')}`,
    params: { id: placeId, ...page },
  }),
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

export async function policiesIssuedBy(db: Db, orgId: string, page: Page): Promise<PageResult<EntityRow>> {
  return pageResult(await db.query(policyQueries.issuedBy(orgId, page)));
}

export async function policiesCovering(db: Db, placeId: string, page: Page): Promise<PageResult<EntityRow>> {
  return pageResult(await db.query(policyQueries.covering(placeId, page)));
}
