/**
 * Line shapes shared by normalize (which must not glue a heading onto a paragraph) and
 * structure (which turns them into sections, notes and reference entries). One place, so the
 * two stages agree on what a heading is.
 */

const CN = '一二三四五六七八九十百零〇两';

/** Headings never run longer than this (characters of the heading proper). */
export const MAX_HEADING_CHARS = 40;

/** One footnote marker, as regex source: ①, ^①, ^{①②}, [1], [1-3]. */
export const NOTE_MARKER = '\\^\\{[①-⑳,，\\s]+\\}|\\^?[①-⑳]+|\\[\\d{1,3}(?:[-–,，]\\d{1,3})*\\]';

/** Footnote markers that can trail a heading or sentence. */
export const TRAILING_MARKERS = new RegExp(`(?:${NOTE_MARKER})+\\s*$`, 'u');

/** Section names that stand alone on a line in books and papers. */
const NAMED_HEADINGS = /^(总序|序言|序|前言|目录|目次|摘要|内容提要|提要|引言|绪论|导论|结语|结论|结束语|后记|参考文献|注释|附录|致谢|Contents|CONTENTS|Abstract|ABSTRACT|References|REFERENCES|Bibliography)$/;

/** Headings that open a reference list. */
export const REFERENCE_HEADING = /^(?:#{1,6}\s*)?[\[［【〔]?\s*(参\s*考\s*文\s*献|参考资料|主\s*要\s*参\s*考\s*文\s*献|注\s*释|References|REFERENCES|Bibliography)(?:\s*[(（]\s*(?:References|REFERENCES|Bibliography)\s*[)）])?\s*[\]］】〕]?\s*[:：]?$/;

/**
 * Brackets around a reference number. OCR prints them full-width, half-width, mixed or with a
 * wrong glyph (`[1]`, `［1］`, `[1］`, `[54」`, `【1】`), so openers and closers are matched
 * independently. Regex source fragments, for building the patterns below and in notes/citations.
 */
export const REF_OPEN = '[\\[［【〔]';
export const REF_CLOSE = '[\\]］】〕」』]';

/** A bracketed reference number at the start of a line ("[12］…"); group 1 is the number. */
export const BRACKETED_REF_NUMBER = new RegExp(`^${REF_OPEN}\\s*(\\d{1,3})\\s*${REF_CLOSE}`);

const NUMBERED_ENTRY_SOURCE = `${REF_OPEN}\\s*\\d{1,3}\\s*${REF_CLOSE}|\\d{1,3}[.．、]\\s*\\S`;

/** Starts a numbered entry: [1], ［1］, [1］, [54」, 1. / 1． / 1、. */
export const NUMBERED_ENTRY_START = new RegExp(`^(?:${NUMBERED_ENTRY_SOURCE})`);

/**
 * Starts a new entry of a reference list: [1], ［1］ (also OCR-mixed [1］, [54」), 1. / 1．, or its
 * author block closed by "." — Chinese names ("方创琳. 题名[J]…", "方创琳, 宋吉涛, 等."), "Smith, J."
 * or GB/T 7714 Latin names with initials ("FANG C L, YU D L."). In a numbered list only a number
 * starts an entry (see `startsEntry`).
 */
export const REFERENCE_ENTRY_START = new RegExp(
  `^(?:${NUMBERED_ENTRY_SOURCE}|[A-Z][A-Za-z'’-]+,\\s*[A-Z](?:[.．\\s,]|$)` +
    `|\\p{Script=Han}{2,4}(?:[,，、]\\s*\\p{Script=Han}{2,4})*(?:[,，、]?\\s*等)?\\s*[.．]` +
    `|[A-Z][A-Za-z'’-]+(?:\\s+[A-Z]{1,3})+(?:,\\s*[A-Z][A-Za-z'’-]+(?:\\s+[A-Z]{1,3})+)*(?:,?\\s*et\\s+al)?\\s*[.．])`,
  'u',
);

/**
 * Does `line` start a new entry after `previous` (the entry read so far)? In a numbered list a
 * number does, or an unnumbered Chinese entry with a type code; a wrapped English translation
 * ("Shujin, Liu Changming. Development …[J]. …") stays with its entry.
 */
export function startsEntry(line: string, previous: string | null): boolean {
  const t = line.trim();
  if (previous === null || !NUMBERED_ENTRY_START.test(previous.trim())) return REFERENCE_ENTRY_START.test(t);
  if (NUMBERED_ENTRY_START.test(t)) return true;
  return startsCodedEntry(t) && /\p{Script=Han}/u.test(t);
}

/** Starts a reference entry and carries a GB/T 7714 type code within its first 200 characters. */
export function startsCodedEntry(t: string): boolean {
  return REFERENCE_ENTRY_START.test(t) && REFERENCE_CODE.test(t.slice(0, 200));
}

/** A reference-list heading with the first entry on the same line ("参考文献：[1] 李克强. …"); group 0 is the heading part. */
export const INLINE_REFERENCE_HEADING = /^[\[［【〔]?\s*(?:参\s*考\s*文\s*献|主\s*要\s*参\s*考\s*文\s*献|References|REFERENCES)(?:\s*[(（]\s*(?:References|REFERENCES)\s*[)）])?\s*[\]］】〕]?\s*[:：]?\s*(?=[\[［【〔]\s*1\s*[\]］】〕」』]|1[.．]\s*\S)/;

/**
 * A reference-list heading glued to the end of other text on one line ("…的主体形态。参考文献",
 * "…。参考文献：[1] 李克强. …[J]. …"): group 1 is where the heading starts. Not after a Han
 * character (列出参考文献[1] is running text), and either alone at the end of the line or followed
 * by a first entry that carries a GB/T 7714 type code.
 */
export const GLUED_REFERENCE_HEADING = /(?<![\p{Script=Han}\s])\s*([\[［【〔]?\s*(?:参\s*考\s*文\s*献|主要参考文献|References|REFERENCES)(?:\s*[(（]\s*References\s*[)）])?\s*[\]］】〕]?\s*[:：]?\s*)(?=$|(?:[\[［【〔]\s*1\s*[\]］】〕」』]|1[.．]).*[\[［]\s*(?:[JMNCDRSZGPAK]|EB|DB)\s*(?:\/\s*OL)?\s*[\]］」】])/u;

/** A GB/T 7714 document-type code ([J], [M], [EB/OL], [D], [C], [R], [N], [S], [Z] …) inside a line. */
export const REFERENCE_CODE = /[\[［【]\s*(?:[JMNCDRSZGPAK]|EB|DB|CP)\s*(?:\/\s*(?:OL|MT|DK|CD))?\s*[\]］】」]/;

/** Affiliation lines ("1. 中国科学院大学公共管理学院") look like numbered headings but are not. */
const AFFILIATION = /(大学|学院|研究所|研究院|研究中心|中心|公司|学校|医院|委员会|University|Institute|College)\s*$/;

export interface HeadingShape {
  /** 1 = chapter/#, 2 = section/一、/##, 3 = （一）/###, 4 = 1./#### (Markdown: number of #) */
  level: number;
}

/** Table-of-contents line: a title followed by a page number (tab, dot leaders, or a `| … | n |` row). */
export function isTocLine(line: string): boolean {
  const t = line.trimEnd();
  return /\t\s*\d{1,4}$/.test(t)
    || /(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d{1,4}$/.test(t)
    || /^\|.*\|\s*\d{1,4}\s*\|$/.test(t);
}

/** Markdown table separator row `|---|:--:|`. */
export function isTableSeparator(line: string): boolean {
  return /^\|?[\s:|-]*-{2,}[\s:|-]*\|?$/.test(line.trim()) && line.includes('|');
}

/** A Markdown-style table row `| a | b |`. */
export function isTableRow(line: string): boolean {
  return /^\|.*\|$/.test(line.trim());
}

/** The line without trailing footnote markers and whitespace. */
export function stripTrailingMarkers(line: string): string {
  return line.replace(TRAILING_MARKERS, '').trimEnd();
}

/** Starts with a heading numbering (第一章, 第二节, 一、, （一）, 1.)? Long lines with such a start are still never joined to a paragraph. */
export function startsWithNumbering(line: string): boolean {
  const t = line.trim();
  return new RegExp(`^(第[${CN}\\d]+[章节篇部编]|[${CN}]{1,3}[、．.]|[（(][${CN}]{1,3}[）)]|\\d{1,2}[.．、](?!\\d))`).test(t);
}

/** Explicitly numbered headings may run longer ("3. 制定产业发展规划，…，加快城镇化发展步伐" is 41). */
export const MAX_NUMBERED_HEADING_CHARS = 50;

/**
 * Recognises a heading line: Markdown `#`, 第…章/节, 一、, （一）/(一), 1./1．, a named section
 * (前言, 参考文献 …), or a short title carrying a footnote marker (bulletin style
 * "北部湾新型城市群发展概况^{①②③}"). Headings hold no 。！？ and do not end in ，；、; an
 * un-numbered title is at most 40 characters, a numbered one at most 50 after its number.
 */
export function headingShape(line: string): HeadingShape | null {
  const t = line.trim();
  if (!t) return null;
  const md = /^(#{1,6})\s+\S/.exec(t);
  if (md) return { level: md[1].length };
  if (isTocLine(t) || isTableRow(t)) return null;
  const core = stripTrailingMarkers(t);
  if (!core || /[。！？!?]/.test(core) || /[；;，,、]$/.test(core)) return null;
  // a numbered reference entry ("1. 孙久文, 张翱. 论…[J]. 区域经济评论, 2020(6):") is not a heading
  if (REFERENCE_CODE.test(core)) return null;
  const numbered = NUMBERINGS.find(([re]) => re.test(core));
  if (numbered) {
    const rest = core.replace(numbered[0], '').trim();
    if ([...rest].length > MAX_NUMBERED_HEADING_CHARS) return null;
    if (numbered[1] === 4 && AFFILIATION.test(core)) return null;
    return { level: numbered[1] };
  }
  if ([...core].length > MAX_HEADING_CHARS) return null;
  if (NAMED_HEADINGS.test(core.replace(/\s+/g, ''))) return { level: 1 };
  if (REFERENCE_HEADING.test(core)) return { level: 1 };
  if (core !== t && /\p{Script=Han}/u.test(core) && !/[，,；;]/.test(core)) return { level: 2 };
  return null;
}

/** Numbering prefixes and the level they give, most specific first. */
const NUMBERINGS: [RegExp, number][] = [
  [new RegExp(`^第[${CN}\\d]+[章篇部编](?=\\s|$|[：:])`), 1],
  [new RegExp(`^第[${CN}\\d]+节(?=\\s|$|[：:])`), 2],
  [new RegExp(`^[${CN}]{1,3}[、．.](?=\\s*\\S)`), 2],
  [new RegExp(`^[${CN}]{1,3}[ \\t]+(?=\\p{Script=Han})`, 'u'), 2],
  [new RegExp(`^[（(][${CN}]{1,3}[）)](?=\\s*\\S)`), 3],
  [/^\d{1,2}[.．、](?!\d)(?=\s*\S)/, 4],
];

/** Looks like the rest of a footnote: a URL fragment, almost no Chinese. */
export function isNoteContinuation(line: string): boolean {
  const t = line.trim();
  if (/^<?https?\s*[:：]/i.test(t) || /^www\s*\./i.test(t)) return true;
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  return han <= [...t].length * 0.15 && /[/.]/.test(t) && !/\s[a-z]+\s[a-z]+\s[a-z]+\s/i.test(` ${t} `);
}
