import { createHash } from 'node:crypto';
import type { DocMeta, EntityType, Entity, SegmentedDoc, Extraction, Citation } from '../types.js';
import { entityKey } from '../extract/candidate.js';

/** Neo4j label per entity type: a closed set, so labels in Cypher are never user-supplied. */
export const LABELS: Record<EntityType, string> = {
  PLACE: 'Place', POLICY: 'Policy', ORGANIZATION: 'Organization', INDUSTRY: 'Industry',
  THEORY: 'Theory', CONCEPT: 'Concept', PERSON: 'Person',
};

export interface EntityRow {
  id: string; type: EntityType; name: string; aliases: string[]; aliasText: string; names: string[];
  level: string | null; code: string | null; issued: string | null; mentions: number;
}

/** Everything `writeDocument` sends to Neo4j, as UNWIND-ready rows of plain values. */
export interface GraphPayload {
  doc: DocMeta & { sha256: string; contentKey: string; chars: number; sentenceCount: number; lexiconVersion: string; origin: string };
  sections: { id: string; ordinal: number; heading: string | null; level: number }[];
  sentences: { id: string; sectionId: string; ordinal: number; text: string; start: number; end: number; section: number; paragraph: number }[];
  entities: EntityRow[];
  mentions: { sentenceId: string; entityId: string; start: number; end: number; surface: string }[];
  measures: { id: string; sentenceId: string; sentence: number; text: string; modality: string; cue: string; targets: string[]; actor: string | null }[];
  /** PART_OF/MEMBER_OF/CORE_OF that hold while both ends live (gazetteer, lexicon) */
  reference: { type: 'PART_OF' | 'MEMBER_OF' | 'CORE_OF'; from: string; to: string; source: string }[];
  /** relations stated by one sentence of this document */
  stated: { type: string; from: string; to: string; sentenceId: string | null; date: string | null }[];
  notes: { id: string; ordinal: number; marker: string; text: string; start: number; end: number; sentenceIds: string[] }[];
  works: { id: string; title: string; authors: string[]; authorIds: string[]; venue: string | null; year: number | null; kind: string; marker: string | null; ordinal: number; raw: string; sentenceIds: string[] }[];
}

/** Implied entities (gazetteer ancestors, cluster members) with their reference edges. */
export interface ImpliedFacts {
  entities: Entity[];
  reference: GraphPayload['reference'];
}

export const sentenceId = (docId: string, ordinal: number) => `${docId}#${ordinal}`;
const sectionId = (docId: string, ordinal: number) => `${docId}#s${ordinal}`;

/** Normalized title + year → stable Work id, so the same reference cited twice is one Work. */
export function workId(c: Pick<Citation, 'title' | 'year'>): string {
  const norm = c.title.replace(/[\s《》“”"'‘’「」]/g, '').toLowerCase();
  return 'work:' + createHash('sha1').update(`${norm}|${c.year ?? ''}`).digest('hex').slice(0, 16);
}

function entityRow(e: Entity, mentions: number): EntityRow {
  const aliases = e.aliases.filter((a) => a !== e.name);
  return {
    id: e.key, type: e.type, name: e.name, aliases, aliasText: aliases.join(' '), names: [e.name, ...aliases],
    level: e.level ?? null, code: e.code ?? null, issued: e.issued ?? null, mentions,
  };
}

/** What identifies a document's facts: its text and the rules that read it. */
export function contentKey(sha256: string, versions: { lexicon: string; extractor: string }): string {
  return `${sha256}:${versions.lexicon}:${versions.extractor}`;
}

/** Pure: the document, its extraction and implied facts → rows for Cypher. */
export function toPayload(
  doc: SegmentedDoc, x: Extraction, implied: ImpliedFacts,
  versions: { lexicon: string; extractor: string },
): GraphPayload {
  const id = doc.meta.id;
  const sid = (o: number) => sentenceId(id, o);
  const counts = new Map<string, number>();
  for (const m of x.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);

  const entities = new Map<string, EntityRow>();
  for (const e of x.entities) entities.set(e.key, entityRow(e, counts.get(e.key) ?? 0));
  for (const e of implied.entities) if (!entities.has(e.key)) entities.set(e.key, entityRow(e, 0));

  const works: GraphPayload['works'] = [];
  const seenWorks = new Set<string>();
  x.citations.forEach((c, i) => {
    if (!c.title) return;
    const wid = workId(c);
    if (seenWorks.has(wid)) return;
    seenWorks.add(wid);
    const authorIds = c.authors.map((a) => entityKey('PERSON', a));
    c.authors.forEach((a, j) => {
      if (!entities.has(authorIds[j])) entities.set(authorIds[j], entityRow({ key: authorIds[j], type: 'PERSON', name: a, aliases: [] }, 0));
    });
    works.push({
      id: wid, title: c.title, authors: c.authors, authorIds, venue: c.venue, year: c.year, kind: c.kind,
      marker: c.marker, ordinal: i, raw: c.raw, sentenceIds: c.citedFrom.map(sid),
    });
  });

  const known = (k: string | null) => k !== null && entities.has(k);
  return {
    doc: {
      ...doc.meta, sha256: doc.sha256, chars: doc.text.length, sentenceCount: doc.sentences.length,
      lexiconVersion: versions.lexicon, origin: doc.origin,
      contentKey: contentKey(doc.sha256, versions),
    },
    sections: doc.sections.map((s) => ({ id: sectionId(id, s.ordinal), ordinal: s.ordinal, heading: s.heading, level: s.level })),
    sentences: doc.sentences.map((s) => ({
      id: sid(s.ordinal), sectionId: sectionId(id, s.section), ordinal: s.ordinal, text: s.text,
      start: s.start, end: s.end, section: s.section, paragraph: s.paragraph,
    })),
    entities: [...entities.values()],
    mentions: x.mentions.map((m) => ({ sentenceId: sid(m.sentence), entityId: m.entity, start: m.start, end: m.end, surface: m.surface })),
    measures: x.measures.map((m) => ({
      id: `${id}#m${m.sentence}`, sentenceId: sid(m.sentence), sentence: m.sentence, text: m.text, modality: m.modality,
      cue: m.cue, targets: m.targets.filter(known), actor: known(m.actor) ? m.actor : null,
    })),
    reference: implied.reference.filter((r) => known(r.from) && known(r.to) && r.from !== r.to),
    stated: x.relations
      .filter((r) => known(r.from) && known(r.to) && r.from !== r.to)
      .map((r) => ({ type: r.type, from: r.from, to: r.to, sentenceId: r.sentence === null ? null : sid(r.sentence), date: r.date ?? null })),
    notes: x.notes.map((n, i) => ({
      id: `${id}#n${i}`, ordinal: i, marker: n.marker, text: n.text, start: n.start, end: n.end, sentenceIds: n.citedFrom.map(sid),
    })),
    works,
  };
}
