/**
 * The typed document that flows through the ingest pipeline.
 *
 *   load → normalize → structure → segment → extract → resolve → write
 *
 * Each stage is a pure function from one layer to the next (only `write` touches Neo4j).
 *
 * Offsets: every `start`/`end` in this file counts UTF-16 code units (JavaScript string
 * indices) into `CleanDoc.text`, the normalized document text; `end` is exclusive. So for a
 * mention `m` in sentence `s`: `doc.text.slice(m.start, m.end) === m.surface` and
 * `s.text.slice(m.start - s.start, m.end - s.start) === m.surface`.
 */

export const ENTITY_TYPES = ['PLACE', 'POLICY', 'ORGANIZATION', 'INDUSTRY', 'THEORY', 'CONCEPT', 'PERSON'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const DOC_KINDS = [
  'book', 'journal-article', 'web-article', 'newspaper-article', 'bulletin', 'policy', 'report', 'other',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Bibliographic metadata, from corpus/manifest.json, the CLI or the addDocument mutation. */
export interface DocMeta {
  id: string;
  title: string;
  kind: DocKind;
  year: number | null;
  authors: string[];
  source: string | null;
  url: string | null;
}

export type SourceFormat = 'txt' | 'md' | 'html';

/** load: bytes decoded to text, with the format it came in. */
export interface RawDoc {
  meta: DocMeta;
  /** where it came from, for error messages (file path or "mutation:addDocument") */
  origin: string;
  format: SourceFormat;
  /** detected or declared encoding, e.g. "UTF-8", "GB18030" */
  encoding: string;
  bytes: number;
  /** decoded text; for HTML the main content already extracted to plain text with blank lines between blocks */
  text: string;
  warnings: string[];
}

/** A note whose marker (①, [1], 注1) appears in running text and whose body sits elsewhere. */
export interface Footnote {
  marker: string;
  /** note body text */
  text: string;
  start: number;
  end: number;
}

/** normalize: page noise stripped, widths unified, PDF line wraps joined. */
export interface CleanDoc {
  meta: DocMeta;
  origin: string;
  /** sha256 of `text`, the identity of this content */
  sha256: string;
  text: string;
  warnings: string[];
}

export interface Section {
  ordinal: number;
  /** heading text, null for the untitled front part */
  heading: string | null;
  /** 1 = chapter/#, 2 = section/一、/##, 3 = （一）/###, 4 = 1./#### */
  level: number;
  start: number;
  end: number;
}

export interface Sentence {
  ordinal: number;
  section: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** structure: sections, paragraphs, sentences and the notes/reference list found. */
export interface StructuredDoc extends CleanDoc {
  sections: Section[];
  sentences: Sentence[];
  footnotes: Footnote[];
  /** lines recognised as a reference list (参考文献 / References), with their offsets */
  referenceLines: { text: string; start: number; end: number }[];
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** segment: nodejieba tokens per sentence (same index as `sentences`). */
export interface SegmentedDoc extends StructuredDoc {
  tokens: Token[][];
}

/** Place levels, from the gazetteer or from naming patterns. */
export type PlaceLevel =
  | 'country' | 'province' | 'prefecture' | 'county' | 'district' | 'town'
  | 'cluster' | 'zone' | 'region' | 'foreign';

/** A canonical entity: what a mention resolves to. `key` is its stable id. */
export interface Entity {
  /** stable id: `${type.toLowerCase()}:${code ?? name}` */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** PLACE only */
  level?: PlaceLevel;
  /** PLACE only: GB/T 2260 code where known */
  code?: string;
  /** POLICY only: date stated for issue, ISO-like ("2016-02-02", "2016") */
  issued?: string;
}

/** One occurrence of an entity in a sentence. */
export interface Mention {
  type: EntityType;
  surface: string;
  start: number;
  end: number;
  /** sentence ordinal */
  sentence: number;
  /** Entity.key it resolves to */
  entity: string;
}

export type Modality = 'must' | 'should' | 'need' | 'suggest' | 'action';

/** A recommendation sentence (县域地区应……), with what it is about and who should act. */
export interface Measure {
  sentence: number;
  start: number;
  end: number;
  text: string;
  modality: Modality;
  /** entity keys the recommendation is about */
  targets: string[];
  /** entity key of the actor (县域地区, 地方政府), if stated */
  actor: string | null;
  /** the cue that made it a measure (应, 要, 加快 …) */
  cue: string;
}

/** GB/T 7714 type codes as printed (online variants X/OL kept), 'policy' for untyped policy documents. */
export type CitationKind =
  | 'J' | 'N' | 'M' | 'D' | 'C' | 'R' | 'S' | 'Z' | 'EB/OL' | 'N/OL'
  | 'J/OL' | 'M/OL' | 'D/OL' | 'C/OL' | 'R/OL' | 'S/OL' | 'Z/OL' | 'policy' | 'unknown';

/** A cited work, from a reference list or a footnote. */
export interface Citation {
  /** "[1]", "①" — the marker that points to it from running text, if any */
  marker: string | null;
  authors: string[];
  title: string;
  venue: string | null;
  year: number | null;
  kind: CitationKind;
  raw: string;
  start: number;
  end: number;
  /** ordinals of sentences whose marker points here */
  citedFrom: number[];
}

export const RELATION_TYPES = [
  'PART_OF', 'MEMBER_OF', 'CORE_OF', 'ISSUED_BY', 'COVERS', 'DRIVES', 'SUPPORTS', 'HINDERS',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** A fact between two entities, tied to the sentence that states it (null for gazetteer facts). */
export interface Relation {
  type: RelationType;
  from: string;
  to: string;
  sentence: number | null;
  /** e.g. ISSUED_BY date */
  date?: string;
}

/** A footnote with the sentences whose marker points to it (explanatory notes as well as citations). */
export interface NoteLink extends Footnote {
  /** ordinals of sentences whose marker points here */
  citedFrom: number[];
}

/** extract + resolve: everything the document says, with canonical entities. */
export interface Extraction {
  entities: Entity[];
  mentions: Mention[];
  measures: Measure[];
  citations: Citation[];
  relations: Relation[];
  notes: NoteLink[];
}

/** What `write` receives: the structured document and its extraction. */
export interface DocumentGraph {
  doc: SegmentedDoc;
  extraction: Extraction;
}
