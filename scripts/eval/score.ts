/**
 * Extraction-quality scores of one document's pipeline output against its gold file
 * (tests/gold/README.md), and their sum over a split. Pure: no I/O.
 *
 * Everything is counted (tp / pred / gold), so split totals are micro-averages over documents.
 * Only pipeline output inside the aligned gold ranges counts: the gold scope may be part of a
 * document. Gold items whose sentence cannot be aligned, or whose surface is not found in its
 * quote, stay in the gold count (they are misses) and are listed under `alignment`/`unlocated`.
 */
import { ENTITY_TYPES, type Citation, type Entity, type EntityType, type Measure, type Mention, type Relation } from '../../ingest/types.js';
import { alignSentences, contains, locateMentions, overlaps, squeeze, type Alignment, type Span } from './align.js';

export const SCORED_ENTITY_TYPES: readonly EntityType[] = ENTITY_TYPES;
export const SCORED_RELATION_TYPES = ['PART_OF', 'MEMBER_OF', 'CORE_OF', 'ISSUED_BY', 'DRIVES', 'SUPPORTS', 'HINDERS'] as const;
export type ScoredRelationType = (typeof SCORED_RELATION_TYPES)[number];
export const CITATION_FIELDS = ['authors', 'title', 'venue', 'year', 'kind'] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];

// ---------- gold format ----------

export interface GoldMention { surface: string; type: EntityType; name: string }
export interface GoldMeasure { actor: string | null; targets: string[]; modality: string }
export interface GoldRelation { type: string; from: string; to: string }
export interface GoldSentence {
  quote: string;
  mentions: GoldMention[];
  measure: GoldMeasure | null;
  relations: GoldRelation[];
}
export interface GoldCitation {
  marker: string | null;
  authors: string[];
  title: string;
  venue: string | null;
  year: number | null;
  kind: string | null;
  [extra: string]: unknown;
}
export interface GoldDoc {
  document: string;
  scope?: string;
  sentences: GoldSentence[];
  citations: GoldCitation[];
}

// ---------- pipeline output (the parts scored) ----------

export interface PipelineOutput {
  /** CleanDoc.text: the text all offsets point into */
  text: string;
  sentences: { ordinal: number; start: number; end: number }[];
  entities: Entity[];
  mentions: Mention[];
  measures: Measure[];
  relations: Relation[];
  citations: Citation[];
}

// ---------- counts ----------

export interface Counts { tp: number; pred: number; gold: number }
export interface PRF extends Counts { p: number | null; r: number | null; f1: number | null }
export interface Accuracy { correct: number; total: number; acc: number | null }

/** P = tp/pred, R = tp/gold; undefined (null) when the denominator is 0; F1 is 0 when one side is 0 and null when both are undefined. */
export function prf(c: Counts): PRF {
  const p = c.pred ? c.tp / c.pred : null;
  const r = c.gold ? c.tp / c.gold : null;
  let f1: number | null;
  if (p === null && r === null) f1 = null;
  else if (p === null || r === null || p + r === 0) f1 = 0;
  else f1 = (2 * p * r) / (p + r);
  return { ...c, p, r, f1 };
}

export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, acc: total ? correct / total : null };
}

const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 });
const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, pred: a.pred + b.pred, gold: a.gold + b.gold });
const addAcc = (a: Accuracy, b: Accuracy): Accuracy => accuracy(a.correct + b.correct, a.total + b.total);

// ---------- result shapes ----------

export interface EntityScores {
  strict: Record<string, PRF>;
  lenient: Record<string, PRF>;
  strictMicro: PRF;
  lenientMicro: PRF;
  /** canonical name of the pipeline entity equals the gold name, over strict matches */
  names: Accuracy;
}
export interface MeasureScores {
  detection: PRF;
  /** target sets of matched measures, by canonical name (micro over matched measures) */
  targets: PRF;
  actor: Accuracy;
  modality: Accuracy;
}
export interface RelationScores { perType: Record<string, PRF>; micro: PRF }
export interface CitationScores {
  detection: PRF;
  fields: Record<CitationField, Accuracy>;
}

export interface DocScore {
  document: string;
  alignment: { sentences: number; aligned: number; gapped: number; unaligned: string[] };
  entities: EntityScores;
  measures: MeasureScores;
  relations: RelationScores;
  citations: CitationScores;
  /** what was missed or spurious, for reading the numbers */
  errors: {
    unlocated: { sentence: number; surface: string; type: string }[];
    mentionMisses: { surface: string; type: string; name: string; got: string | null }[];
    mentionSpurious: { surface: string; type: string; start: number }[];
    wrongNames: { surface: string; gold: string; got: string }[];
    measureMisses: string[];
    measureSpurious: string[];
    relationMisses: string[];
    relationSpurious: string[];
    citationMisses: string[];
    citationSpurious: string[];
  };
}

export interface SplitScore {
  documents: number;
  alignment: { sentences: number; aligned: number; gapped: number; unaligned: number };
  entities: EntityScores;
  measures: MeasureScores;
  relations: RelationScores;
  citations: CitationScores;
}

// ---------- helpers ----------

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a == null || a === '') && (b == null || b === '') ? true : a != null && b != null && squeeze(a) === squeeze(b);

function nameOf(entities: Map<string, Entity>, key: string | null): string | null {
  if (key == null) return null;
  const e = entities.get(key);
  if (e) return e.name;
  const i = key.indexOf(':');
  return i >= 0 ? key.slice(i + 1) : key;
}

/** A span with surrounding whitespace trimmed (pipeline spans compared to squeezed gold spans). */
function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const inScope = (pieces: Span[], s: Span) => pieces.some((p) => overlaps(p, s));
const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

// ---------- one document ----------

export function scoreDocument(gold: GoldDoc, out: PipelineOutput): DocScore {
  const alignments = alignSentences(out.text, out.sentences, gold.sentences.map((s) => s.quote));
  const allPieces = alignments.flatMap((a) => a.pieces);
  const entities = new Map(out.entities.map((e) => [e.key, e]));
  const sentenceSpan = new Map(out.sentences.map((s) => [s.ordinal, { start: s.start, end: s.end }]));
  const errors: DocScore['errors'] = {
    unlocated: [], mentionMisses: [], mentionSpurious: [], wrongNames: [],
    measureMisses: [], measureSpurious: [], relationMisses: [], relationSpurious: [], citationMisses: [], citationSpurious: [],
  };

  // ---- mentions ----
  interface G { type: string; name: string; surface: string; span: Span | null; strict: number; lenient: number }
  const golds: G[] = [];
  gold.sentences.forEach((s, i) => {
    const spans = locateMentions(alignments[i], s.mentions.map((m) => m.surface));
    s.mentions.forEach((m, j) => {
      if (!spans[j] && alignments[i].found) errors.unlocated.push({ sentence: i, surface: m.surface, type: m.type });
      golds.push({ type: m.type, name: m.name, surface: m.surface, span: spans[j], strict: -1, lenient: -1 });
    });
  });
  const preds = out.mentions
    .map((m) => ({ m, span: trimSpan(out.text, m) }))
    .filter((p) => inScope(allPieces, p.span));
  const predStrict = new Array<boolean>(preds.length).fill(false);
  const predLenient = new Array<boolean>(preds.length).fill(false);
  const bySpan = new Map<string, number[]>();
  preds.forEach((p, i) => {
    const k = `${p.m.type}|${p.span.start}|${p.span.end}`;
    bySpan.set(k, [...(bySpan.get(k) ?? []), i]);
  });
  for (const g of golds) {
    if (!g.span) continue;
    const i = (bySpan.get(`${g.type}|${g.span.start}|${g.span.end}`) ?? []).find((x) => !predStrict[x]);
    if (i !== undefined) { predStrict[i] = predLenient[i] = true; g.strict = g.lenient = i; }
  }
  for (const g of golds) {
    if (!g.span || g.lenient >= 0) continue;
    let best = -1;
    let bestOverlap = 0;
    preds.forEach((p, i) => {
      if (predLenient[i] || p.m.type !== g.type || !overlaps(p.span, g.span!)) return;
      const ov = Math.min(p.span.end, g.span!.end) - Math.max(p.span.start, g.span!.start);
      if (ov > bestOverlap) { best = i; bestOverlap = ov; }
    });
    if (best >= 0) { predLenient[best] = true; g.lenient = best; }
  }
  const strict: Record<string, Counts> = {};
  const lenient: Record<string, Counts> = {};
  for (const t of SCORED_ENTITY_TYPES) { strict[t] = zero(); lenient[t] = zero(); }
  const bucket = (r: Record<string, Counts>, t: string) => (r[t] ??= zero());
  for (const g of golds) {
    bucket(strict, g.type).gold++;
    bucket(lenient, g.type).gold++;
    if (g.strict >= 0) bucket(strict, g.type).tp++;
    if (g.lenient >= 0) bucket(lenient, g.type).tp++;
    if (g.strict < 0) {
      const at = g.span ? preds.find((p) => overlaps(p.span, g.span!)) : undefined;
      errors.mentionMisses.push({ surface: g.surface, type: g.type, name: g.name, got: at ? `${at.m.type}:${at.m.surface}` : null });
    }
  }
  preds.forEach((p, i) => {
    bucket(strict, p.m.type).pred++;
    bucket(lenient, p.m.type).pred++;
    if (!predStrict[i]) errors.mentionSpurious.push({ surface: p.m.surface, type: p.m.type, start: p.m.start });
  });
  let namesOk = 0;
  let namesAll = 0;
  for (const g of golds) {
    if (g.strict < 0) continue;
    namesAll++;
    const got = nameOf(entities, preds[g.strict].m.entity) ?? '';
    if (same(got, g.name)) namesOk++;
    else errors.wrongNames.push({ surface: g.surface, gold: g.name, got });
  }
  const entityScores = finishEntities(strict, lenient, accuracy(namesOk, namesAll));

  // ---- measures ----
  const measureSpan = (m: Measure): Span =>
    Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start ? m : sentenceSpan.get(m.sentence) ?? { start: -1, end: -1 };
  const pMeasures = out.measures.filter((m) => inScope(allPieces, measureSpan(m)));
  const usedM = new Set<number>();
  const det = zero();
  const tgt = zero();
  let actorOk = 0;
  let modOk = 0;
  let matched = 0;
  det.pred = pMeasures.length;
  gold.sentences.forEach((s, i) => {
    if (!s.measure) return;
    det.gold++;
    const al = alignments[i];
    const j = al.found ? pMeasures.findIndex((m, k) => !usedM.has(k) && inScope(al.pieces, measureSpan(m))) : -1;
    if (j < 0) { errors.measureMisses.push(short(s.quote)); return; }
    usedM.add(j);
    det.tp++;
    matched++;
    const pm = pMeasures[j];
    const goldT = new Set(s.measure.targets.map(squeeze));
    const predT = new Set(pm.targets.map((k) => squeeze(nameOf(entities, k) ?? '')));
    tgt.gold += goldT.size;
    tgt.pred += predT.size;
    for (const t of predT) if (goldT.has(t)) tgt.tp++;
    if (same(nameOf(entities, pm.actor), s.measure.actor)) actorOk++;
    if (pm.modality === s.measure.modality) modOk++;
  });
  pMeasures.forEach((m, k) => { if (!usedM.has(k)) errors.measureSpurious.push(short(m.text ?? '')); });
  const measureScores: MeasureScores = {
    detection: prf(det), targets: prf(tgt), actor: accuracy(actorOk, matched), modality: accuracy(modOk, matched),
  };

  // ---- relations ----
  const relCounts: Record<string, Counts> = {};
  for (const t of SCORED_RELATION_TYPES) relCounts[t] = zero();
  interface GR { type: string; from: string; to: string; al: Alignment; used: boolean }
  const gRels: GR[] = [];
  gold.sentences.forEach((s, i) => {
    for (const r of s.relations) {
      gRels.push({ type: r.type, from: squeeze(r.from), to: squeeze(r.to), al: alignments[i], used: false });
      (relCounts[r.type] ??= zero()).gold++;
    }
  });
  const seenRel = new Set<string>();
  for (const r of out.relations) {
    if (!(SCORED_RELATION_TYPES as readonly string[]).includes(r.type) || r.sentence == null) continue;
    const span = sentenceSpan.get(r.sentence);
    if (!span || !inScope(allPieces, span)) continue;
    const from = squeeze(nameOf(entities, r.from) ?? '');
    const to = squeeze(nameOf(entities, r.to) ?? '');
    const key = `${r.type}|${from}|${to}|${r.sentence}`;
    if (seenRel.has(key)) continue;
    seenRel.add(key);
    relCounts[r.type].pred++;
    const g = gRels.find((x) => !x.used && x.type === r.type && x.from === from && x.to === to && inScope(x.al.pieces, span));
    if (g) { g.used = true; relCounts[r.type].tp++; }
    else errors.relationSpurious.push(`${from} ${r.type} ${to}`);
  }
  for (const g of gRels) if (!g.used) errors.relationMisses.push(`${g.from} ${g.type} ${g.to}`);
  const relationScores = finishRelations(relCounts);

  // ---- citations ----
  const hull: Span | null = allPieces.length ? { start: allPieces[0].start, end: allPieces[allPieces.length - 1].end } : null;
  const scopeOrdinals = new Set(out.sentences.filter((s) => inScope(allPieces, s)).map((s) => s.ordinal));
  const pCits = out.citations.map((c) => ({ c, title: squeeze(c.title ?? ''), used: false }));
  const titleMatch = (a: string, b: string) => a !== '' && b !== '' && (a === b || a.includes(b) || b.includes(a));
  const citePairs: [GoldCitation, Citation][] = [];
  const goldLeft: GoldCitation[] = [];
  // two passes: equal titles (same marker first), then containment
  const pending = gold.citations.map((g) => ({ g, title: squeeze(g.title ?? ''), done: false }));
  for (const pass of ['equal', 'contain'] as const) {
    for (const x of pending) {
      if (x.done) continue;
      const ok = (p: (typeof pCits)[number]) => !p.used && (pass === 'equal' ? p.title === x.title && x.title !== '' : titleMatch(p.title, x.title));
      const p = pCits.find((p) => ok(p) && p.c.marker === x.g.marker) ?? pCits.find(ok);
      if (p) { p.used = true; x.done = true; citePairs.push([x.g, p.c]); }
    }
  }
  for (const x of pending) if (!x.done) { goldLeft.push(x.g); errors.citationMisses.push(`${x.g.marker ?? ''} ${x.g.title}`); }
  const citeInScope = (c: Citation) =>
    (hull !== null && contains(hull, { start: c.start, end: Math.max(c.start + 1, c.end) })) ||
    (c.citedFrom ?? []).some((o) => scopeOrdinals.has(o));
  let citePred = 0;
  for (const p of pCits) {
    if (p.used) { citePred++; continue; }
    if (citeInScope(p.c)) { citePred++; errors.citationSpurious.push(`${p.c.marker ?? ''} ${p.c.title}`); }
  }
  const fieldOk: Record<CitationField, number> = { authors: 0, title: 0, venue: 0, year: 0, kind: 0 };
  for (const [g, c] of citePairs) {
    const ga = (g.authors ?? []).map(squeeze);
    const ca = (c.authors ?? []).map(squeeze);
    if (ga.length === ca.length && ga.every((a, i) => a === ca[i])) fieldOk.authors++;
    if (squeeze(g.title ?? '') === squeeze(c.title ?? '')) fieldOk.title++;
    if (same(g.venue, c.venue)) fieldOk.venue++;
    if ((g.year ?? null) === (c.year ?? null)) fieldOk.year++;
    const ck = c.kind === 'unknown' ? null : c.kind;
    if ((g.kind ?? null) === (ck ?? null)) fieldOk.kind++;
  }
  const citationScores: CitationScores = {
    detection: prf({ tp: citePairs.length, pred: citePred, gold: gold.citations.length }),
    fields: Object.fromEntries(CITATION_FIELDS.map((f) => [f, accuracy(fieldOk[f], citePairs.length)])) as Record<CitationField, Accuracy>,
  };

  const found = alignments.filter((a) => a.found);
  return {
    document: gold.document,
    alignment: {
      sentences: alignments.length,
      aligned: found.length,
      gapped: found.filter((a) => a.pieces.length > 1).length,
      unaligned: alignments.filter((a) => !a.found).map((a) => short(a.quote, 60)),
    },
    entities: entityScores,
    measures: measureScores,
    relations: relationScores,
    citations: citationScores,
    errors,
  };
}

function finishEntities(strict: Record<string, Counts>, lenient: Record<string, Counts>, names: Accuracy): EntityScores {
  const sum = (r: Record<string, Counts>) => Object.values(r).reduce(add, zero());
  const map = (r: Record<string, Counts>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, prf(v)]));
  return { strict: map(strict), lenient: map(lenient), strictMicro: prf(sum(strict)), lenientMicro: prf(sum(lenient)), names };
}

function finishRelations(r: Record<string, Counts>): RelationScores {
  return {
    perType: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, prf(v)])),
    micro: prf(Object.values(r).reduce(add, zero())),
  };
}

// ---------- split totals ----------

const counts = (x: PRF): Counts => ({ tp: x.tp, pred: x.pred, gold: x.gold });

function sumRecord(rs: Record<string, PRF>[]): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const r of rs) for (const [k, v] of Object.entries(r)) out[k] = add(out[k] ?? zero(), counts(v));
  return out;
}

/** Sums counts over documents (micro-average). */
export function combine(docs: DocScore[]): SplitScore {
  const accSum = (xs: Accuracy[]) => xs.reduce(addAcc, accuracy(0, 0));
  const prfSum = (xs: PRF[]) => prf(xs.map(counts).reduce(add, zero()));
  return {
    documents: docs.length,
    alignment: {
      sentences: docs.reduce((n, d) => n + d.alignment.sentences, 0),
      aligned: docs.reduce((n, d) => n + d.alignment.aligned, 0),
      gapped: docs.reduce((n, d) => n + d.alignment.gapped, 0),
      unaligned: docs.reduce((n, d) => n + d.alignment.unaligned.length, 0),
    },
    entities: finishEntities(
      sumRecord(docs.map((d) => d.entities.strict)),
      sumRecord(docs.map((d) => d.entities.lenient)),
      accSum(docs.map((d) => d.entities.names)),
    ),
    measures: {
      detection: prfSum(docs.map((d) => d.measures.detection)),
      targets: prfSum(docs.map((d) => d.measures.targets)),
      actor: accSum(docs.map((d) => d.measures.actor)),
      modality: accSum(docs.map((d) => d.measures.modality)),
    },
    relations: finishRelations(sumRecord(docs.map((d) => d.relations.perType))),
    citations: {
      detection: prfSum(docs.map((d) => d.citations.detection)),
      fields: Object.fromEntries(CITATION_FIELDS.map((f) => [f, accSum(docs.map((d) => d.citations.fields[f]))])) as Record<CitationField, Accuracy>,
    },
  };
}
