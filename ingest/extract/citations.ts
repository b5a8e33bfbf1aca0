import type { Citation, CitationKind, Sentence, StructuredDoc } from '../types.js';
import { REF_CLOSE, REF_OPEN } from '../structure/lines.js';

/**
 * Cited works from a document's reference list (GB/T 7714 lines) and footnotes (either GB/T 7714
 * or the book-style `作者：《题名》，《刊名》，2012 年第 12 期。`), with the sentences that cite them.
 *
 * Markers: a reference line's own marker ([1], ［1］, OCR-mixed [1］ / [54」, 1., ①, ^①), always
 * normalised to ASCII [n], or the footnote's marker. Sentences cite through [1], [1,3], [2-4],
 * ［1］, ①②, ^{①②}; a sentence that is only a marker (PDF text puts ① on its own line before 。)
 * cites for the sentence before it; when the reference list is numbered and the text never cites
 * with brackets, bare digits glued to the end of a sentence (…的作用1。) count as [n] too. Circled
 * markers restart on every page, so a ① in running text points to the nearest footnote ① that
 * follows it (else the nearest before). Author–year citations （李小建，2012；Fang et al., 2016） /
 * 李小建（2012） are linked to the reference whose first author and year match; unmatched ones are
 * ignored (a Work without a title is not worth a node).
 *
 * Fields: authors as printed without 等/et al.; the type code as printed (J/OL stays J/OL); a
 * journal's bracketed English translation of the entry and a （English） tag are ignored; the year
 * is the entry's own (never the URL path or the access date).
 */

export type ParsedReference = Omit<Citation, 'start' | 'end' | 'citedFrom' | 'marker'> & { marker: string | null };

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const YEAR = /(?<!\d)((?:19|20)\d{2})/;
const URL_RE = /<?\s*(?:https?|ftp)\s*[:：]\s*\/\s*\/[\s\S]*$/i;

const LEADING_NUMBER = new RegExp(`^${REF_OPEN}\\s*(\\d{1,4})\\s*${REF_CLOSE}\\s*`);

/** Splits off a leading marker: [1] ［1］ [1］ [54」 1. ① ^① ^{①}. Returns the normalised marker ("[1]", "①"). */
export function splitMarker(line: string): { marker: string | null; rest: string } {
  const t = line.replace(/^\s+/, '');
  let m = /^\^?\{?([①-⑳])\}?\s*/.exec(t);
  if (m) return { marker: m[1], rest: t.slice(m[0].length) };
  m = LEADING_NUMBER.exec(t);
  if (m) return { marker: `[${Number(m[1])}]`, rest: t.slice(m[0].length) };
  m = /^(\d{1,3})\s*[.．、)）](?!\d)\s*/.exec(t);
  if (m) return { marker: `[${Number(m[1])}]`, rest: t.slice(m[0].length) };
  return { marker: null, rest: t };
}

const POLICY_TITLE =
  /(?:规划|纲要|意见|通知|决定|办法|条例|方案|规定|细则|计划|公报|政府工作报告|(?<![方看想做说写用手])法)(?:\s*[（(][^）)]*[）)])?\s*$/;

export function isPolicyTitle(title: string): boolean {
  return POLICY_TITLE.test(title.trim()) || /^关于.{2,}的(?:若干|指导)?(?:意见|通知|决定)/.test(title.trim());
}

function kindFromCode(code: string): CitationKind {
  const c = code.toUpperCase().replace(/\s+/g, '');
  const known: Record<string, CitationKind> = {
    J: 'J', N: 'N', M: 'M', C: 'C', D: 'D', R: 'R', S: 'S', Z: 'Z', G: 'M',
    'EB/OL': 'EB/OL', 'DB/OL': 'EB/OL', 'N/OL': 'N/OL', 'J/OL': 'J/OL', 'M/OL': 'M/OL', 'D/OL': 'D/OL',
    'C/OL': 'C/OL', 'R/OL': 'R/OL', 'S/OL': 'S/OL', 'Z/OL': 'Z/OL', EB: 'EB/OL', OL: 'EB/OL',
  };
  if (known[c]) return known[c];
  // OCR noise such as [IN/OL]
  if (/N\/OL$/.test(c)) return 'N/OL';
  return 'unknown';
}

const NAME_SUFFIX = /(?:等著|等编著|等编|等主编|主编|编著|等译|著者|合著|编|著|译|撰|等)$/;

/** Author list: split on , ， 、 ; and spaces between Chinese names; strips 著/编/主编, 等, et al., [美]. */
export function splitAuthors(block: string): string[] {
  let b = block.trim().replace(/[.．。:：]+$/, '').trim();
  // et al. / OCR etal (…,OLIVERGunther,etal.) / 等
  b = b.replace(/(?:(?:^|[\s,，])\s*et\s*al\.?|\s*等)\s*$/i, '');
  const out: string[] = [];
  for (let piece of b.split(/[,，、;；]|\s+(?:and|&)\s+/)) {
    piece = piece.trim().replace(/^[\[［(（〔][^\]］)）〕]{1,4}[\]］)）〕]\s*/, '');
    piece = piece.replace(/\s*(?:et\s+al\.?)$/i, '');
    if (/^[\u4e00-\u9fff\s·]+$/.test(piece)) {
      // Chinese: spaces separate names (曲峰庚 董宇鸿) unless every part is one character (韦 江)
      const parts = piece.split(/\s+/).filter(Boolean);
      const names = parts.every((p) => p.length === 1) ? [parts.join('')] : parts;
      for (let n of names) {
        if (n.length > 2) n = n.replace(NAME_SUFFIX, '');
        if (n) out.push(n);
      }
    } else if (/^(?:[A-Z](?:[.．]|(?=[\s-]|$))\s*-?\s*)+$/.test(piece) && out.length && !/\p{Script=Han}/u.test(out[out.length - 1])) {
      // "Smith, J. A., Jones, B.": initials after a comma belong to the surname before them
      out[out.length - 1] = `${out[out.length - 1]}, ${piece.replace(/[.．]$/, '')}`;
    } else if (piece) {
      out.push(piece.replace(NAME_SUFFIX, '').replace(/(?<=[A-Za-z])[.．]$/, '').trim());
    }
  }
  return out.filter(Boolean);
}

function looksLikeAuthorBlock(block: string): boolean {
  const b = block.trim();
  if (!b || b.length > 80) return false;
  const parts = b.split(/[,，、;；]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length || parts.length > 30) return false;
  return parts.every((p) => p.length <= 40 && !/[《》“”"]/.test(p));
}

/** A language tag some journals print after an English title: （English）, (in Chinese). */
const LANGUAGE_TAG = /\s*[（(]\s*(?:in\s+)?(?:English|Chinese|英文|中文)\s*[）)]\s*$/i;

function cleanTitle(t: string): string {
  return t.replace(/^[\s.．。,，:：]+|[\s.．。,，:：]+$/g, '').replace(LANGUAGE_TAG, '').trim();
}

/**
 * Where the author block of a GB/T 7714 entry ends: the first "." that is not inside a number
 * (2.0), not an English initial followed by more of the name or list ("SMITH J. A., JONES B.",
 * "M.波特") — but a "." between a Chinese name and a title starting with digits
 * ("刘盛和.2010中国城市群发展报告") does separate. -1 when there is none.
 */
export function authorSeparator(pre: string): number {
  const re = /[.．]/g;
  for (let m = re.exec(pre); m; m = re.exec(pre)) {
    const i = m.index;
    const prev = pre[i - 1] ?? '';
    const next = pre.slice(i + 1);
    if (/\d/.test(prev)) continue;
    if (/^\d/.test(next) && !/\p{Script=Han}/u.test(prev)) continue;
    const initial = /(?:^|[\s,，.．\-])[A-Z]$/.test(pre.slice(0, i));
    // "J. A., …" continues the name; "J. A study of …" starts the title
    if (initial && /^(?:\s*[A-Z][.．,，]|\s*[,，;；]|-[A-Z]|\s*(?:and|&)\s|\p{Script=Han})/u.test(next)) continue;
    return i;
  }
  return -1;
}

/** OCR reads 0 as O inside numbers ("2O15"); one character for one, so offsets stay valid. */
function fixOcrDigits(s: string): string {
  return s.replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0');
}

/**
 * The year field of a GB/T 7714 tail: a year standing between separators (", 2015, 70(3)",
 * "(2016-02-06)", "2014-05-19(10)", "2016年"), so a year inside a proceedings or report title
 * ("——2016中国城市规划年会论文集") is passed over. Returns the year and where it starts, else the
 * first year anywhere.
 */
function yearField(s: string): { year: number; at: number } | null {
  const t = fixOcrDigits(s);
  const f = /(?:^|[\s,，.．;；:：(（])((?:19|20)\d{2})(?=\s*(?:$|[,，.．;；:：(（)）\-/年]))/.exec(t);
  if (f) return { year: Number(f[1]), at: f.index + f[0].length - f[1].length };
  const m = YEAR.exec(t);
  return m ? { year: Number(m[1]), at: m.index } : null;
}

/**
 * The bracketed English translation journals print after a Chinese entry ("…2015, 70(3): 1-10.
 * [ZHANG San. Title[J]. …]") is not part of the reference: cut it, so its [J] and year are never
 * read. An English entry (no Chinese before the bracket) is left alone.
 */
export function stripTranslation(body: string): string {
  const re = /[\[［](?=\s*[A-Z][A-Za-z'’-]*[\s,.，])/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const before = body.slice(0, m.index);
    if (!/\p{Script=Han}/u.test(before)) return body;
    const after = body.slice(m.index);
    const han = (after.match(/\p{Script=Han}/gu) ?? []).length;
    if (han <= after.length * 0.1) return before.trimEnd();
  }
  return body;
}

/** GB/T 7714: `作者. 题名[J]. 刊名, 2017(1): 15-24.` and friends. */
function parseGbt(rest: string, tag: RegExpExecArray): Omit<ParsedReference, 'marker' | 'raw'> {
  const pre = rest.slice(0, tag.index);
  let post = rest.slice(tag.index + tag[0].length);
  let kind = kindFromCode(tag[2] ? `${tag[1]}/${tag[2]}` : tag[1]);

  // authors. title
  let authors: string[] = [];
  let title = pre;
  const sep = authorSeparator(pre);
  if (sep >= 0 && looksLikeAuthorBlock(pre.slice(0, sep))) {
    authors = splitAuthors(pre.slice(0, sep));
    title = pre.slice(sep + 1);
  }
  // author–year variant of GB/T 7714: "作者. 2014. 题名[J]. 刊名, 69(8): 1130-1144."
  const leadYear = /^\s*((?:19|20)\d{2})[a-z]?\s*[.．]\s*(?=\S)/.exec(title);
  if (leadYear && authors.length) title = title.slice(leadYear[0].length);
  title = cleanTitle(title);

  // venue, year: drop URL, access date [2017-10-26], DOI
  const urlAt = post.search(/<?\s*(?:https?|ftp)\s*[:：]\s*\/\s*\//i);
  let body = urlAt >= 0 ? post.slice(0, urlAt) : post;
  body = body.replace(/[\[［]\s*(?:19|20)\d{2}[-./]?\d{0,2}[-./]?\d{0,2}\s*[\]］]/g, ' ').replace(/DOI\s*[:：]\s*\S+/i, ' ');
  let venue: string | null = null;
  let year: number | null = null;
  let lead = body.replace(/^[\s.．。]+/, '');
  const proceedings = lead.startsWith('//');
  if (proceedings) lead = lead.slice(2);
  const ym = leadYear && authors.length ? null : yearField(lead);
  if (ym) {
    year = ym.year;
    venue = lead.slice(0, ym.at);
  } else if (leadYear && authors.length) {
    // the year came first: the venue runs to its volume/issue (", 69(8)") or pages
    year = Number(leadYear[1]);
    const vol = /\s*[,，]\s*(?:\d|[(（])|\s*[(（]\s*\d|\s*[:：]\s*\d/.exec(lead);
    venue = vol && !/^(?:M|D|R|S|C)(?:\/OL)?$/.test(kind) ? lead.slice(0, vol.index) : lead;
  } else {
    venue = lead;
  }
  venue = (venue ?? '').replace(/[\s,，.．:：;；(（]+$/, '').replace(/^[\s.．,，]+/, '');
  if (proceedings) {
    // [C]//编者. 论文集名. 出版地: 出版者
    const segs = venue.split(/(?<!\d)[.．](?!\d)/).map((x) => x.trim()).filter(Boolean);
    if (segs.length >= 2 && looksLikeAuthorBlock(segs[0]) && segs[0].length <= 20) segs.shift();
    venue = segs[0] ?? '';
  } else if (/^(?:M|D|R|S|C)(?:\/OL)?$/.test(kind) && /[:：]/.test(venue)) {
    venue = venue.slice(venue.search(/[:：][^:：]*$/) + 1).trim();
  }
  if (/^[\d\s\-/()（）.]*$/.test(venue)) venue = '';
  // no year from the URL path: a page without a publication date has none (GB/T 7714 dates it
  // with (更新日期), and the access date [2017-10-26] is not its year)
  // The printed GB/T 7714 type wins ([EB/OL] stays EB/OL); only untyped entries get 'policy'.
  if (kind === 'unknown' && isPolicyTitle(title)) kind = 'policy';
  return { authors, title, venue: venue || null, year, kind };
}

/** Footnote style: `作者：《题名》，《刊名》，2012 年第 12 期。`, `作者：《书名》，出版社，2010 年版，第 N 页。`, `《人民日报》2016年2月3日`. */
function parseFootnoteStyle(rest: string): Omit<ParsedReference, 'marker' | 'raw'> | null {
  const t = /《([^《》]+)》/.exec(rest);
  if (!t) return null;
  let prefix = rest.slice(0, t.index).trim();
  const title = cleanTitle(t[1]);
  let after = rest.slice(t.index + t[0].length);
  const urlAt = after.search(/(?:https?|ftp)\s*[:：]\s*\/\s*\//i);
  const hasUrl = urlAt >= 0;
  if (hasUrl) after = after.slice(0, urlAt);

  let authors: string[] = [];
  let venue: string | null = null;
  prefix = prefix.replace(/[:：,，]\s*$/, '').trim();
  prefix = prefix.replace(/^(?:部分)?(?:数据|资料)?(?:来源|引自|转引自|参见|详见|参阅|见)(?:于|自)?\s*/, '');
  if (/(?:网站|官网|网|官方网站|微信公众号|公众号)$/.test(prefix)) {
    venue = prefix;
  } else if (prefix && looksLikeAuthorBlock(prefix)) {
    authors = splitAuthors(prefix);
  }

  let kind: CitationKind = 'unknown';
  const second = /^\s*[，,、]?\s*《([^《》]+)》/.exec(after);
  if (second) {
    venue = cleanTitle(second[1]);
    const tail = after.slice(second[0].length);
    if (/报$/.test(venue) && /月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|第\s*\d+\s*版/.test(tail)) kind = hasUrl ? 'N/OL' : 'N';
    else kind = 'J';
  } else if (/出版社|出版公司|书局|书店|印书馆|年版/.test(after)) {
    kind = 'M';
    const pub = /([^，,。；;\s]*(?:出版社|出版公司|书局|书店|印书馆))/.exec(after);
    venue = pub ? pub[1] : null;
  } else if (!prefix && /报$/.test(title) && /^\s*[，,]?\s*(?:19|20)\d{2}\s*年/.test(after)) {
    // 《人民日报》2016年2月3日: the newspaper itself
    kind = hasUrl ? 'N/OL' : 'N';
    venue = title;
  } else if (hasUrl) {
    kind = 'EB/OL';
  }
  if ((hasUrl || /(?:网站|官网|网)$/.test(venue ?? '')) && kind === 'unknown') kind = 'EB/OL';
  if (kind === 'unknown' && isPolicyTitle(title)) kind = 'policy';

  const yAfter = /(?<!\d)((?:19|20)\d{2})\s*(?:年|[-.]\d)/.exec(after) ?? YEAR.exec(after);
  const year = yAfter ? Number(yAfter[1]) : null;
  return { authors, title, venue, year, kind };
}

/** Parses one reference-list line or footnote body. */
export function parseReference(line: string): ParsedReference {
  const raw = line.trim();
  const { marker, rest } = splitMarker(raw);
  // a wrapped entry ("…[J]. 行政\n管理改革, 2012…"): line breaks vanish, except between two words
  const joined = rest.replace(/\s+$/, '').replace(/[ \t]*\n\s*/g, (m, at: number, s: string) =>
    /[A-Za-z,.;:]/.test(s[at - 1] ?? '') && /[A-Za-z]/.test(s[at + m.length] ?? '') ? ' ' : '');
  const body = stripTranslation(joined);
  const tag = /[\[［【]\s*([A-Za-z]{1,2})\s*(?:\/\s*([A-Za-z]{2}))?\s*[\]］】」]/.exec(body);
  if (tag && !/^\d+$/.test(tag[1])) return { marker, raw, ...parseGbt(body, tag) };
  const fn = parseFootnoteStyle(body);
  if (fn) return { marker, raw, ...fn };
  // untagged `作者. 题名. 出版地: 出版者, 年.`
  const segs = body.split(/(?<![\d.A-Za-z])[.．。](?!\d)/).map((s) => s.trim()).filter(Boolean);
  let authors: string[] = [];
  let title = '';
  let restSegs = segs;
  if (segs.length >= 3 && looksLikeAuthorBlock(segs[0]) && segs[0].length <= 40) {
    authors = splitAuthors(segs[0]);
    title = segs[1];
    restSegs = segs.slice(2);
  } else if (segs.length >= 2) {
    title = segs[0];
    restSegs = segs.slice(1);
  }
  const tail = restSegs.join('. ');
  let kind: CitationKind = 'unknown';
  let venue: string | null = null;
  const ym = yearField(tail);
  if (/出版社|出版公司|书局|印书馆/.test(tail)) {
    kind = 'M';
    venue = /([^，,:：\s]*(?:出版社|出版公司|书局|印书馆))/.exec(tail)?.[1] ?? null;
  } else if (/(?:https?|ftp)\s*:/.test(tail)) {
    kind = 'EB/OL';
  } else if (ym && authors.length) {
    // an entry whose type code OCR lost: "作者. 题名. 刊名, 2015, 70(3): 1-10." — the venue precedes the year
    const v = tail.slice(0, ym.at).replace(/[\s,，.．:：;；(（]+$/, '').trim();
    if (v && !/^[\d\s\-/()（）.]*$/.test(v) && [...v].length <= 40) venue = v;
  }
  if (isPolicyTitle(title) && kind !== 'M') kind = 'policy';
  return { marker, raw, authors, title: cleanTitle(title), venue, year: ym ? ym.year : null, kind };
}

// ---------------------------------------------------------------------------------------------

interface Source {
  marker: string | null;
  text: string;
  start: number;
  end: number;
}

/** [3], ［3］, [3］ (OCR), [1,3], [2-4], [2一4] (OCR 一 for —), [3、5]: group 1 is the list inside the brackets. */
const BRACKET_MARKERS = new RegExp(`${REF_OPEN}\\s*(\\d{1,3}(?:\\s*[,，、\\-–—~～一]\\s*\\d{1,3})*)\\s*${REF_CLOSE}`, 'g');

/** Does the text cite with bracketed numbers ([3], [2-4])? */
export function hasBracketMarkers(text: string): boolean {
  BRACKET_MARKERS.lastIndex = 0;
  return BRACKET_MARKERS.test(text);
}

/**
 * Markers cited by a sentence: "①", "[3]" … with their positions in the sentence text. `numbered`
 * (the numbers of a numbered reference list) turns on bare digits glued to a sentence end as
 * flattened superscripts; pass an empty set for documents that cite with brackets.
 */
export function markersIn(text: string, numbered: Set<number>): { marker: string; at: number }[] {
  const out: { marker: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) if (CIRCLED.includes(text[i])) out.push({ marker: text[i], at: i });
  const br = BRACKET_MARKERS;
  br.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = br.exec(text))) {
    const nums: number[] = [];
    for (const part of m[1].split(/\s*[,，、]\s*/)) {
      const r = /^(\d+)\s*[\-–—~～一]\s*(\d+)$/.exec(part);
      if (r) for (let n = Number(r[1]); n <= Number(r[2]) && n - Number(r[1]) < 50; n++) nums.push(n);
      else nums.push(Number(part));
    }
    for (const n of nums) out.push({ marker: `[${n}]`, at: m.index });
  }
  if (numbered.size) {
    // superscripts flattened by PDF extraction: …的作用1。 / …的作用。1 — not affiliation
    // numbers of a byline (雷军1,2，李建刚1,2)
    const sup = /(?<=[\u4e00-\u9fff”"）)。])(\d{1,2})(?=\s*[。，；,;])(?!\s*[,，]\s*[\d¹²³⁴-⁹])|(?<=[。”"）)])(\d{1,2})(?=\s*$)/g;
    while ((m = sup.exec(text))) {
      const n = Number(m[1] ?? m[2]);
      if (numbered.has(n)) out.push({ marker: `[${n}]`, at: m.index });
    }
  }
  return out;
}

/** A sentence made only of markers (① on its own line in PDF text). */
export const ONLY_MARKERS = /^[\s\d①-⑳^{}\[\]［］【】〔〕」』,，、\-–。.;；]*$/;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** a reference number where an entry may start: [15］, ［16］, or with the opening bracket lost (6］, 20]) */
/** an entry's own marker at the start of its text (6］, [6], 6]) */
const ENTRY_MARKER_PREFIX = new RegExp(`^(?:${REF_OPEN}\\s*)?\\d{1,3}\\s*${REF_CLOSE}\\s*`);
const ENTRY_MARKER = new RegExp(`(?:${REF_OPEN}\\s*)?(\\d{1,3})\\s*${REF_CLOSE}(?=\\s*[\\u4e00-\\u9fffA-Z])`, 'g');
const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/** Joins two pieces of one entry: a line break between two CJK characters is closed, others become a space. */
function joinPieces(a: string, b: string): string {
  const x = a.replace(/\s+$/, '');
  const y = b.replace(/^\s+/, '');
  return HAN_END.test(x) && HAN_START.test(y) ? x + y : `${x} ${y}`;
}

/**
 * The reference list read as a numbered sequence. PDF conversion puts several entries on one line,
 * breaks an entry before its page range (…111- / 118.［HE Chang…] [15］赵可…, read as an entry 118),
 * loses an opening bracket (6］吴启焰…, glued to the entry before) or breaks a title with a blank
 * line (…耕地与建 / 设用地扩张分析[J]…, the second half left out of the list). The lines are joined in
 * order (with the text between them when a gap holds a broken-off piece) and cut at the markers
 * that continue the numbering: [n+1] after [n], wherever it stands after an entry's end.
 */
export function referenceEntries(text: string, lines: ReadonlyArray<{ text: string; start: number; end: number }>): Source[] {
  if (!lines.length) return [];
  // the list as one string with each character's document offset
  let flat = '';
  const at: number[] = [];
  const add = (str: string, from: number) => {
    const joined = flat ? joinPieces(flat, str) : str.replace(/^\s+/, '');
    // offsets: keep those of the kept prefix, then the new piece's
    const keep = flat.replace(/\s+$/, '').length;
    at.length = keep;
    const lead = str.length - str.replace(/^\s+/, '').length;
    if (joined.length > keep + (str.length - lead)) at.push(-1); // the joining space
    for (let k = lead; k < str.length; k++) at.push(from + k);
    flat = joined;
  };
  lines.forEach((l, i) => {
    add(l.text, l.start);
    const next = lines[i + 1];
    if (!next) return;
    // a broken-off piece between two list lines (after a blank line): part of the entry before
    const gap = text.slice(l.end, next.start);
    const piece = gap.trim();
    if (piece && /\[[A-Z]{1,2}(?:\/OL)?\]/.test(piece) && !/^\s*(?:参考文献|References)/i.test(piece)) add(piece, l.end + gap.indexOf(piece));
  });
  // cut points: the first marker, then each marker numbered one more than the last, at an entry's end
  const cuts: Array<{ at: number; n: number }> = [];
  const first = splitMarker(flat).marker;
  let last = first ? Number(/\d+/.exec(first)![0]) : 0;
  if (first) cuts.push({ at: 0, n: last });
  ENTRY_MARKER.lastIndex = 0;
  for (let m = ENTRY_MARKER.exec(flat); m; m = ENTRY_MARKER.exec(flat)) {
    const n = Number(m[1]);
    if (m.index === 0 || n !== last + 1) continue;
    if (!/(?:[.．。\]］」)）]|\d)\s*$|\s$/.test(flat.slice(0, m.index))) continue;
    cuts.push({ at: m.index, n });
    last = n;
  }
  if (!cuts.length) return lines.map((l) => ({ marker: null, text: l.text, start: l.start, end: l.end }));
  const out: Source[] = [];
  cuts.forEach((c, k) => {
    const end = k + 1 < cuts.length ? cuts[k + 1].at : flat.length;
    let body = flat.slice(c.at, end).replace(/\s+$/, '');
    // the marker itself, normalised (6］ → [6])
    body = body.replace(ENTRY_MARKER_PREFIX, '');
    const offs = at.slice(c.at, c.at + flat.slice(c.at, end).replace(/\s+$/, '').length).filter((x) => x >= 0);
    out.push({ marker: `[${c.n}]`, text: `[${c.n}]${body}`, start: offs[0] ?? lines[0].start, end: (offs[offs.length - 1] ?? lines[0].start) + 1 });
  });
  return out;
}

/** Whether the reference lines, read one by one, leave a number out or take a page number for a marker. */
function listBroken(lines: ReadonlyArray<{ text: string }>): boolean {
  let last = 0;
  for (const l of lines) {
    const m = splitMarker(l.text).marker;
    const n = m ? Number(/\d+/.exec(m)?.[0] ?? NaN) : NaN;
    if (!m || !/^\[\d+\]$/.test(m)) return true;
    if (n !== last + 1) return true;
    last = n;
  }
  return false;
}

export function extractCitations(doc: StructuredDoc): Citation[] {
  const sources: Source[] = [];
  // a numbered list is re-read as a sequence when its lines do not follow the numbering
  const numberedList = doc.referenceLines.length >= 3 && doc.referenceLines.filter((l) => /^\[\d+\]$/.test(splitMarker(l.text).marker ?? '')).length >= doc.referenceLines.length / 2;
  const entries = numberedList && listBroken(doc.referenceLines) ? referenceEntries(doc.text, doc.referenceLines) : doc.referenceLines.map((l) => ({ marker: null, text: l.text, start: l.start, end: l.end }));
  for (const l of entries) sources.push({ marker: null, text: l.text, start: l.start, end: l.end });
  for (const f of doc.footnotes) sources.push({ marker: normaliseMarker(f.marker), text: f.text, start: f.start, end: f.end });

  const cites: Citation[] = [];
  for (const src of sources) {
    const p = parseReference(src.text);
    if (!p.title) continue;
    cites.push({
      marker: src.marker ?? p.marker,
      authors: p.authors,
      title: p.title,
      venue: p.venue,
      year: p.year,
      kind: p.kind,
      raw: p.raw,
      start: src.start,
      end: src.end,
      citedFrom: [],
    });
  }
  if (!cites.length) return cites;

  const numbered = new Set<number>();
  for (const c of cites) {
    const n = /^\[(\d+)\]$/.exec(c.marker ?? '');
    if (n) numbered.add(Number(n[1]));
  }
  const spans = sources.map((s) => ({ start: s.start, end: s.end }));
  const running = doc.sentences.filter((s) => !spans.some((sp) => overlaps(s, sp)));
  // a text that cites with brackets does not also cite with bare superscript digits
  if (running.some((s) => hasBracketMarkers(s.text))) numbered.clear();

  const cite = (c: Citation, ordinal: number) => {
    if (!c.citedFrom.includes(ordinal)) c.citedFrom.push(ordinal);
  };

  running.forEach((s, k) => {
    const found = markersIn(s.text, numbered);
    if (!found.length) return;
    // a sentence that is only markers (① on its own line) cites for the sentence before it
    const onlyMarkers = ONLY_MARKERS.test(s.text);
    const prev: Sentence | undefined = running[k - 1];
    const target = onlyMarkers && prev ? prev : s;
    for (const f of found) {
      const same = cites.filter((c) => c.marker === f.marker);
      if (!same.length) continue;
      let pick = same[0];
      if (same.length > 1) {
        const pos = s.start + f.at;
        const after = same.filter((c) => c.start >= pos).sort((a, b) => a.start - b.start);
        const before = same.filter((c) => c.start < pos).sort((a, b) => b.start - a.start);
        pick = after[0] ?? before[0];
      }
      cite(pick, target.ordinal);
    }
  });

  // author–year: （李小建，2012；方创琳等，2017） / (Fang et al., 2016) / 李小建（2012） / Fang et al. (2016)
  for (const s of running) {
    for (const { name, year, narrative } of authorYearCites(s.text)) {
      for (const c of cites) {
        if (c.year !== year || !c.authors[0]) continue;
        if (narrative && /\p{Script=Han}/u.test(name) ? name.endsWith(c.authors[0]) && c.authors[0].length >= 2 : sameFirstAuthor(name, c.authors[0])) cite(c, s.ordinal);
      }
    }
  }
  for (const c of cites) c.citedFrom.sort((a, b) => a - b);
  return cites;
}

/**
 * Author–year citations in a sentence: each `name, year` inside parentheses (several separated by
 * ；/;) and the narrative form `name（year）`. `name` is the first author as written (等/et al.
 * dropped); narrative Chinese names are the 2–4 characters before the parenthesis, so they may
 * carry a preceding word (…研究中李小建).
 */
export function authorYearCites(text: string): { name: string; year: number; narrative: boolean }[] {
  const out: { name: string; year: number; narrative: boolean }[] = [];
  const paren = /[（(]([^（）()]{4,200})[）)]/g;
  for (let m = paren.exec(text); m; m = paren.exec(text)) {
    for (const piece of m[1].split(/[;；]/)) {
      const p = /^\s*(.{1,40}?)\s*[,，]?\s*((?:19|20)\d{2})[a-z]?\s*$/.exec(piece);
      if (!p || !/[\p{Script=Han}A-Za-z]/u.test(p[1])) continue;
      const first = splitAuthors(p[1].replace(/[,，]\s*$/, '').split(/[和与及]|\s+(?:and|&)\s+/)[0])[0];
      if (first) out.push({ name: first, year: Number(p[2]), narrative: false });
    }
  }
  // 李小建（2012）, 李小建等（2012）, 顾朝林和赵晓斌（2015）: both names are candidates (the first may be
  // a preceding word: 研究和李小建（2009）)
  const han = /([\u4e00-\u9fff]{2,4}?)(?:[和与及、]([\u4e00-\u9fff]{2,4}?))?(?:等人?)?[（(]((?:19|20)\d{2})[a-z]?[）)]/g;
  for (let m = han.exec(text); m; m = han.exec(text)) {
    for (const name of [m[1], m[2]]) if (name) out.push({ name, year: Number(m[3]), narrative: true });
  }
  const latin = /\b([A-Z][A-Za-z'’-]+)(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][A-Za-z'’-]+)?\s*[（(]((?:19|20)\d{2})[a-z]?[）)]/g;
  for (let m = latin.exec(text); m; m = latin.exec(text)) out.push({ name: m[1], year: Number(m[2]), narrative: true });
  return out;
}

/** 李小建 = 李小建; Latin names compare their surname, the first word (FANG C L, "Fang, C." ~ Fang). */
function sameFirstAuthor(cited: string, author: string): boolean {
  if (/\p{Script=Han}/u.test(cited) || /\p{Script=Han}/u.test(author)) return cited === author;
  const surname = (x: string) => x.trim().split(/[\s,，]+/)[0].toLowerCase();
  return surname(cited) !== '' && surname(cited) === surname(author);
}

export function normaliseMarker(m: string): string {
  const t = m.trim();
  const d = /^(?:注\s*)?(\d{1,4})$/.exec(t);
  if (d) return `[${Number(d[1])}]`;
  return splitMarker(`${t} x`).marker ?? t;
}
