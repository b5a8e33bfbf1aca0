import { NOTE_MARKER } from './lines.js';

/**
 * Sentence splitting inside one line of normalized text. Returns spans relative to the line, so
 * callers add the line's offset and `text.slice(start, end)` is exactly the sentence.
 *
 * Rules (Chinese academic and news prose):
 * - split after 。！？!? and after an ellipsis ……;
 * - split after ；/; only when the clause before it has ≥ 10 characters (enumerations
 *   "一是…；二是…" become separate sentences, "甲；乙" does not);
 * - keep closing quotes/brackets ”’」』）》 and footnote markers (①, ^①, [1]) with the sentence
 *   they close ("…提高了1.99个百分点①。" stays whole);
 * - never split inside “…” or 《…》 spans shorter than 60 characters (quoted speech and titles
 *   with a 。 inside stay in their sentence); longer quotes are split normally;
 * - English: split after . ? ! followed by a space and a capital letter, except after
 *   abbreviations (Vol., No., et al.) and initials;
 * - whitespace is trimmed; pieces that are only punctuation or markers join the previous sentence.
 */

export interface Span {
  start: number;
  end: number;
}

/** Quoted/titled spans shorter than this are never split. */
export const MAX_PROTECTED_QUOTE = 60;
/** A clause must be this long before ；ends a sentence. */
export const MIN_SEMICOLON_CLAUSE = 10;

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '｡']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕', '"', '\'']);
const PAIRS: [string, string][] = [['“', '”'], ['《', '》'], ['「', '」'], ['『', '』']];
const MARKER_AT = new RegExp(`^(?:${NOTE_MARKER})`, 'u');
const ABBREV = /(?:\b(?:Vol|No|Nos|Fig|Figs|pp|p|Eq|eq|et al|etc|e\.g|i\.e|vs|Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|Co|Jr|Sr|St|Dept|Univ|Ed|Eds|ed|eds|cf|approx)|\b[A-Z])$/;

/** Marks the characters inside short quote/title pairs (same line, properly nested per kind). */
function protectedMask(line: string): Uint8Array {
  const mask = new Uint8Array(line.length);
  for (const [open, close] of PAIRS) {
    const stack: number[] = [];
    for (let i = 0; i < line.length; i++) {
      if (line[i] === open) stack.push(i);
      else if (line[i] === close && stack.length) {
        const o = stack.pop()!;
        if (i - o < MAX_PROTECTED_QUOTE) mask.fill(1, o + 1, i);
      }
    }
  }
  return mask;
}

function meaningful(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s.replace(/^(?:\^\{[①-⑳,，\s]+\}|\^?[①-⑳]+)+/u, ''));
}

/** Extends an end index over closing quotes, more terminators and footnote markers. */
function absorbTail(line: string, end: number): number {
  let e = end;
  for (;;) {
    const c = line[e];
    if (c !== undefined && (TERMINATORS.has(c) || CLOSERS.has(c) || c === '…')) { e++; continue; }
    const m = MARKER_AT.exec(line.slice(e));
    if (m) { e += m[0].length; continue; }
    return e;
  }
}

function nonSpaceLength(line: string, from: number, to: number): number {
  return [...line.slice(from, to).replace(/\s+/g, '')].length;
}

/** Splits one line into sentence spans (relative offsets, trimmed, non-empty). */
export function splitSentences(line: string): Span[] {
  const mask = protectedMask(line);
  const raw: Span[] = [];
  let s = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    let end = -1;
    if (!mask[i]) {
      if (TERMINATORS.has(c)) end = i + 1;
      else if (c === '…' && line[i + 1] === '…') {
        let k = i;
        while (line[k] === '…') k++;
        // "……" ends a sentence unless a closing mark or more text in the same clause follows directly
        end = k;
      } else if ((c === '；' || c === ';') && nonSpaceLength(line, s, i) >= MIN_SEMICOLON_CLAUSE) end = i + 1;
      else if (c === '.' && /^\s+[A-Z]/.test(line.slice(i + 1)) && /[a-z0-9)"'\]]$/.test(line.slice(s, i)) && !ABBREV.test(line.slice(Math.max(s, i - 8), i))) end = i + 1;
    }
    if (end < 0) { i++; continue; }
    end = absorbTail(line, end);
    raw.push({ start: s, end });
    s = end;
    i = end;
  }
  if (s < line.length) raw.push({ start: s, end: line.length });

  const out: Span[] = [];
  for (const r of raw) {
    let { start, end } = r;
    while (start < end && /\s/.test(line[start])) start++;
    while (end > start && /\s/.test(line[end - 1])) end--;
    if (start >= end) continue;
    const piece = line.slice(start, end);
    if (!meaningful(piece)) {
      // a stray "。" or "①" belongs to the sentence before it
      if (out.length) out[out.length - 1].end = end;
      continue;
    }
    out.push({ start, end });
  }
  return out;
}
