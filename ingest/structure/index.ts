import type { CleanDoc, Footnote, Section, Sentence, StructuredDoc } from '../types.js';
import {
  BRACKETED_REF_NUMBER, GLUED_REFERENCE_HEADING, startsEntry, INLINE_REFERENCE_HEADING, MAX_HEADING_CHARS, REF_CLOSE, REF_OPEN, REFERENCE_CODE, REFERENCE_HEADING, headingShape, isNoteContinuation, isTableRow, isTableSeparator, isTocLine, stripTrailingMarkers,
} from './lines.js';
import { isReferenceStart, parseNoteLine } from './notes.js';
import { splitSentences } from './sentences.js';

export { headingShape, isTocLine, isTableRow, startsWithNumbering, MAX_HEADING_CHARS } from './lines.js';
export { splitSentences, MAX_PROTECTED_QUOTE, MIN_SEMICOLON_CLAUSE } from './sentences.js';
export { parseNoteLine, looksLikeNote, isReferenceStart } from './notes.js';

/**
 * CleanDoc → sections, paragraphs, sentences, footnotes, reference list.
 *
 * Works line by line on the normalized text (normalize has already rejoined wrapped lines, so a
 * line is a paragraph or a heading, a note, a table row). Every span is an exact range of
 * `doc.text`: `doc.text.slice(s.start, s.end) === s.text` for sentences, notes and references.
 *
 * - A heading line starts a section and is its own sentence ("第一章" followed by a title line
 *   "导论" is one section "第一章 导论"). Markdown `#` marks are outside the sentence span.
 * - Lines after 参考文献/References/注释 are reference entries until the next heading; an entry
 *   starts with [n], ［n］, n. or "Author." and absorbs continuation lines.
 * - Footnote lines (①…, ^①…, [n]/注n that read like a note, bare "n " in the document tail)
 *   become `footnotes`, with URL fragments on the following line(s) joined in.
 * - TOC lines (page numbers after a tab or dot leaders, `| title | n |` rows) and table
 *   separators are skipped; other table rows are one sentence each (cells kept together).
 * - Paragraph numbers count blank-line separated blocks that produced sentences (dense, from 0).
 */

interface Line {
  text: string;
  start: number;
  end: number;
}

/** Splits text into lines with offsets; `text`/`start`/`end` are the trimmed content. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    lines.push({ text: t, start: pos + lead, end: pos + lead + t.length });
    pos += raw.length + 1;
  }
  return lines;
}

/** Index of the first line of the trailing run of note lines (the "notes after the body"), lines.length if none. */
function tailStart(lines: Line[]): number {
  let k = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i].text;
    if (!t) continue;
    if (parseNoteLine(t, { inTail: true }) || isNoteContinuation(t)) k = i;
    else break;
  }
  return k;
}

function headingText(t: string): string {
  return stripTrailingMarkers(t.replace(/^#{1,6}\s+/, '')).replace(/\s+/g, ' ').trim();
}

/** A bracketed reference number anywhere in a line (global; reset lastIndex before use). */
const BRACKETED_ANYWHERE = new RegExp(`${REF_OPEN}\\s*(\\d{1,3})\\s*${REF_CLOSE}`, 'g');

/**
 * Reference entries inside one line from `from` on: a line that normalize joined ("[1] …4-10.[2] …",
 * "1. …5-21.2. …") splits before each next number in sequence ([n+1] / ［n+1］, or n+1. when the
 * entries are numbered that way). Returns [start, end) pairs, trimmed; the first span starts at
 * `from` (after leading spaces) even when it has no marker.
 */
function entrySpans(t: string, from: number): [number, number][] {
  const cuts: number[] = [];
  let a = from;
  while (a < t.length && /\s/.test(t[a])) a++;
  cuts.push(a);
  const head = t.slice(a);
  const bracket = BRACKETED_REF_NUMBER.exec(head);
  const dotted = bracket ? null : /^(\d{1,3})[.．](?!\d)\s*/.exec(head);
  const first = bracket ?? dotted;
  let next = first ? Number(first[1]) + 1 : null;
  const re = dotted ? /(?<!\d)(\d{1,3})[.．](?!\d)\s*(?=\S)/g : BRACKETED_ANYWHERE;
  re.lastIndex = a + (first ? first[0].length : 0);
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const n = Number(m[1]);
    // the next number in sequence; one number may be missing (OCR dropped or misread its marker)
    // when the entry after the gap carries a type code
    const coded = () => REFERENCE_CODE.test(t.slice(m!.index, m!.index + 200));
    if (next !== null && n !== next && !(n === next + 1 && coded())) continue;
    // an entry ends before the next marker: . 。 ) ] digits, a URL or a page range
    const before = t.slice(0, m.index);
    if (dotted ? !/[.。．)）\]］]\s*$/.test(before) || !coded() : !/[.。．)）\]］】」』\d\w/\s]$/.test(before)) continue;
    cuts.push(m.index);
    next = n + 1;
  }
  const out: [number, number][] = [];
  for (let i = 0; i < cuts.length; i++) {
    let b = i + 1 < cuts.length ? cuts[i + 1] : t.length;
    while (b > cuts[i] && /\s/.test(t[b - 1])) b--;
    if (b > cuts[i]) out.push([cuts[i], b]);
  }
  return out;
}

/** n. / n．, here also with a space before the dot ("1 . 题名"), which REFERENCE_ENTRY_START does not take. */
const DOTTED_NUMBER = /^\d{1,3}\s*[.．](?!\d)\s*\S/;

/**
 * An entry start: numbered ([n], ［n］, OCR-mixed [n］/[n」, n. / n．), or (author–year lists) an
 * author block closed by "." ("方创琳. 2014. …").
 */
function entryStart(t: string): boolean {
  return isReferenceStart(t) || DOTTED_NUMBER.test(t);
}

/**
 * A GB/T 7714-shaped entry: numbered or led by its authors, a type code ([J], [M], [N], [EB/OL] …)
 * within its first 200 characters with no sentence end before it, and a year or publisher after
 * the author/title part.
 */
export function isGbtEntry(entry: string): boolean {
  const t = entry.trim();
  if (!entryStart(t)) return false;
  const code = REFERENCE_CODE.exec(t.slice(0, 200));
  if (!code) return false;
  const pre = t.slice(0, code.index);
  if (/[。！？]/.test(pre) || !/[.．,，]/.test(pre.replace(/^\d{1,3}\s*[.．]/, '').replace(BRACKETED_REF_NUMBER, ''))) return false;
  // the year follows the type code, or (author–year lists) the author block: "方创琳. 2014. 题名[J]"
  // (OCR may print 0 as O: 2O17)
  return /(?:19|2[0O])[\dO]\d|出版社/.test(t.slice(code.index)) || /^[^\[［]{2,80}?[.．]\s*(?:19|20)\d{2}[a-z]?\s*[.．]/.test(pre);
}

/** The bracketed English translation printed after a Chinese entry ("[YANG Yu,LI Jun.The …[J].…]"). */
function isTranslation(t: string): boolean {
  if (!/^[\[［]\s*[A-Z][A-Za-z'’-]*[\s,.]/.test(t)) return false;
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  return han <= [...t].length * 0.1;
}

/**
 * Reference lists without a recognised heading: runs of at least 3 GB/T 7714 entries (counting
 * entries that normalize glued onto one line), each entry line possibly followed by wrapped
 * continuation lines. Returns first line → last line of each run (inclusive).
 */
function referenceRuns(lines: Line[]): Map<number, number> {
  const runs = new Map<number, number>();
  let start = -1;
  let end = -1;
  let count = 0;
  const close = () => {
    if (start >= 0 && count >= 3) runs.set(start, end);
    start = end = -1;
    count = 0;
  };
  let prev = -1; // the last non-blank line
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t) continue;
    const last = prev;
    prev = i;
    if (entryStart(t)) {
      // the year of the last entry may sit on a wrapped line ("…[J]. 行政" / "管理改革, 2012(11): 4-10.")
      const next = lines[i + 1]?.text ?? '';
      const wrap = next && !entryStart(next) && !/[。！？]\s*\S/.test(next) ? next : '';
      const spans = entrySpans(t, 0);
      const n = spans.filter(([a, b], k) => isGbtEntry(t.slice(a, b) + (k === spans.length - 1 ? wrap : ''))).length;
      if (n) {
        if (start < 0) start = i;
        end = i;
        count += n;
        continue;
      }
    } else if (start >= 0 && ((end === i - 1 && [...t].length <= 150 && !/[。！？]\s*\S/.test(t) && !headingShape(t)) || (end === last && isTranslation(t)))) {
      end = i; // a wrapped continuation ("管理改革, 2012(11): 4-10.") or the entry's English translation (blank lines between allowed)
      continue;
    }
    close();
  }
  close();
  return runs;
}

/** Splits a line whose tail is a reference-list heading ("…主体形态。参考文献：[1] …") in two. */
function splitGluedHeadings(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const m = GLUED_REFERENCE_HEADING.exec(l.text);
    const at = m ? m.index + m[0].length - m[1].length : 0;
    if (!m || at <= 0 || !l.text.slice(0, m.index).trim()) {
      out.push(l);
      continue;
    }
    const pre = l.text.slice(0, m.index).trimEnd();
    out.push({ text: pre, start: l.start, end: l.start + pre.length });
    out.push({ text: l.text.slice(at), start: l.start + at, end: l.end });
  }
  return out;
}

const BARE_CHAPTER = /^第[一二三四五六七八九十百零〇\d]+[章篇部编]$/;

/** CleanDoc → StructuredDoc. Pure. */
export function structure(doc: CleanDoc): StructuredDoc {
  const { text } = doc;
  const lines = splitGluedHeadings(linesOf(text));
  const tail = tailStart(lines);
  const autoRefs = referenceRuns(lines);
  let autoEnd = -1; // last line of a heading-less reference list being read
  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  const footnotes: Footnote[] = [];
  const referenceLines: Line[] = [];

  let paragraph = -1;
  let blockHasSentence = false;
  let inRefs = false;
  let lastNote: Footnote | null = null;
  let lastRef: Line | null = null;
  let mergeTitleInto: Section | null = null;

  const section = (): Section => {
    if (!sections.length) sections.push({ ordinal: 0, heading: null, level: 0, start: 0, end: text.length });
    return sections[sections.length - 1];
  };
  const addSentence = (start: number, end: number) => {
    if (start >= end) return;
    if (!blockHasSentence) { paragraph++; blockHasSentence = true; }
    sentences.push({ ordinal: sentences.length, section: section().ordinal, paragraph, start, end, text: text.slice(start, end) });
  };
  /** A heading line: a sentence and a paragraph of its own. */
  const addHeadingSentence = (start: number, end: number) => {
    blockHasSentence = false;
    addSentence(start, end);
    blockHasSentence = false;
  };
  /** Closes the current section at `start` (or opens the untitled front part) and opens a new one there. */
  const openSection = (start: number, heading: string, level: number): Section => {
    if (sections.length) sections[sections.length - 1].end = start;
    else if (text.slice(0, start).trim()) sections.push({ ordinal: 0, heading: null, level: 0, start: 0, end: start });
    const s: Section = { ordinal: sections.length, heading, level, start, end: text.length };
    sections.push(s);
    return s;
  };
  const addRef = (start: number, end: number): Line => {
    const ref = { text: text.slice(start, end), start, end };
    referenceLines.push(ref);
    return ref;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (!t) { blockHasSentence = false; lastNote = null; continue; }

    if (autoEnd >= 0 && i > autoEnd) {
      inRefs = false;
      autoEnd = -1;
      lastRef = null;
    }
    if (!inRefs && autoRefs.has(i)) {
      // a reference list without a heading (lost in scraping): read its entries, no section
      inRefs = true;
      autoEnd = autoRefs.get(i)!;
      lastRef = null;
      lastNote = null;
      blockHasSentence = false;
    }

    if (isTableSeparator(t) || isTocLine(t)) { lastNote = null; continue; }

    if (mergeTitleInto) {
      // "第一章" on one line, "导论" on the next: one section "第一章 导论", two heading sentences
      const core = stripTrailingMarkers(t);
      const target = mergeTitleInto;
      mergeTitleInto = null;
      if (!/^(第|#)/.test(core) && [...core].length <= MAX_HEADING_CHARS && !/[。！？!?，,；;]/.test(core) && !isTableRow(t)) {
        target.heading = `${target.heading} ${headingText(t)}`;
        addHeadingSentence(line.start, line.end);
        continue;
      }
    }

    // "参考文献：[1] 李克强. …[2] …": the heading and the first entries share one line
    const inline = inRefs ? null : INLINE_REFERENCE_HEADING.exec(t);
    if (inline) {
      lastNote = null;
      lastRef = null;
      inRefs = true;
      autoEnd = -1;
      const head = t.slice(0, inline[0].length).trimEnd();
      openSection(line.start, headingText(head), 1);
      addHeadingSentence(line.start, line.start + head.length);
      for (const [a, b] of entrySpans(t, inline[0].length)) lastRef = addRef(line.start + a, line.start + b);
      continue;
    }

    const heading = headingShape(t);
    if (heading && !(inRefs && !REFERENCE_HEADING.test(t) && heading.level >= 4)) {
      lastNote = null;
      lastRef = null;
      inRefs = REFERENCE_HEADING.test(t);
      autoEnd = -1;
      const title = headingText(t);
      const md = /^#{1,6}\s+/.exec(t);
      const s = openSection(line.start, title, heading.level);
      mergeTitleInto = BARE_CHAPTER.test(title) ? s : null;
      addHeadingSentence(line.start + (md ? md[0].length : 0), line.end);
      continue;
    }

    if (inRefs) {
      let spans = entrySpans(t, 0);
      if (lastRef && !startsEntry(t, lastRef.text)) {
        // a continuation line, possibly followed by entries joined onto it
        const [, b0] = spans[0];
        lastRef.end = line.start + b0;
        lastRef.text = text.slice(lastRef.start, lastRef.end);
        spans = spans.slice(1);
      }
      for (const [a, b] of spans) lastRef = addRef(line.start + a, line.start + b);
      continue;
    }

    const note = parseNoteLine(t, { inTail: i >= tail });
    if (!note && lastNote && isNoteContinuation(t)) {
      lastNote.end = line.end;
      lastNote.text = text.slice(lastNote.start, lastNote.end);
      continue;
    }
    if (note) {
      const start = line.start + note.bodyOffset;
      lastNote = { marker: note.marker, text: text.slice(start, line.end), start, end: line.end };
      footnotes.push(lastNote);
      continue;
    }
    lastNote = null;

    if (isTableRow(t)) {
      const inner = /^\|\s*(.*?)\s*\|$/.exec(t);
      if (inner && /[\p{L}\p{N}]/u.test(inner[1])) {
        const start = line.start + t.indexOf(inner[1], 1);
        addSentence(start, start + inner[1].length);
      }
      continue;
    }

    for (const span of splitSentences(t)) addSentence(line.start + span.start, line.start + span.end);
  }

  // sections end where their text ends, not at the blank lines before the next heading
  for (const s of sections) {
    let e = s.end;
    while (e > s.start && /\s/.test(text[e - 1])) e--;
    s.end = e;
  }
  return { ...doc, sections, sentences, footnotes, referenceLines };
}
