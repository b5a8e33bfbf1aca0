import {
  REF_CLOSE, REF_OPEN, REFERENCE_ENTRY_START, REFERENCE_HEADING, headingShape, startsCodedEntry, startsEntry, isNoteContinuation, startsWithNumbering, isTableRow, isTableSeparator, isTocLine, stripTrailingMarkers,
} from '../structure/lines.js';
import type { Warn } from './noise.js';

/**
 * Rebuilds paragraphs from PDF lines. PDF extraction ends a line wherever the page column ended
 * (often with a blank line after every line), splits paragraphs at page breaks and drops the
 * page's footnotes and page number into the middle of a sentence:
 *
 *     …按每个小城市到 2020 年
 *     ① 李克强：《协调推进城镇化是实现现代化的重大战略选择》，…
 *     3
 *     新增 10 万常住人口的发展目标，…
 *
 * A line continues the previous one when the previous one is running text that stops without
 * sentence-final punctuation and is long enough to be a full column line (or stops on ，、：…),
 * and the new line is running text too (not a heading, list item, table, TOC entry, field
 * line like "来源：…" or a short title). Footnote lines met inside an unfinished paragraph are
 * moved after it, URL fragments are glued back onto their note, and a lone marker line ("①")
 * is attached to the text it annotates.
 */

/** A wrapped column line is at least this long; shorter unfinished lines are titles, names, cover text. */
export const MIN_WRAP_CHARS = 25;
/** A short line without any punctuation after a wrapped line is a (sub)title, not a continuation. */
export const MAX_TITLE_CHARS = 25;

type Kind = 'heading' | 'toc' | 'table' | 'note' | 'marker' | 'list' | 'field' | 'ref' | 'body';

interface OutLine {
  text: string;
  kind: Kind;
  /** separator before this line: '\n' same block, '\n\n' new block */
  sep: string;
}

const MARKER_ONLY = /^(?:\^?\{?[①-⑳]+\}?)[\s\d]{0,4}$/u;
const NOTE_START = /^(?:\^\{?[①-⑳]+\}?|[①-⑳])\s*(?=\S)/u;
const LIST_START = /^(?:[•·▪●○◆◇■□►▶➢✓-]\s*|[-*]\s+|[(（]\d{1,2}[)）]|\d{1,2}[)）]|[a-z][.)]\s)/u;
const FIELD_START = /^(来源|作者|编辑|记者|发布时间|时间|日期|出处|原标题|通讯员|摄影|收稿日期|修回日期|出版日期|发布日期|通讯作者|基金项目|作者简介|作者单位|关键词|关键字|中图分类号|文献标识码|文章编号|DOI|Keywords?|Key words|Received|Online|地址|网址|邮编|电话|传真|电子邮箱)\s*[:：]/i;
const CLOSING_START = /^[。，、；：？！…）)》」』”’】〕,.;:?!%]/u;
const FINAL_CHARS = '。！？!?…';
const CLOSERS = '”’」』）)》】〕';
const OPEN_END = /[，,、（(《“‘：:；;—–-]$/u;
const DATE_END = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

function chars(s: string): number {
  return [...s].length;
}

/** Does the line end a sentence (。！？…, optionally inside a closing quote/bracket, ignoring note markers)? */
export function isFinal(line: string): boolean {
  const core = stripTrailingMarkers(line.trim());
  if (!core) return false;
  const last = core[core.length - 1];
  if (FINAL_CHARS.includes(last)) return true;
  if (CLOSERS.includes(last)) return FINAL_CHARS.includes(core[core.length - 2] ?? '');
  if (last === '.') return /[A-Za-z\p{Script=Han})\]>]\.$/u.test(core);
  return DATE_END.test(core);
}

function lineKind(t: string): Kind {
  if (MARKER_ONLY.test(t)) return 'marker';
  if (NOTE_START.test(t)) return 'note';
  if (isTableRow(t) || isTableSeparator(t)) return 'table';
  if (isTocLine(t)) return 'toc';
  if (headingShape(t)) return 'heading';
  // a reference entry outside a headed list ("方创琳. 2014. 题名[J]. …", "[3] …[J]. …"): never glued to a paragraph
  if (startsCodedEntry(t)) return 'ref';
  if (FIELD_START.test(t)) return 'field';
  if (LIST_START.test(t)) return 'list';
  return 'body';
}

/** Glue for two pieces of one line: nothing between Chinese, a space between Latin words. */
export function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

function titleLike(t: string): boolean {
  const core = stripTrailingMarkers(t);
  return chars(core) <= MAX_TITLE_CHARS && !/[。！？!?；;，,：:]/.test(core);
}

/** Short numbered lines without a full stop ("三、着力制度优势，…提高管理效率") are headings even when long. */
function numberedTitle(t: string): boolean {
  return startsWithNumbering(t) && chars(t) <= 60 && !/[。！？]/.test(t);
}

function canJoin(prev: OutLine, t: string, kind: Kind): boolean {
  // the wrapped rest of a reference entry that stopped mid-field ("…[J]. 行政" + "管理改革, 2012…")
  if (prev.kind === 'ref') return kind === 'body' && !/[.．。]$/.test(prev.text);
  if (prev.kind !== 'body' && prev.kind !== 'list') return false;
  if (kind !== 'body') return false;
  if (CLOSING_START.test(t)) return true;
  if (isFinal(prev.text) || numberedTitle(prev.text)) return false;
  const core = stripTrailingMarkers(prev.text);
  if (OPEN_END.test(core)) return true;
  // a column line of running text has punctuation somewhere; cover and copyright-page lines
  // ("中国版本图书馆 CIP 数据核字 (2015) 第 312850 号") do not
  const n = chars(core.replace(/\s+/g, ''));
  if (n < MIN_WRAP_CHARS || (n < 2 * MIN_WRAP_CHARS && !/[，、；：。“”《》（）,;]/.test(core))) return false;
  return !titleLike(t);
}

/** A numbered entry with a GB/T 7714 type code somewhere in the line ("…55-61.] [6]冯某.题名[J].…"). */
const ENTRY_INSIDE = new RegExp(`${REF_OPEN}\\s*\\d{1,3}\\s*${REF_CLOSE}[^\\[［]{2,200}[\\[［【]\\s*(?:[JMNCDRSZ]|EB)\\s*(?:\\/\\s*OL)?\\s*[\\]］】」]`);

/**
 * Do reference entries go on after line `from` (within the next 3 non-blank lines, a line that
 * starts an entry with a type code, or carries a numbered one after a wrapped fragment)? Then a
 * heading met inside the list is a page header, not the end of the list.
 */
function entriesFollow(rows: string[], from: number): boolean {
  let seen = 0;
  for (let i = from; i < rows.length && seen < 3; i++) {
    const t = rows[i].trim();
    if (!t) continue;
    seen++;
    if (headingShape(t) && !REFERENCE_ENTRY_START.test(t)) return false;
    if (startsCodedEntry(t) || ENTRY_INSIDE.test(t)) return true;
  }
  return false;
}

/** Joins PDF line wraps, relocates page-bottom footnotes, glues marker lines. See the module comment. */
export function joinWrappedLines(text: string, warn: Warn = () => {}): string {
  const out: OutLine[] = [];
  let pending: OutLine[] = [];
  let last: OutLine | null = null;
  let lastNote: OutLine | null = null;
  let blanks = 0;
  let inRefs = false;
  let joins = 0;
  let moved = 0;
  let dropped = 0;

  const push = (line: OutLine) => {
    out.push(line);
    blanks = 0;
  };
  const flushNotes = () => {
    pending.forEach((n, i) => push({ ...n, sep: i === 0 ? '\n\n' : '\n' }));
    pending = [];
  };

  const rows = text.split('\n');
  for (let r = 0; r < rows.length; r++) {
    const t = rows[r].trim();
    if (!t) { blanks++; continue; }
    let kind = lineKind(t);

    if (lastNote && kind !== 'note' && kind !== 'marker' && isNoteContinuation(t)) {
      lastNote.text = joinText(lastNote.text, t);
      blanks = 0;
      continue;
    }
    if (kind === 'marker') {
      if (last && (last.kind === 'body' || last.kind === 'list')) last.text += t.replace(/[\s\d]/g, '');
      continue;
    }
    if (kind === 'note') {
      const note: OutLine = { text: t, kind, sep: '\n' };
      if (!inRefs && last && (last.kind === 'body' || last.kind === 'list') && !isFinal(last.text) && out[out.length - 1] === last) {
        pending.push(note);
        moved++;
      } else {
        note.sep = out.length && out[out.length - 1].kind === 'note' ? '\n' : '\n\n';
        push(note);
      }
      lastNote = note;
      blanks = 0;
      continue;
    }
    lastNote = null;

    if (inRefs) {
      if (kind === 'heading' && !REFERENCE_HEADING.test(t) && entriesFollow(rows, r + 1)) {
        // a running page header (the journal name) printed between two pages of the list
        dropped++;
        continue;
      } else if (kind === 'heading' && !REFERENCE_HEADING.test(t)) {
        inRefs = false;
      } else if (last && last.kind === 'ref' && !startsEntry(t, last.text)) {
        last.text = joinText(last.text, t);
        joins++;
        blanks = 0;
        continue;
      } else if (kind !== 'heading') {
        kind = 'ref';
      }
    }

    if (last && canJoin(last, t, kind)) {
      last.text = joinText(last.text, t);
      joins++;
      blanks = 0;
      continue;
    }

    flushNotes();
    const prev = out[out.length - 1];
    let sep = '\n';
    if (!prev) sep = '';
    else if (kind === 'ref' && prev.kind === 'ref') sep = '\n';
    else if (prev.kind === 'note' || blanks > 0 || kind === 'heading' || prev.kind === 'heading') sep = '\n\n';
    else if (prev.kind === 'body' && kind === 'body' && isFinal(prev.text)) sep = '\n\n';
    const line: OutLine = { text: t, kind, sep };
    push(line);
    last = line;
    if (kind === 'heading' && REFERENCE_HEADING.test(t)) inRefs = true;
  }
  flushNotes();
  if (joins) warn(`joined ${joins} wrapped line(s)`);
  if (moved) warn(`moved ${moved} page-bottom footnote(s) after the paragraph they interrupted`);
  if (dropped) warn(`dropped ${dropped} page header(s) inside the reference list`);
  return out.map((l) => l.sep + l.text).join('');
}
