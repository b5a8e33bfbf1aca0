import { REF_CLOSE, REF_OPEN, REFERENCE_ENTRY_START } from './lines.js';

/**
 * Footnote and reference-list lines. Both are citations, not running text: they must not become
 * sentences (extractors would find places and policies "stated" in a title), and `extract`
 * parses them into Works.
 */

export interface NoteLine {
  marker: string;
  /** where the note body starts inside the line */
  bodyOffset: number;
}

/** Text that reads like a citation or a source note rather than a sentence of the body. */
const NOTE_LIKE = /《|》|\[(?:[A-Z]{1,2}|[A-Z]{1,2}\/OL|EB\/OL)\]|https?\s*[:：]|www\s*\.|出版社|学报|年第?\s*\d+\s*期|\d{4}\s*[(（]\s*\d+\s*[)）]|\d{4}\s*[-年./]\s*\d|来源|参见|引自|转引|同上|同前|ibid|op\.\s*cit|et al|\bpp?\.\s*\d/i;

/** Does this note body look like a note (a source, a citation, a URL)? */
export function looksLikeNote(body: string): boolean {
  return NOTE_LIKE.test(body);
}

const CIRCLED = /^(?:\^\{([①-⑳]+)\}|\^([①-⑳])|([①-⑳]))\s*(?=\S)/u;
const BRACKETED = new RegExp(`^${REF_OPEN}\\s*(\\d{1,3})\\s*${REF_CLOSE}\\s*(?=\\S)`, 'u');
const ZHU = /^注\s*(\d{1,3}|[①-⑳])?\s*[:：.．、]?\s*(?=\S)/u;
const BARE_NUMBER = /^(\d{1,2})\s+(?=\S)/;

/**
 * Recognises a footnote line: ①…⑳ (also bulletin style ^①), [1] / ［1］, 注1 / 注：, or — at the
 * end of a document only — a bare number "1 ". Circled notes need only a non-empty body; the
 * others must look like a note, because [1] starts reference entries and "1 " starts many things.
 */
export function parseNoteLine(line: string, opts: { inTail: boolean }): NoteLine | null {
  const c = CIRCLED.exec(line);
  if (c) {
    const body = line.slice(c[0].length);
    if (!/[\p{L}\p{N}]/u.test(body)) return null;
    return { marker: c[1] ?? c[2] ?? c[3], bodyOffset: c[0].length };
  }
  const b = BRACKETED.exec(line);
  if (b && looksLikeNote(line.slice(b[0].length))) return { marker: `[${b[1]}]`, bodyOffset: b[0].length };
  const z = ZHU.exec(line);
  if (z && (z[1] || /^注\s*[:：]/.test(line)) && line.length > z[0].length) return { marker: `注${z[1] ?? ''}`, bodyOffset: z[0].length };
  const n = BARE_NUMBER.exec(line);
  if (n && opts.inTail && looksLikeNote(line.slice(n[0].length))) return { marker: n[1], bodyOffset: n[0].length };
  return null;
}

/**
 * Starts a new entry of a reference list: [1], ［1］ (also OCR-mixed [1］, [54」), 1. / 1．, or an
 * author block followed by "." ("方创琳. 题名[J]…", "Smith, J. …", "FANG C L, YU D L. …").
 */
export function isReferenceStart(line: string): boolean {
  return REFERENCE_ENTRY_START.test(line.trim());
}
