import type { Db, Tx, Query } from '../../src/db/executor.js';
import { ENTITY_TYPES, RELATION_TYPES, type DocMeta } from '../types.js';
import { LABELS, type GraphPayload } from './payload.js';

export type WriteStatus = 'created' | 'replaced' | 'unchanged' | 'metadata-updated';

/** A write that had to create the document found it stored (checked inside the transaction). */
export class DocumentExists extends Error {
  constructor(readonly id: string) {
    super(`A document with id "${id}" exists`);
  }
}

/** Rows per UNWIND statement: big enough to amortise round trips, small enough for the 2-core box. */
const BATCH = 2000;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

async function unwind(tx: Tx, cypher: string, rows: unknown[], params: Record<string, unknown> = {}): Promise<void> {
  for (const b of batches(rows)) await tx.run({ cypher, params: { ...params, rows: b } });
}

// ---- Cypher owned by the write stage -------------------------------------------------------

const META = `d.title = $doc.title, d.kind = $doc.kind, d.year = $doc.year, d.authors = $doc.authors,
  d.source = $doc.source, d.url = $doc.url`;

const STORED = 'd.contentKey AS contentKey, d.title AS title, d.kind AS kind, d.year AS year, d.authors AS authors, d.source AS source, d.url AS url';

const q = {
  // A locking read: deletes and metadata updates wait for a concurrent writer of the same id.
  existing: (id: string): Query => ({
    cypher: `MATCH (d:Document {id: $id}) SET d.lock = true REMOVE d.lock RETURN ${STORED}`,
    params: { id },
  }),
  // Claims the document node before reading it: the write lock (and the unique constraint on
  // Document.id, migration 001, for a new node) serialises concurrent writers of one id, so the
  // second sees what the first committed.
  claim: (id: string): Query => ({
    cypher: `MERGE (d:Document {id: $id}) ON CREATE SET d.claimed = true SET d.lock = true REMOVE d.lock
      WITH d WHERE d.claimed IS NULL RETURN ${STORED}`,
    params: { id },
  }),
  updateMeta: (doc: GraphPayload['doc']): Query => ({ cypher: `MATCH (d:Document {id: $doc.id}) SET ${META}`, params: { doc } }),
  document: `MERGE (d:Document {id: $doc.id}) REMOVE d.claimed SET ${META}, d.sha256 = $doc.sha256, d.contentKey = $doc.contentKey,
    d.chars = $doc.chars, d.sentenceCount = $doc.sentenceCount, d.lexiconVersion = $doc.lexiconVersion,
    d.origin = $doc.origin, d.ingestedAt = toString(datetime())`,
  sections: `MATCH (d:Document {id: $docId}) UNWIND $rows AS r
    CREATE (s:Section {id: r.id, docId: $docId, ordinal: r.ordinal, heading: r.heading, level: r.level})
    CREATE (d)-[:HAS_SECTION]->(s)`,
  sentences: `UNWIND $rows AS r MATCH (sec:Section {id: r.sectionId})
    CREATE (s:Sentence {id: r.id, docId: $docId, ordinal: r.ordinal, text: r.text, start: r.start, end: r.end,
      section: r.section, paragraph: r.paragraph})
    CREATE (sec)-[:HAS_SENTENCE]->(s)`,
  // One statement per label: labels cannot be parameters, and the set is closed.
  entities: (label: string) => `UNWIND $rows AS r
    MERGE (e:Entity {id: r.id})
    ON CREATE SET e:${label}, e.type = r.type, e.name = r.name, e.aliases = r.aliases, e.aliasText = r.aliasText,
      e.level = r.level, e.code = r.code, e.issued = r.issued
    ON MATCH SET e.aliases = e.aliases + [a IN r.aliases WHERE NOT a IN e.aliases],
      e.level = coalesce(e.level, r.level), e.code = coalesce(e.code, r.code), e.issued = coalesce(e.issued, r.issued)
    SET e.aliasText = reduce(t = '', a IN e.aliases | t + ' ' + a)
    WITH e, r
    MATCH (d:Document {id: $docId})
    CREATE (d)-[:HAS_ENTITY {mentions: r.mentions, aliases: r.aliases, names: r.names}]->(e)
    WITH e, r UNWIND r.names AS n
    MERGE (nm:Name {value: n})
    MERGE (nm)-[:NAMES]->(e)`,
  mentions: `UNWIND $rows AS r MATCH (s:Sentence {id: r.sentenceId}) MATCH (e:Entity {id: r.entityId})
    CREATE (s)-[:MENTIONS {start: r.start, end: r.end, surface: r.surface}]->(e)`,
  measures: `UNWIND $rows AS r MATCH (s:Sentence {id: r.sentenceId})
    CREATE (m:Measure {id: r.id, docId: $docId, text: r.text, modality: r.modality, cue: r.cue, sentence: r.sentence})
    CREATE (m)-[:STATED_IN]->(s)
    WITH m, r
    CALL (m, r) {
      UNWIND range(0, size(r.targets) - 1) AS i
      MATCH (t:Entity {id: r.targets[i]}) CREATE (m)-[:TARGETS {rank: i}]->(t)
    }
    CALL (m, r) {
      MATCH (a:Entity {id: r.actor}) CREATE (m)-[:BY]->(a)
    }`,
  reference: (type: string) => `UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to})
    MERGE (a)-[x:${type} {source: r.source}]->(b)`,
  stated: (type: string) => `UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to})
    CREATE (a)-[:${type} {source: 'text', docId: $docId, sentenceId: r.sentenceId, date: r.date}]->(b)`,
  notes: `MATCH (d:Document {id: $docId}) UNWIND $rows AS r
    CREATE (n:Note {id: r.id, docId: $docId, ordinal: r.ordinal, marker: r.marker, text: r.text, start: r.start, end: r.end})
    CREATE (d)-[:HAS_NOTE]->(n)
    WITH n, r UNWIND r.sentenceIds AS sid
    MATCH (s:Sentence {id: sid}) CREATE (s)-[:NOTE {marker: r.marker}]->(n)`,
  works: `MATCH (d:Document {id: $docId}) UNWIND $rows AS r
    MERGE (w:Work {id: r.id})
    ON CREATE SET w.title = r.title, w.authors = r.authors, w.venue = r.venue, w.year = r.year, w.kind = r.kind
    CREATE (d)-[:CITES {marker: r.marker, ordinal: r.ordinal, raw: r.raw, sentenceIds: r.sentenceIds}]->(w)
    WITH w, r
    CALL (w, r) {
      UNWIND range(0, size(r.authorIds) - 1) AS i
      MATCH (p:Entity {id: r.authorIds[i]}) MERGE (w)-[:AUTHORED_BY {ordinal: i}]->(p)
    }`,
  // Removal, in dependency order. Entities and works survive while another document supports them.
  remove: [
    // Lock the shared entities first (in a fixed order): a concurrent writer of another document
    // that touches them commits before the support counts and alias lists below are read.
    'MATCH (:Document {id: $id})-[:HAS_ENTITY]->(e) WITH e ORDER BY e.id SET e.lock = true REMOVE e.lock',
    'MATCH (s:Sentence {docId: $id}) DETACH DELETE s',
    'MATCH (s:Section {docId: $id}) DETACH DELETE s',
    'MATCH (m:Measure {docId: $id}) DETACH DELETE m',
    'MATCH (n:Note {docId: $id}) DETACH DELETE n',
    'MATCH (:Document {id: $id})-[:HAS_ENTITY]->(e)-[r]-() WHERE r.docId = $id DELETE r',
    `MATCH (:Document {id: $id})-[c:CITES]->(w) DELETE c
     WITH DISTINCT w WHERE NOT (w)<-[:CITES]-() DETACH DELETE w`,
    // Entities other documents still support keep only the aliases and names those documents gave
    // them; only entities this document gave aliases or names to need it (links written before
    // HAS_ENTITY kept them have neither property and keep everything).
    `MATCH (d:Document {id: $id})-[h:HAS_ENTITY]->(e)
     WHERE size(coalesce(h.aliases, [])) > 0 OR coalesce(h.names, [e.name]) <> [e.name]
     MATCH (e)<-[k:HAS_ENTITY]-(o:Document) WHERE o <> d
     WITH e, collect(coalesce(k.aliases, e.aliases)) AS lists, collect(coalesce(k.names, [e.name] + e.aliases)) AS named
     WITH e, reduce(acc = [], l IN lists | acc + [a IN l WHERE NOT a IN acc]) AS aliases,
       reduce(acc = [], l IN named | acc + [a IN l WHERE NOT a IN acc]) AS names
     SET e.aliases = aliases, e.aliasText = reduce(t = '', a IN aliases | t + ' ' + a)
     WITH e, aliases + names AS keep
     MATCH (n:Name)-[x:NAMES]->(e) WHERE n.value <> e.name AND NOT n.value IN keep
     DELETE x
     WITH DISTINCT n WHERE NOT (n)-[:NAMES]->() DELETE n`,
    `MATCH (:Document {id: $id})-[h:HAS_ENTITY]->(e) DELETE h
     WITH DISTINCT e WHERE NOT (e)<-[:HAS_ENTITY]-()
     OPTIONAL MATCH (n:Name)-[:NAMES]->(e)
     DETACH DELETE e
     WITH DISTINCT n WHERE n IS NOT NULL AND NOT (n)-[:NAMES]->() DELETE n`,
  ],
};

async function deleteFacts(tx: Tx, id: string): Promise<void> {
  for (const cypher of q.remove) await tx.run({ cypher, params: { id } });
}

async function writeFacts(tx: Tx, p: GraphPayload): Promise<void> {
  const docId = p.doc.id;
  await tx.run({ cypher: q.document, params: { doc: p.doc } });
  await unwind(tx, q.sections, p.sections, { docId });
  await unwind(tx, q.sentences, p.sentences, { docId });
  for (const type of ENTITY_TYPES) {
    await unwind(tx, q.entities(LABELS[type]), p.entities.filter((e) => e.type === type), { docId });
  }
  await unwind(tx, q.mentions, p.mentions);
  await unwind(tx, q.measures, p.measures, { docId });
  for (const type of ['PART_OF', 'MEMBER_OF', 'CORE_OF'] as const) {
    await unwind(tx, q.reference(type), p.reference.filter((r) => r.type === type));
  }
  for (const type of RELATION_TYPES) {
    await unwind(tx, q.stated(type), p.stated.filter((r) => r.type === type), { docId });
  }
  await unwind(tx, q.notes, p.notes, { docId });
  await unwind(tx, q.works, p.works, { docId });
}

function sameMeta(row: Record<string, unknown>, doc: GraphPayload['doc']): boolean {
  return JSON.stringify([row.title, row.kind, row.year, row.authors, row.source, row.url]) ===
    JSON.stringify([doc.title, doc.kind, doc.year, doc.authors, doc.source, doc.url]);
}

/**
 * Writes one document in ONE transaction: unchanged content is left alone (only metadata is
 * refreshed), changed content replaces every fact of the document. A failure anywhere rolls
 * the whole document back, so the graph never holds half a document. `force` rewrites even
 * unchanged content (after a lexicon edit, say); `mustBeNew` refuses an id that is stored.
 */
export async function writeDocument(db: Db, p: GraphPayload, opts: { force?: boolean; mustBeNew?: boolean } = {}): Promise<WriteStatus> {
  return db.write(async (tx) => {
    const [row] = await tx.run(q.claim(p.doc.id));
    if (row && opts.mustBeNew) throw new DocumentExists(p.doc.id);
    if (row && row.contentKey === p.doc.contentKey && !opts.force) {
      if (sameMeta(row, p.doc)) return 'unchanged';
      await tx.run(q.updateMeta(p.doc));
      return 'metadata-updated';
    }
    if (row) await deleteFacts(tx, p.doc.id);
    await writeFacts(tx, p);
    return row ? 'replaced' : 'created';
  });
}

/** Deletes a document and whatever only it supported. False when there was no such document. */
export async function deleteDocument(db: Db, id: string): Promise<boolean> {
  return db.write(async (tx) => {
    const [row] = await tx.run(q.existing(id));
    if (!row) return false;
    await deleteFacts(tx, id);
    await tx.run({ cypher: 'MATCH (d:Document {id: $id}) DETACH DELETE d', params: { id } });
    return true;
  });
}

/** What is stored for a document id, so unchanged files skip the pipeline; null when absent. */
export async function storedDocument(db: Db, id: string): Promise<{ contentKey: string; sentenceCount: number } | null> {
  const [row] = await db.query({ cypher: 'MATCH (d:Document {id: $id}) RETURN d.contentKey AS contentKey, d.sentenceCount AS n', params: { id } });
  return row ? { contentKey: String(row.contentKey), sentenceCount: Number(row.n) } : null;
}

/** Refreshes only the bibliographic fields of a stored document. */
export async function updateMetadata(db: Db, meta: DocMeta): Promise<'unchanged' | 'metadata-updated'> {
  return db.write(async (tx) => {
    const [row] = await tx.run(q.existing(meta.id));
    const doc = meta as GraphPayload['doc'];
    if (!row || sameMeta(row, doc)) return 'unchanged';
    await tx.run(q.updateMeta(doc));
    return 'metadata-updated';
  });
}
