import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { DocMeta, RawDoc, SourceFormat } from '../types.js';
import { assertSize, decodeBytes, MAX_BYTES } from './decode.js';
import { LoadError } from './errors.js';
import { extractHtml, sniffHtmlCharset } from './html.js';
import { markdownToText } from './markdown.js';

export { LoadError, type LoadProblem } from './errors.js';
export { MAX_BYTES, decodeBytes, scanUtf8, lineOfByte } from './decode.js';
export { extractHtml } from './html.js';
export { markdownToText } from './markdown.js';

/** The only file types load reads; anything else (PDF, DOCX) must be converted first. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html',
};

export interface LoadTextInput {
  /** already-decoded text (format txt/md, or html when `format: 'html'`) */
  text?: string;
  /** an HTML page as a string */
  html?: string;
  /** raw bytes, decoded here (BOM, strict UTF-8, GB18030/Big5 detection) */
  bytes?: Buffer | Uint8Array;
  format?: SourceFormat;
  /** where it came from, used in every error message */
  origin: string;
  meta: DocMeta;
  /** size limit in bytes (default MAX_BYTES) */
  maxBytes?: number;
}

/** Picks the format of a file by its extension; other extensions are a LoadError naming the file. */
export function formatOf(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[ext];
  if (!format) {
    throw new LoadError(path, 'format', `unsupported file type "${ext || '(none)'}": load reads .txt, .md, .markdown, .html and .htm${ext === '.pdf' ? ' (extract text from PDFs first)' : ''}`);
  }
  return format;
}

/** First non-empty line, without Markdown heading marks, as a fallback title. */
export function firstLineTitle(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const t = line.replace(/^\s*#{1,6}\s+/, '').replace(/\s+/g, ' ').trim();
    if (t) return t.length > 120 ? `${t.slice(0, 120)}…` : t;
  }
  return '';
}

/**
 * Builds a RawDoc from text, HTML or bytes. Pure apart from decoding: the caller's `meta` wins;
 * a missing title comes from the page (<h1>/<title>, front matter) or the first non-empty line.
 */
export function loadText(input: LoadTextInput): RawDoc {
  const { origin } = input;
  const given = [input.text, input.html, input.bytes].filter((x) => x !== undefined).length;
  if (given !== 1) throw new LoadError(origin, 'format', `give exactly one of text, html or bytes (got ${given})`);
  const format: SourceFormat = input.format ?? (input.html !== undefined ? 'html' : 'txt');
  const maxBytes = input.maxBytes ?? MAX_BYTES;
  const warnings: string[] = [];
  let source: string;
  let encoding = 'UTF-8';
  let bytes: number;
  if (input.bytes !== undefined) {
    const decoded = decodeBytes(input.bytes, origin, {
      maxBytes,
      declaredEncoding: format === 'html' ? sniffHtmlCharset(input.bytes) : null,
    });
    source = decoded.text;
    encoding = decoded.encoding;
    bytes = input.bytes.length;
    warnings.push(...decoded.warnings);
  } else {
    source = (input.text ?? input.html)!;
    bytes = Buffer.byteLength(source, 'utf8');
    assertSize(bytes, origin, maxBytes);
    if (source.includes('\u0000')) throw new LoadError(origin, 'binary', 'binary input: text contains NUL characters');
  }
  if (source.startsWith('\uFEFF')) source = source.slice(1);

  let text = source;
  let foundTitle: string | null = null;
  if (format === 'html') {
    const h = extractHtml(source);
    text = h.text;
    foundTitle = h.title;
    warnings.push(...h.warnings);
  } else if (format === 'md') {
    const m = markdownToText(source);
    text = m.text;
    foundTitle = m.title;
  }
  const meta: DocMeta = { ...input.meta };
  if (!meta.title?.trim()) meta.title = foundTitle?.trim() || firstLineTitle(text);
  return { meta, origin, format, encoding, bytes, text, warnings };
}

/** A document id from a file name, the one rule for CLI, corpus and loadFile: "2016 Qu Urbanization.txt" → "2016-qu-urbanization". */
export function idFromPath(path: string): string {
  const slug = basename(path, extname(path)).normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return slug || 'doc';
}

/**
 * Reads one file (size checked before reading) and loads it. Metadata not given is filled with
 * neutral defaults: id from the file name, title from the text, kind "other".
 */
export function loadFile(path: string, meta: Partial<DocMeta> = {}, opts: { maxBytes?: number } = {}): RawDoc {
  const format = formatOf(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new LoadError(path, 'io', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  assertSize(size, path, opts.maxBytes ?? MAX_BYTES);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new LoadError(path, 'io', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return loadText({ bytes, format, origin: path, meta: fileMeta(path, meta), maxBytes: opts.maxBytes });
}

/** Metadata for a file: what is given, neutral defaults for the rest (id from the file name, title left to load, kind "other"). */
export function fileMeta(path: string, meta: Partial<DocMeta> = {}): DocMeta {
  return {
    id: meta.id ?? idFromPath(path),
    title: meta.title ?? '',
    kind: meta.kind ?? 'other',
    year: meta.year ?? null,
    authors: meta.authors ?? [],
    source: meta.source ?? null,
    url: meta.url ?? null,
  };
}
