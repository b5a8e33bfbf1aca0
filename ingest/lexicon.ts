import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join, basename } from 'node:path';

/**
 * Curated dictionaries live in schema/lexicons/*.tsv: UTF-8, one header line naming the
 * columns (first column `name`), `#` comment lines and blank lines ignored, tab-separated.
 * A column named `aliases` holds `|`-separated alternative names. Bad lines are rejected
 * with file and line number, never skipped silently (jieba's whitespace-split dictionaries
 * broke on exactly such lines).
 */
export interface LexiconRow {
  name: string;
  aliases: string[];
  /** every column by header name, raw string ('' when empty) */
  fields: Record<string, string>;
  /** "file.tsv:12" for error messages */
  at: string;
}

export const LEXICON_DIR = fileURLToPath(new URL('../schema/lexicons/', import.meta.url));

export class LexiconError extends Error {}

/** Parses one lexicon file's text. Pure: exported for tests. */
export function parseLexicon(text: string, file: string): LexiconRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  const rows: LexiconRow[] = [];
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const cols = line.split('\t').map((c) => c.trim());
    if (!header) {
      if (cols[0] !== 'name') throw new LexiconError(`${at}: header must start with "name", got "${cols[0]}"`);
      header = cols;
      return;
    }
    if (cols.length > header.length) {
      throw new LexiconError(`${at}: ${cols.length} columns but the header has ${header.length} (stray tab?)`);
    }
    if (!cols[0]) throw new LexiconError(`${at}: empty name`);
    if (/\s/.test(cols[0])) throw new LexiconError(`${at}: name "${cols[0]}" contains whitespace`);
    const fields: Record<string, string> = {};
    header.forEach((h, j) => (fields[h] = cols[j] ?? ''));
    const aliases = (fields.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean);
    rows.push({ name: cols[0], aliases, fields, at });
  });
  if (!header) throw new LexiconError(`${file}: no header line`);
  return rows;
}

const cache = new Map<string, LexiconRow[]>();

/** Loads schema/lexicons/<name>.tsv once per process. */
export function loadLexicon(name: string, dir = LEXICON_DIR): LexiconRow[] {
  const path = join(dir, `${name}.tsv`);
  let rows = cache.get(path);
  if (!rows) {
    rows = parseLexicon(readFileSync(path, 'utf8'), basename(path));
    cache.set(path, rows);
  }
  return rows;
}

/** Every lexicon file name (without .tsv) in the folder. */
export function lexiconNames(dir = LEXICON_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).map((f) => f.slice(0, -4)).sort();
}

/** A short hash over all lexicon files, recorded with each ingest so stale graphs can be spotted. */
export function lexiconVersion(dir = LEXICON_DIR): string {
  const h = createHash('sha256');
  for (const n of lexiconNames(dir)) h.update(n).update(readFileSync(join(dir, `${n}.tsv`)));
  return h.digest('hex').slice(0, 12);
}
