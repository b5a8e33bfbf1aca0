import type { Citation, CitationKind, Sentence, StructuredDoc } from '../types.js';

/**
 * Cited works from a document's reference list (GB/T 7714 lines) and footnotes (either GB/T 7714
 * or the book-style `作者：《题名》，《刊名》，2012 年第 12 期。`), with the sentences that cite them.
 *
 * Markers: a reference line's own marker ([1], ［1］, 1., ①, ^①) or the footnote's marker. Sentences
 * cite through [1], [1,3], [2-4], ［1］, ①②, ^{①②}; a sentence that is only a marker (PDF text puts
 * ① on its own line before 。) cites for the sentence before it; when the reference list is
 * numbered, bare digits glued to the end of a sentence (…的作用1。) count as [n] too. Circled
 * markers restart on every page, so a ① in running text points to the nearest footnote ① that
 * follows it (else the nearest before). Author–year citations （李小建，2012） / 李小建（2012） are
 * linked to the reference whose first author and year match; unmatched ones are ignored (a Work
 * without a title is not worth a node).
 */

export type ParsedReference = Omit<Citation, 'start' | 'end' | 'citedFrom' | 'marker'> & { marker: string | null };

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const YEAR = /(?<!\d)((?:19|20)\d{2})/;
const URL_RE = /<?\s*(?:https?|ftp)\s*[:：]\s*\/\s*\/[\s\S]*$/i;

/** Splits off a leading marker: [1] ［1］ 1. ① ^① ^{①}. Returns the normalised marker ("[1]", "①"). */
export function splitMarker(line: string): { marker: string | null; rest: string } {
  const t = line.replace(/^\s+/, '');
  let m = /^\^?\{?([①-⑳])\}?\s*/.exec(t);
  if (m) return { marker: m[1], rest: t.slice(m[0].length) };
  m = /^[\[［〔]\s*(\d{1,4})\s*[\]］〕]\s*/.exec(t);
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
    'EB/OL': 'EB/OL', 'DB/OL': 'EB/OL', 'N/OL': 'N/OL', 'J/OL': 'J', 'M/OL': 'M', 'D/OL': 'D',
    'C/OL': 'C', 'R/OL': 'R', 'S/OL': 'S', 'Z/OL': 'Z', EB: 'EB/OL', OL: 'EB/OL',
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
  b = b.replace(/\s*(?:,?\s*et\s+al\.?|等)\s*$/i, '');
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
    } else if (piece) {
      out.push(piece.replace(NAME_SUFFIX, '').trim());
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

function cleanTitle(t: string): string {
  return t.replace(/^[\s.．。,，:：]+|[\s.．。,，:：]+$/g, '').trim();
}

function yearIn(s: string): number | null {
  const m = YEAR.exec(s);
  return m ? Number(m[1]) : null;
}

/** GB/T 7714: `作者. 题名[J]. 刊名, 2017(1): 15-24.` and friends. */
function parseGbt(rest: string, tag: RegExpExecArray): Omit<ParsedReference, 'marker' | 'raw'> {
  const pre = rest.slice(0, tag.index);
  let post = rest.slice(tag.index + tag[0].length);
  let kind = kindFromCode(tag[2] ? `${tag[1]}/${tag[2]}` : tag[1]);

  // authors. title
  let authors: string[] = [];
  let title = pre;
  const sep = /(?<!\d)[.．](?!\d)/.exec(pre);
  if (sep && looksLikeAuthorBlock(pre.slice(0, sep.index))) {
    authors = splitAuthors(pre.slice(0, sep.index));
    title = pre.slice(sep.index + sep[0].length);
  }
  title = cleanTitle(title);

  // venue, year: drop URL, access date [2017-10-26], DOI
  const urlAt = post.search(/<?\s*(?:https?|ftp)\s*[:：]\s*\/\s*\//i);
  const url = urlAt >= 0 ? post.slice(urlAt) : '';
  let body = urlAt >= 0 ? post.slice(0, urlAt) : post;
  body = body.replace(/[\[［]\s*(?:19|20)\d{2}[-./]?\d{0,2}[-./]?\d{0,2}\s*[\]］]/g, ' ').replace(/DOI\s*[:：]\s*\S+/i, ' ');
  let venue: string | null = null;
  let year: number | null = null;
  let lead = body.replace(/^[\s.．。]+/, '');
  const proceedings = lead.startsWith('//');
  if (proceedings) lead = lead.slice(2);
  const ym = YEAR.exec(lead);
  if (ym) {
    year = Number(ym[1]);
    venue = lead.slice(0, ym.index);
  } else {
    venue = lead;
  }
  venue = (venue ?? '').replace(/[\s,，.．:：;；(（]+$/, '').replace(/^[\s.．,，]+/, '');
  if (proceedings) {
    // [C]//编者. 论文集名. 出版地: 出版者
    const segs = venue.split(/(?<!\d)[.．](?!\d)/).map((x) => x.trim()).filter(Boolean);
    if (segs.length >= 2 && looksLikeAuthorBlock(segs[0]) && segs[0].length <= 20) segs.shift();
    venue = segs[0] ?? '';
  } else if (/^(?:M|D|R|S|C)$/.test(kind) && /[:：]/.test(venue)) {
    venue = venue.slice(venue.search(/[:：][^:：]*$/) + 1).trim();
  }
  if (/^[\d\s\-/()（）.]*$/.test(venue)) venue = '';
  if (year === null && url) {
    const u = /(?<!\d)((?:19|20)\d{2})\s*[-/_]?\s*[01]\d/.exec(url);
    if (u) year = Number(u[1]);
  }
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
  const body = rest.replace(/\s+$/, '').replace(/[ \t]*\n\s*/g, (m, at: number, s: string) =>
    /[A-Za-z,.;:]/.test(s[at - 1] ?? '') && /[A-Za-z]/.test(s[at + m.length] ?? '') ? ' ' : '');
  const tag = /[\[［]\s*([A-Za-z]{1,2})\s*(?:\/\s*([A-Za-z]{2}))?\s*[\]］]/.exec(body);
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
  if (/出版社|出版公司|书局|印书馆/.test(tail)) {
    kind = 'M';
    venue = /([^，,:：\s]*(?:出版社|出版公司|书局|印书馆))/.exec(tail)?.[1] ?? null;
  } else if (/(?:https?|ftp)\s*:/.test(tail)) kind = 'EB/OL';
  if (isPolicyTitle(title) && kind !== 'M') kind = 'policy';
  return { marker, raw, authors, title: cleanTitle(title), venue, year: yearIn(tail), kind };
}

// ---------------------------------------------------------------------------------------------

interface Source {
  marker: string | null;
  text: string;
  start: number;
  end: number;
}

const UNIT_AFTER = '年月日时个万亿元%％小天家项次名人种座条块米公平亩吨度倍岁分秒周号届批期版章节页';

/** Markers cited by a sentence: "①", "[3]" … with their positions in the sentence text. */
export function markersIn(text: string, numbered: Set<number>): { marker: string; at: number }[] {
  const out: { marker: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) if (CIRCLED.includes(text[i])) out.push({ marker: text[i], at: i });
  const br = /[\[［〔]\s*(\d{1,3}(?:\s*[,，\-–—~～]\s*\d{1,3})*)\s*[\]］〕]/g;
  let m: RegExpExecArray | null;
  while ((m = br.exec(text))) {
    const nums: number[] = [];
    for (const part of m[1].split(/\s*[,，]\s*/)) {
      const r = /^(\d+)\s*[\-–—~～]\s*(\d+)$/.exec(part);
      if (r) for (let n = Number(r[1]); n <= Number(r[2]) && n - Number(r[1]) < 50; n++) nums.push(n);
      else nums.push(Number(part));
    }
    for (const n of nums) out.push({ marker: `[${n}]`, at: m.index });
  }
  if (numbered.size) {
    // superscripts flattened by PDF extraction: …的作用1。 / …的作用。1
    const sup = /(?<=[\u4e00-\u9fff”"）)。])(\d{1,2})(?=\s*[。，；,;]|\s*$)/g;
    while ((m = sup.exec(text))) {
      const n = Number(m[1]);
      if (numbered.has(n)) out.push({ marker: `[${n}]`, at: m.index });
    }
  }
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function extractCitations(doc: StructuredDoc): Citation[] {
  const sources: Source[] = [];
  for (const l of doc.referenceLines) sources.push({ marker: null, text: l.text, start: l.start, end: l.end });
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

  const cite = (c: Citation, ordinal: number) => {
    if (!c.citedFrom.includes(ordinal)) c.citedFrom.push(ordinal);
  };

  running.forEach((s, k) => {
    const found = markersIn(s.text, numbered);
    if (!found.length) return;
    // a sentence that is only markers (① on its own line) cites for the sentence before it
    const onlyMarkers = /^[\s\d①-⑳^{}\[\]［］,，。.;；]*$/.test(s.text);
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

  // author–year: （李小建，2012） / 李小建（2012）
  for (const s of running) {
    const ay = /[（(]([^（）()]{2,40}?)[,，]\s*((?:19|20)\d{2})[a-z]?[）)]/g;
    let m: RegExpExecArray | null;
    while ((m = ay.exec(s.text))) {
      const first = splitAuthors(m[1].split(/[和与及;；]/)[0])[0];
      const y = Number(m[2]);
      for (const c of cites) if (first && c.authors[0] === first && c.year === y) cite(c, s.ordinal);
    }
    const ny = /([\u4e00-\u9fff]{2,4}?)(?:等)?[（(]((?:19|20)\d{2})[a-z]?[）)]/g;
    while ((m = ny.exec(s.text))) {
      const y = Number(m[2]);
      const word = m[1];
      for (const c of cites) {
        const a = c.authors[0];
        if (a && c.year === y && word.endsWith(a) && a.length >= 2) cite(c, s.ordinal);
      }
    }
  }
  for (const c of cites) c.citedFrom.sort((a, b) => a - b);
  return cites;
}

export function normaliseMarker(m: string): string {
  const t = m.trim();
  const d = /^(?:注\s*)?(\d{1,4})$/.exec(t);
  if (d) return `[${Number(d[1])}]`;
  return splitMarker(`${t} x`).marker ?? t;
}
