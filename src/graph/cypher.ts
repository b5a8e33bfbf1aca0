/**
 * Shared Cypher fragments and row shapes for the read layer. Every read is a named function
 * returning `{ cypher, params }` (exported for tests) plus a runner that executes it through `Db`.
 * Values are always parameters; SKIP/LIMIT-like slices use `toInteger($skip)` so plain JS
 * numbers work.
 */
import type { EntityType } from '../../ingest/types.js';

/** Entity properties the API exposes (not `aliasText`, which only feeds the full-text index). */
export const ENTITY = (v: string, extra = '') => `${v} {.id, .name, .type, .aliases, .level, .code, .issued${extra ? ', ' + extra : ''}}`;
export const DOCUMENT = (v: string) =>
  `${v} {.id, .title, .kind, .year, .authors, .source, .url, .sha256, .ingestedAt, .sentenceCount, .chars}`;
export const SENTENCE = (v: string, extra = '') =>
  `${v} {.id, .docId, .ordinal, .text, .start, .end, .section, .paragraph${extra ? ', ' + extra : ''}}`;
/** Document title and id only, for provenance attached to sentences. */
export const DOC_REF = (v: string) => `${v} {.id, .title, .kind, .year}`;

/**
 * Ends a query whose ordered rows are bound to `v`: one result row with `total` and the page
 * `items`, each projected by `project` (evaluated for the page only, so hydration stays cheap).
 * Zero matches still give one row (`total` 0).
 */
export const PAGE = (v: string, project: string = v) => `
WITH collect(${v}) AS rows
RETURN size(rows) AS total,
       [${v} IN rows[toInteger($skip)..toInteger($skip) + toInteger($limit)] | ${project}] AS items`;

export interface PageResult<T> {
  total: number;
  items: T[];
}

export function pageResult<T>(rows: Record<string, unknown>[]): PageResult<T> {
  const row = rows[0];
  return { total: Number(row?.total ?? 0), items: (row?.items as T[] | undefined) ?? [] };
}

/**
 * One page per parent in ONE query: `body` reads the parent's `id` and ends in `PAGE(…)`; it
 * runs once per id of `$ids`, so a connection field nested under a list costs one query per
 * request, not one per parent.
 */
export const PAGE_EACH = (body: string) => `UNWIND $ids AS id
CALL (id) {
${body}
}
RETURN id AS key, total, items`;

/** The rows of a `PAGE_EACH` query by parent id; parents without a row get an empty page. */
export function pageResults<T>(ids: readonly string[], rows: Record<string, unknown>[]): Map<string, PageResult<T>> {
  const out = new Map<string, PageResult<T>>(ids.map((id) => [id, { total: 0, items: [] }]));
  for (const r of rows) out.set(String(r.key), pageResult<T>([r]));
  return out;
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[] | null;
  level: string | null;
  code: string | null;
  issued: string | null;
}

export interface DocumentRow {
  id: string;
  title: string;
  kind: string | null;
  year: number | null;
  authors: string[] | null;
  source: string | null;
  url: string | null;
  sha256: string | null;
  ingestedAt: string | null;
  sentenceCount: number | null;
  chars: number | null;
}

export interface DocRefRow {
  id: string;
  title: string;
  kind: string | null;
  year: number | null;
}

export interface SentenceRow {
  id: string;
  docId: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  section: number | null;
  paragraph: number | null;
  /** present when the query attached it */
  document?: DocRefRow | null;
}

export interface MentionRow {
  surface: string;
  start: number;
  end: number;
  sentence: SentenceRow;
  /** the mentioned entity, when the query attached it (Sentence.mentions) */
  entity?: EntityRow;
}

/** One value per id from an `UNWIND $ids` batch query's `key` column; ids without a row are absent. */
export function keyed<T>(rows: Record<string, unknown>[], column: string): Map<string, T> {
  return new Map(rows.map((r) => [String(r.key), r[column] as T]));
}

/** Groups rows returned by an `UNWIND $ids` batch query by their `key` column. */
export function groupBy<T>(ids: readonly string[], rows: Record<string, unknown>[], value: (r: Record<string, unknown>) => T): Map<string, T[]> {
  const out = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(String(r.key))?.push(value(r));
  return out;
}
