/**
 * Measures (recommendation sentences) and how a free-text target phrase resolves to the
 * entities they are about. See `findMeasures` for the rules.
 */
import type { Db, Query, Tx } from '../db/executor.js';
import type { Page } from '../pagination.js';
import { DOCUMENT, ENTITY, PAGE, PAGE_EACH, SENTENCE, pageResult, pageResults, type DocumentRow, type EntityRow, type PageResult, type SentenceRow } from './cypher.js';

/** A measure with everything the API shows, fetched in the same query as the page. */
const MEASURE = (m: string) => `${m} {.id, .text, .modality, .cue, .docId, ordinal: ${m}.sentence,
  sentence: head(COLLECT { MATCH (${m})-[:STATED_IN]->(s:Sentence) RETURN ${SENTENCE('s')} }),
  document: head(COLLECT { MATCH (d:Document {id: ${m}.docId}) RETURN ${DOCUMENT('d')} }),
  targets: COLLECT { MATCH (${m})-[r:TARGETS]->(t:Entity) RETURN ${ENTITY('t')} AS t ORDER BY r.rank },
  actor: head(COLLECT { MATCH (${m})-[:BY]->(a:Entity) RETURN ${ENTITY('a')} })}`;

/** Measures in reading order: by document, then sentence ordinal. */
const ORDERED = 'WITH DISTINCT m ORDER BY m.docId, m.sentence, m.id';

/**
 * An entity "relates to" the qualifier when one of its names contains it or is contained in
 * it (names of two characters or more, so 市 or 省 alone never match).
 */
const RELATES_TO_QUALIFIER = (x: string) => `any(n IN [${x}.name] + coalesce(${x}.aliases, [])
  WHERE n CONTAINS $qualifier OR (size(n) >= 2 AND $qualifier CONTAINS n))`;

export const measureQueries = {
  /** Entities named exactly by the phrase (any alias), plus narrower ones whose name contains it. */
  exactTargets: (phrase: string): Query => ({
    cypher: `CALL () {
  MATCH (:Name {value: $phrase})-[:NAMES]->(e:Entity) RETURN e, true AS exact
  UNION
  MATCH (e:Entity) WHERE e.name CONTAINS $phrase RETURN e, false AS exact
}
WITH e, max(exact) AS exact ORDER BY exact DESC, size(e.name), e.name
RETURN ${ENTITY('e')} AS entity, exact`,
    params: { phrase },
  }),
  /**
   * The index of the longest suffix of the phrase that is an entity's name or alias (suffixes
   * are given longest first, each leaving a qualifier of 2+ characters).
   */
  head: (suffixes: string[]): Query => ({
    cypher: `UNWIND range(0, size($suffixes) - 1) AS i
MATCH (:Name {value: $suffixes[i]})-[:NAMES]->(:Entity)
RETURN i ORDER BY i LIMIT 1`,
    params: { suffixes },
  }),
  /**
   * The qualifier and every name (2+ characters) of the entities related to it: what a
   * document title must contain to put a measure in the qualifier's context.
   */
  qualifierNames: (qualifier: string): Query => ({
    cypher: `MATCH (x:Entity) WHERE ${RELATES_TO_QUALIFIER('x')}
UNWIND [x.name] + coalesce(x.aliases, []) AS n
WITH n WHERE size(n) >= 2
RETURN collect(DISTINCT n) AS names`,
    params: { qualifier },
  }),
  /**
   * Measures targeting any of `ids`, plus (when a qualifier is given) measures targeting any of
   * `headIds` in the qualifier's context: their actor or a mention in their sentence relates to
   * the qualifier, or their document's title names it.
   */
  about: (ids: string[], headIds: string[], qualifier: string | null, qualifierNames: string[], page: Page): Query => ({
    cypher: `CALL () {
  MATCH (m:Measure)-[:TARGETS]->(t:Entity) WHERE t.id IN $ids RETURN m
  UNION
  MATCH (m:Measure)-[:TARGETS]->(t:Entity) WHERE $qualifier IS NOT NULL AND t.id IN $headIds
  WITH DISTINCT m
  WHERE EXISTS { MATCH (m)-[:BY]->(a:Entity) WHERE ${RELATES_TO_QUALIFIER('a')} }
     OR EXISTS { MATCH (m)-[:STATED_IN]->(:Sentence)-[:MENTIONS]->(x:Entity) WHERE ${RELATES_TO_QUALIFIER('x')} }
     OR EXISTS { MATCH (d:Document {id: m.docId}) WHERE any(n IN $qualifierNames WHERE d.title CONTAINS n) }
  RETURN m
}
${ORDERED}
${PAGE('m', MEASURE('m'))}`,
    params: { ids, headIds, qualifier, qualifierNames, ...page },
  }),
  /** Each document's measures in sentence order. */
  ofDocuments: (docIds: readonly string[], page: Page): Query => ({
    cypher: PAGE_EACH(`MATCH (m:Measure {docId: id})
${ORDERED}
${PAGE('m', MEASURE('m'))}`),
    params: { ids: docIds, ...page },
  }),
};

export interface MeasureRow {
  id: string;
  text: string;
  modality: string | null;
  cue: string | null;
  docId: string;
  ordinal: number;
  sentence: SentenceRow | null;
  document: DocumentRow | null;
  targets: EntityRow[];
  actor: EntityRow | null;
}

/** How a target phrase was understood, so clients can show it. */
export interface TargetResolution {
  /** EXACT: some entity is named by the phrase; DECOMPOSED: only qualifier + head matched; NONE */
  strategy: 'EXACT' | 'DECOMPOSED' | 'NONE';
  /** entities named by the phrase and narrower ones (EXACT), or the head entities (DECOMPOSED) */
  entities: EntityRow[];
  /** the suffix naming an entity, and the rest, when the phrase decomposes */
  head: string | null;
  qualifier: string | null;
}

export interface MeasureResult extends PageResult<MeasureRow> {
  resolution: TargetResolution;
}

const MIN_QUALIFIER = 2;
const MIN_HEAD = 2;

/** Suffixes of the phrase that leave a qualifier of 2+ characters, longest first (code points). */
export function headCandidates(phrase: string): string[] {
  const chars = [...phrase];
  const out: string[] = [];
  for (let i = MIN_QUALIFIER; chars.length - i >= MIN_HEAD; i++) out.push(chars.slice(i).join(''));
  return out;
}

/**
 * Measures about a target phrase, in one read transaction. A measure is about the phrase when
 * 1. it targets an entity whose name or alias equals the phrase, or a narrower entity whose name
 *    contains the whole phrase (target 主导产业 → also 县域主导产业); or
 * 2. the phrase splits into qualifier + head — the head being the longest suffix that is an
 *    entity name/alias, the qualifier the rest (2+ characters) — and the measure targets the
 *    head (or a narrower entity, as in 1) in the qualifier's context: its actor or a mention in its sentence is an entity one of
 *    whose names contains, or is contained in, the qualifier, or its document's title names the
 *    qualifier or such an entity (浙江小城市 → 小城市 measures involving 浙江/浙江省, or stated in
 *    a paper on 浙江省的小城市培育).
 * Rule 2 also applies when rule 1 matched: a recommendation about 主导产业 addressed to 县域
 * is about 县域主导产业 even when the sentence names the head only. Never an OR of words.
 */
export async function findMeasures(db: Db, target: string, page: Page): Promise<MeasureResult> {
  const phrase = target.trim();
  return db.read(async (tx: Tx) => {
    const exact = (await tx.run(measureQueries.exactTargets(phrase))).map((r) => r.entity as EntityRow);
    const suffixes = headCandidates(phrase);
    let head: string | null = null;
    let heads: EntityRow[] = [];
    if (suffixes.length > 0) {
      const [row] = await tx.run(measureQueries.head(suffixes));
      if (row) {
        head = suffixes[Number(row.i)];
        // The head's entities and the narrower ones, as in rule 1.
        heads = (await tx.run(measureQueries.exactTargets(head))).map((r) => r.entity as EntityRow);
      }
    }
    const qualifier = head ? phrase.slice(0, phrase.length - head.length) : null;
    const resolution: TargetResolution = exact.length
      ? { strategy: 'EXACT', entities: exact, head, qualifier }
      : head
        ? { strategy: 'DECOMPOSED', entities: heads, head, qualifier }
        : { strategy: 'NONE', entities: [], head: null, qualifier: null };
    if (resolution.strategy === 'NONE') return { total: 0, items: [], resolution };
    let qualifierNames: string[] = [];
    if (qualifier) {
      const [row] = await tx.run(measureQueries.qualifierNames(qualifier));
      qualifierNames = [...new Set([qualifier, ...((row?.names as string[] | undefined) ?? [])])];
    }
    const res = pageResult<MeasureRow>(
      await tx.run(measureQueries.about(exact.map((e) => e.id), heads.map((e) => e.id), qualifier, qualifierNames, page)),
    );
    return { ...res, resolution };
  });
}

export async function documentMeasures(db: Db, docIds: readonly string[], page: Page): Promise<Map<string, PageResult<MeasureRow>>> {
  return pageResults(docIds, await db.query(measureQueries.ofDocuments(docIds, page)));
}
