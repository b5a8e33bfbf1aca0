import type { Citation, SegmentedDoc, Sentence } from '../types.js';
import type { Candidate } from './candidate.js';
import { loadLexicon } from '../lexicon.js';

/**
 * PERSON candidates. A name is only taken in context, never from a bare surname match (张力, 高度,
 * 周边, 王国 stay words):
 *  (a) bylines: `作者:徐晓明(…)`, `通讯作者: 常吉然`, `总编◎李小建 仇建涛`, `著 者 / 曲峰庚 董宇鸿`,
 *      `主 编：韦 江` (a label from schema/lexicons/person-titles.tsv with label=y, then ：/:/◎//),
 *      `曲峰庚 董宇鸿◎著` / `…/曲峰庚，董宇鸿著。` (names before 著/编著/主编/编/译), and lines made only of
 *      names (`俞云峰 唐勇1` under a title, `李小建 仇建涛` signing a preface): two or more valid names,
 *      or one name carrying a footnote digit within the first lines of the document;
 *  (b) `<title><name>` (研究员刘建兴指出, 原所长肖金成建议), `<name><title>` (李小建教授) and an age as a
 *      title (28岁的张某某);
 *  (c) citation authors wherever they occur in running text;
 *  (d) speakers: a three-character name opening a clause before 说/表示/认为/指出 … (not 王教授认为);
 *  (e) later mentions of a name found by (a)–(d) (在杨开忠看来, 杨开忠说) outside the reference lines.
 * A valid name is 2–3 characters starting with a single-character surname, or 3–4 starting with a
 * compound surname (schema/lexicons/surnames.tsv), without function characters (的, 在, 是 …).
 * Trailing footnote digits are stripped (唐勇1 → 唐勇); `韦 江` keeps its surface and is named 韦江.
 *
 * Priorities (resolve's tie-breaker for equally long spans): byline 3, citation author 2, title 1.
 */

let lex: { single: Set<string>; compound: Set<string>; titles: string[]; labels: string[] } | null = null;

function lexicons() {
  if (lex) return lex;
  const single = new Set<string>();
  const compound = new Set<string>();
  for (const r of loadLexicon('surnames')) (r.name.length === 1 ? single : compound).add(r.name);
  const titles: string[] = [];
  const labels: string[] = [];
  for (const r of loadLexicon('person-titles')) {
    if (r.fields.kind !== 'byline') titles.push(r.name);
    if (r.fields.label === 'y') labels.push(r.name);
  }
  titles.sort((a, b) => b.length - a.length);
  labels.sort((a, b) => b.length - a.length);
  lex = { single, compound, titles, labels };
  return lex;
}

const CJK = /[\u4e00-\u9fff]/;
/** characters that never occur in a given name here (function words, admin units, measure words) */
const NOT_GIVEN = new Set('的了在是和与及等从对为将把被其之而于以也都就要应须所说指认表称提曾会们这那个年月日省市县区镇乡村');
/** …and that do not end a two-character name (许多, 高度, 周边, 王国, 张力, 方面) */
const NOT_LAST2 = new Set('多些度边国力部面式法量型级类性化业域者家方向位时点种样内外上下中前后间处均员长计数口群体');
const FOLLOW_WORDS = [
  '指出', '认为', '表示', '说', '称', '介绍', '强调', '建议', '提出', '坦言', '透露', '分析', '解释', '谈到', '告诉', '回忆',
  '在', '的', '等', '和', '与', '及', '也', '还', '曾', '对', '就', '则', '向', '看来', '进一步', '撰文', '主持', '带领', '率', '一行', '同志', '先生',
  '女士', '著', '编', '主编', '教授', '研究员', '博士',
];
const BOUNDARY_BEFORE = new Set('的和与及由据是请向对、，,：:；;。（(“" 　/◎·•|[]【】');

export function isPersonName(name: string): boolean {
  const { single, compound } = lexicons();
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(name)) return false;
  const sur = compound.has(name.slice(0, 2)) ? name.slice(0, 2) : single.has(name[0]) ? name[0] : null;
  if (!sur) return false;
  const given = name.slice(sur.length);
  if (given.length < 1 || given.length > 2) return false;
  if ([...given].some((c) => NOT_GIVEN.has(c))) return false;
  if (name.length === 2 && NOT_LAST2.has(given)) return false;
  return true;
}

function followOk(rest: string, wordOnly: boolean): boolean {
  if (!rest) return !wordOnly;
  if (FOLLOW_WORDS.some((w) => rest.startsWith(w))) return true;
  if (wordOnly) return false;
  return !CJK.test(rest[0]);
}

interface Found {
  start: number;
  end: number;
  name: string;
  priority: number;
}

/** Name right after a title word at sentence offset j: 2 or 3 (compound: 3 or 4) characters. */
function nameAfter(text: string, j: number): { len: number } | null {
  const { compound } = lexicons();
  const lens = compound.has(text.slice(j, j + 2)) ? [3, 4] : [2, 3];
  const [short, long] = lens;
  const a = text.slice(j, j + short);
  const b = text.slice(j, j + long);
  if (isPersonName(a) && followOk(text.slice(j + short), true)) return { len: short };
  if (isPersonName(b) && followOk(text.slice(j + long), false)) return { len: long };
  if (isPersonName(a) && followOk(text.slice(j + short), false)) return { len: short };
  return null;
}

function nameBefore(text: string, i: number): { len: number } | null {
  for (const len of [4, 3, 2]) {
    const st = i - len;
    if (st < 0) continue;
    const cand = text.slice(st, i);
    if (!isPersonName(cand)) continue;
    // a 2-character name needs a boundary before it (…，刘勇教授); 3–4 characters may follow an
    // organisation directly (河南大学李小建教授)
    if (len >= 3 || st === 0 || BOUNDARY_BEFORE.has(text[st - 1]) || !CJK.test(text[st - 1])) return { len };
  }
  return null;
}

/** `titles` grouped by first character, each group in list order (longest first) */
let titlesByFirst: { of: string[]; by: Map<string, string[]> } | null = null;
function titleIndex(titles: string[]): Map<string, string[]> {
  if (titlesByFirst?.of !== titles) {
    const by = new Map<string, string[]>();
    for (const w of titles) {
      if (!w) continue;
      const list = by.get(w[0]!);
      if (list) list.push(w);
      else by.set(w[0]!, [w]);
    }
    titlesByFirst = { of: titles, by };
  }
  return titlesByFirst.by;
}

function titleMentions(s: Sentence): Found[] {
  const { titles } = lexicons();
  const byFirst = titleIndex(titles);
  const text = s.text;
  const out: Found[] = [];
  for (let i = 0; i < text.length; i++) {
    // the first title (longest first) found at i: only those starting with text[i] can be
    // (an empty title would be skipped below anyway)
    const t = byFirst.get(text[i]!)?.find((w) => text.startsWith(w, i));
    if (!t) continue;
    const after = nameAfter(text, i + t.length);
    if (after) {
      const st = i + t.length;
      out.push({ start: s.start + st, end: s.start + st + after.len, name: text.slice(st, st + after.len), priority: 1 });
    }
    const before = nameBefore(text, i);
    if (before) out.push({ start: s.start + i - before.len, end: s.start + i, name: text.slice(i - before.len, i), priority: 1 });
    i += t.length - 1;
  }
  // 28岁的张一鸣: an age before a name works like a title
  for (const m of text.matchAll(/(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*岁的/g)) {
    const st = m.index! + m[0].length;
    // most names have three characters: without a boundary after the name, take three
    const len = nameAfter(text, st)?.len ?? (isPersonName(text.slice(st, st + 3)) ? 3 : 0);
    if (len) out.push({ start: s.start + st, end: s.start + st + len, name: text.slice(st, st + len), priority: 1 });
  }
  return out;
}

interface Tok {
  text: string;
  start: number;
}

/** Whitespace/、/，-separated tokens of `s` with absolute offsets (base = offset of s[0]). */
function tokens(s: string, base: number): Tok[] {
  const out: Tok[] = [];
  const re = /[^\s、，,；;　]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ text: m[0], start: base + m.index });
  return out;
}

/**
 * Names from a byline token list. Stops at the first token that carries an affiliation "(" or is
 * clearly not a name list item; merges spaced single characters (韦 江).
 */
function namesFromTokens(toks: Tok[], stopAtInvalid: boolean): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < toks.length; k++) {
    let { text, start } = toks[k];
    let stop = false;
    const paren = text.search(/[（(\[［]/);
    if (paren === 0) break;
    if (paren > 0) {
      text = text.slice(0, paren);
      stop = true;
    }
    text = text.replace(/[\d*＊†‡①-⑳]+$/, '');
    if (text.length === 1 && k + 1 < toks.length && toks[k + 1].text.replace(/[\d*＊]+$/, '').length === 1) {
      const next = toks[k + 1];
      const nt = next.text.replace(/[\d*＊]+$/, '');
      const merged = text + nt;
      if (isPersonName(merged)) {
        out.push({ start, end: next.start + nt.length, name: merged, priority: 3 });
        k++;
        continue;
      }
    }
    if (isPersonName(text)) out.push({ start, end: start + text.length, name: text, priority: 3 });
    else if (stopAtInvalid || !/^[\u4e00-\u9fff]{2,4}$/.test(text)) stop = true;
    if (stop) break;
  }
  return out;
}

function lines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = 0;
  for (const l of text.split('\n')) {
    out.push({ text: l, start: at });
    at += l.length + 1;
  }
  return out;
}

function bylines(doc: SegmentedDoc): Found[] {
  const { labels } = lexicons();
  const labelRe = new RegExp(
    `(?:^|[\\s\\[【（(•·|])(${labels.map((l) => [...l].join('\\s*')).join('|')})\\s*[:：/／◎]\\s*`,
    'g',
  );
  /** the next label on the same line (where the names after a label end) */
  const next = new RegExp(labelRe.source, 'g');
  const out: Found[] = [];
  let nonEmpty = 0;
  for (const ln of lines(doc.text)) {
    const t = ln.text;
    if (!t.trim()) continue;
    nonEmpty++;
    // (1) label: names
    labelRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = labelRe.exec(t))) {
      const from = m.index + m[0].length;
      // names run until the next label on the same line
      next.lastIndex = from;
      const nm = next.exec(t);
      const to = nm ? nm.index : t.length;
      out.push(...namesFromTokens(tokens(t.slice(from, to), ln.start + from), false));
    }
    // (2) names ◎著 / …/names著。
    const au = /(?:^|[/／]\s*)([\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)\s*◎?\s*(?:等)?(?:编著|主编|著|编|译|撰)[。.]?\s*$/.exec(t);
    if (au) {
      const base = ln.start + au.index + au[0].indexOf(au[1]);
      out.push(...namesFromTokens(tokens(au[1], base), true));
    }
    // (3) a line of names only
    const toks = tokens(t, ln.start);
    if (toks.length >= 1 && toks.length <= 6) {
      const cleaned = toks.map((k) => k.text.replace(/[\d*＊†‡①-⑳]+$/, ''));
      const marked = toks.some((k, idx) => k.text !== cleaned[idx]);
      if (cleaned.every((c) => isPersonName(c)) && (toks.length >= 2 || (marked && nonEmpty <= 12))) {
        toks.forEach((k, idx) => out.push({ start: k.start, end: k.start + cleaned[idx].length, name: cleaned[idx], priority: 3 }));
      }
    }
  }
  return out;
}

/**
 * Occurrences of known names in running text (reference lines are citations, not running text).
 * A name of three or more characters always counts; a two-character one needs a boundary before
 * it or a follow word after it (`looseFollow` admits the wider follow list).
 */
function occurrences(doc: SegmentedDoc, names: ReadonlySet<string>, citations: Citation[], priority: number, looseFollow: boolean): Found[] {
  if (!names.size) return [];
  const spans = citations.map((c) => ({ start: c.start, end: c.end }));
  const out: Found[] = [];
  for (const s of doc.sentences) {
    if (spans.some((sp) => s.start < sp.end && sp.start < s.end)) continue;
    for (const n of names) {
      for (let i = s.text.indexOf(n); i >= 0; i = s.text.indexOf(n, i + n.length)) {
        const before = s.text[i - 1] ?? '';
        const ok = n.length >= 3 || !before || !CJK.test(before) || BOUNDARY_BEFORE.has(before) || followOk(s.text.slice(i + n.length), looseFollow);
        if (ok) out.push({ start: s.start + i, end: s.start + i + n.length, name: n, priority });
      }
    }
  }
  return out;
}

/** Authors of cited works named in the running text. */
function citationAuthors(doc: SegmentedDoc, citations: Citation[]): Found[] {
  const names = new Set<string>();
  for (const c of citations) for (const a of c.authors) if (isPersonName(a)) names.add(a);
  return occurrences(doc, names, citations, 2, false);
}

/**
 * `(start, end) => doc.sentences.find((s) => s.start <= start && end <= s.end)`. When the
 * sentences are in order and do not overlap (the segmenter's output), a non-empty span lies in
 * at most one of them, the last one starting at or before it: binary search. Otherwise linear.
 */
function sentenceFinder(doc: SegmentedDoc): (start: number, end: number) => Sentence | undefined {
  const ss = doc.sentences;
  const linear = (start: number, end: number) => ss.find((s) => s.start <= start && end <= s.end);
  for (let i = 0; i < ss.length; i++) {
    if (!(ss[i]!.start <= ss[i]!.end) || (i > 0 && !(ss[i - 1]!.end <= ss[i]!.start))) return linear;
  }
  return (start, end) => {
    if (!(start < end)) return linear(start, end);
    let lo = 0;
    let hi = ss.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ss[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    const s = ss[lo - 1];
    return s && end <= s.end ? s : undefined;
  };
}

/** Characters of transliterated foreign names (斯蒂格利茨, 贝尔曼, 庞特里亚金, 维纳, 熊彼特). */
const TRANSLIT = '阿埃艾安奥巴贝本比彼波伯布查达戴道德迪蒂杜多厄恩尔法菲费芬弗福盖格古哈海汉赫亨胡霍基吉加杰金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷蕾里利林卢鲁伦罗洛马迈麦曼梅门蒙米明莫姆穆纳内尼纽努诺欧帕佩彭皮普齐奇契乔切琼萨塞桑瑟森沙舍什施史斯苏索塔泰汤特提廷图托瓦威韦维温沃乌西希谢辛熊休雅亚扬耶伊因尤约泽扎詹兹茨庞夫默思';
/** What a person does in running text: 维纳等人, 贝尔曼提出, 钱学森1954年所著, 斯蒂格利茨曾经预言. */
const DEED = /^(?:等人|等学者|所著|(?:\d{4}\s*年|曾经?|首先|最早)?(?:所著|发表|提出|预言|奠基|创立|首创|指出|认为))/;
const DEED_CJK = /^(?:等人|等学者|所著|\d{4}\s*年(?:所著|发表|提出)|曾经?预言)/;
const PERSON_BEFORE = /^$|[由是和与及、，,：:；;“"（(]$|到$|年$|得主$|学家$|教授$|学者$/;

let foreignPlaces: Set<string> | null = null;
function isForeignPlace(name: string): boolean {
  if (!foreignPlaces) {
    foreignPlaces = new Set<string>();
    for (const r of loadLexicon('foreign-places')) {
      foreignPlaces.add(r.name);
      for (const a of r.aliases ?? []) foreignPlaces.add(a);
    }
  }
  return foreignPlaces.has(name);
}

/** People named in running text by what they did (transliterated foreign names, or 3-character Chinese names). */
function deedMentions(s: Sentence): Found[] {
  const text = s.text;
  const out: Found[] = [];
  for (let i = 1; i < text.length; i++) {
    const rest = text.slice(i);
    if (DEED.test(rest) && TRANSLIT.includes(text[i - 1]!)) {
      let a = i - 1;
      while (a > 0 && TRANSLIT.includes(text[a - 1]!) && i - a < 6) a--;
      const name = text.slice(a, i);
      if (name.length >= 2 && PERSON_BEFORE.test(text.slice(0, a)) && !isForeignPlace(name)) {
        out.push({ start: s.start + a, end: s.start + i, name, priority: 1 });
        continue;
      }
    }
    // 钱学森1954年所著: a valid 3-character Chinese name before a deed
    if (DEED_CJK.test(rest) && i >= 3) {
      const cand = text.slice(i - 3, i);
      if (isPersonName(cand) && PERSON_BEFORE.test(text.slice(0, i - 3))) out.push({ start: s.start + i - 3, end: s.start + i, name: cand, priority: 1 });
    }
  }
  return out;
}

const ADDRESS = /^(教授|先生|女士|老师|同志|记者|博士|院士|主任|书记|部长|局长|厅长|处长|所长|院长|校长|省长|市长|县长|区长|镇长|总理|主席|总裁|经理|董事|专家|学者|某某)$/;
/** A speaker: a three-character name opening a clause before a verb of saying (杨开忠表示，…; 王小明说。). */
const SPEAKER_RE = /(?:^|[。，；：！？“”"、\s])([\u4e00-\u9fff]{3})(?=(?:说|表示|认为|指出|强调|介绍|坦言|透露|分析称|解释说)(?:[，。：:,]|$))/g;
function speakerMentions(s: Sentence): Found[] {
  const out: Found[] = [];
  SPEAKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPEAKER_RE.exec(s.text))) {
    const name = m[1]!;
    // 王教授认为, 李先生说: a surname with a title or form of address is no name
    if (!isPersonName(name) || ADDRESS.test(name.slice(1))) continue;
    const at = m.index + m[0].length - name.length;
    out.push({ start: s.start + at, end: s.start + at + name.length, name, priority: 1 });
  }
  return out;
}

/**
 * Later mentions of a person found once in context (院长杨开忠向…记者表示 → 在杨开忠看来, 杨开忠说):
 * every other occurrence of a name of three or more characters, or of a two-character name with a
 * boundary before it or a follow word after it, is the same person.
 */
function repeatedNames(doc: SegmentedDoc, found: readonly Found[], citations: Citation[]): Found[] {
  return occurrences(doc, new Set(found.map((f) => f.name).filter((n) => isPersonName(n))), citations, 1, true);
}

export function extractPeople(doc: SegmentedDoc, citations: Citation[]): Candidate[] {
  const found: Found[] = [...bylines(doc), ...citationAuthors(doc, citations)];
  for (const s of doc.sentences) found.push(...titleMentions(s), ...deedMentions(s), ...speakerMentions(s));
  found.push(...repeatedNames(doc, found, citations));
  const byspan = new Map<string, Candidate>();
  const sentenceAt = sentenceFinder(doc);
  for (const f of found) {
    const s = sentenceAt(f.start, f.end);
    if (!s) continue;
    const key = `${f.start}:${f.end}`;
    const prev = byspan.get(key);
    if (prev && prev.priority >= f.priority) continue;
    byspan.set(key, {
      type: 'PERSON',
      surface: doc.text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      sentence: s.ordinal,
      name: f.name,
      priority: f.priority,
    });
  }
  return [...byspan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
