/**
 * Graph slices for citation and relation explorers: edges with provenance (document and
 * sentence), paginated, plus the nodes those edges touch.
 */
import type { Db, Query } from '../db/executor.js';
import type { Page } from '../pagination.js';
import { PAGE, pageResult } from './cypher.js';

const ENTITY_RELS = 'PART_OF|MEMBER_OF|CORE_OF|ISSUED_BY|COVERS|DRIVES|SUPPORTS|HINDERS';

/** A node as explorers draw it; `label` is the node's kind (Document, Work, Place, Policy …). */
const NODE = (v: string) =>
  `{id: ${v}.id, label: head([l IN labels(${v}) WHERE l <> 'Entity']), name: coalesce(${v}.name, ${v}.title), type: ${v}.type}`;

/** Normalises one relationship `r` from `a` to `b` to an edge row with provenance. */
const EDGE = `{id: a.id + '|' + type(r) + '|' + b.id + coalesce('|' + coalesce(r.sentenceId, head(r.sentenceIds)), '') + coalesce('|' + r.source, ''),
  type: type(r), source: a.id, target: b.id,
  sentenceId: coalesce(r.sentenceId, head(r.sentenceIds)),
  docId: CASE type(r) WHEN 'CITES' THEN a.id ELSE r.docId END,
  sourceNode: ${NODE('a')}, targetNode: ${NODE('b')}}`;

export interface SliceFilter {
  documentId: string | null;
  entityId: string | null;
}

/**
 * The union of edge sources for a filter; fragments are fixed strings chosen by which filters
 * are set (values stay parameters).
 *  - document: relations it stated, reference facts (gazetteer/lexicon) between its entities,
 *    its CITES edges and the cited works' AUTHORED_BY edges;
 *  - entity: every relation touching it (both directions), AUTHORED_BY for a person;
 *  - both: the entity's edges within the document; neither: the whole graph's edges.
 */
function edgeSources(f: SliceFilter): string[] {
  const doc = f.documentId !== null;
  const ent = f.entityId !== null;
  const parts: string[] = [];
  if (doc) {
    parts.push(`MATCH (d:Document {id: $documentId})-[:HAS_ENTITY]->(a:Entity)-[r:${ENTITY_RELS}]->(b:Entity)
  WHERE (r.docId = $documentId OR (r.docId IS NULL AND (d)-[:HAS_ENTITY]->(b)))${ent ? ' AND $entityId IN [a.id, b.id]' : ''}
  RETURN a, r, b`);
    parts.push(`MATCH (a:Document {id: $documentId})-[r:CITES]->(b:Work)${ent ? ' WHERE EXISTS { (b)-[:AUTHORED_BY]->(:Person {id: $entityId}) }' : ''}
  RETURN a, r, b`);
    parts.push(`MATCH (:Document {id: $documentId})-[:CITES]->(a:Work)-[r:AUTHORED_BY]->(b:Person)${ent ? ' WHERE b.id = $entityId' : ''}
  RETURN a, r, b`);
  } else if (ent) {
    parts.push(`MATCH (:Entity {id: $entityId})-[r:${ENTITY_RELS}]-(:Entity)
  WITH startNode(r) AS a, r, endNode(r) AS b RETURN a, r, b`);
    parts.push(`MATCH (a:Work)-[r:AUTHORED_BY]->(b:Person {id: $entityId}) RETURN a, r, b`);
    parts.push(`MATCH (a:Document)-[r:CITES]->(b:Work)-[:AUTHORED_BY]->(:Person {id: $entityId}) RETURN a, r, b`);
  } else {
    parts.push(`MATCH (a:Entity)-[r:${ENTITY_RELS}]->(b:Entity) RETURN a, r, b`);
    parts.push(`MATCH (a:Document)-[r:CITES]->(b:Work) RETURN a, r, b`);
    parts.push(`MATCH (a:Work)-[r:AUTHORED_BY]->(b:Person) RETURN a, r, b`);
  }
  return parts;
}

export const sliceQueries = {
  edges: (f: SliceFilter, page: Page): Query => ({
    cypher: `CALL () {
  ${edgeSources(f).join('\n  UNION\n  ')}
}
WITH DISTINCT ${EDGE} AS edge
ORDER BY edge.type, edge.source, edge.target, edge.sentenceId, edge.id
${PAGE('edge')}`,
    params: { documentId: f.documentId, entityId: f.entityId, ...page },
  }),
};

export interface GraphNodeRow {
  id: string;
  label: string;
  name: string | null;
  type: string | null;
}

export interface GraphEdgeRow {
  id: string;
  type: string;
  source: string;
  target: string;
  sentenceId: string | null;
  docId: string | null;
}

export interface GraphSliceResult {
  total: number;
  edges: GraphEdgeRow[];
  nodes: GraphNodeRow[];
}

/** One page of edges and the distinct nodes they touch (in first-seen order). */
export async function graphSlice(db: Db, f: SliceFilter, page: Page): Promise<GraphSliceResult> {
  const res = pageResult<GraphEdgeRow & { sourceNode: GraphNodeRow; targetNode: GraphNodeRow }>(await db.query(sliceQueries.edges(f, page)));
  const nodes = new Map<string, GraphNodeRow>();
  const edges = res.items.map(({ sourceNode, targetNode, ...edge }) => {
    if (!nodes.has(sourceNode.id)) nodes.set(sourceNode.id, sourceNode);
    if (!nodes.has(targetNode.id)) nodes.set(targetNode.id, targetNode);
    return edge;
  });
  return { total: res.total, edges, nodes: [...nodes.values()] };
}
