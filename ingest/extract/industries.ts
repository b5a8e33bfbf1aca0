import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import { createMatcher, dropNested, endsWithStop, entriesFromRows, foldString, isHan, PATTERN_STOPWORDS, PRIORITY, sentenceMatches, sentenceTags, stopSet, stripGeneric, type TaggedWord } from './match.js';
import { leadingPlaceLength } from './organizations.js';

/**
 * INDUSTRY recogniser.
 *
 * 1. lexicon (schema/lexicons/industries.tsv): industries and industry categories — 县域主导产业
 *    (alias 县域地区主导产业) is one entity, distinct from 主导产业, because measures target it.
 *    A match ending in 业 is rejected when the next character shows the word goes on
 *    (工业化, 产业链: industry-stopwords.tsv scope `next`).
 * 2. pattern <stem><head> where the head is 产业, an industry name ending in 业 (制造业, 服务业,
 *    工业 …; the longest one ending there) or any other X业, and the stem the words right before
 *    it, up to 6 characters. Words are jieba's, with its part-of-speech tags (nodejieba.tag on the
 *    sentence: doc.tokens carry no tags): the stem takes only noun-like words (n, nz, vn, b, s …),
 *    so verbs and adverbs end it (提高产业集中度, 需要制造业 give nothing), as do particles and
 *    the shared `left` words and concept names (城市群内部产业). Generic modifiers and Chinese
 *    place names are stripped from its left (scope `stem`: 相关产业, 国家先进制造业 → 先进制造业;
 *    广西临港工业 → 临港工业); a stem that is one foreign place (日本产业), starts with a numeral
 *    (九大产业), ends with a place-level character (试点镇工业) or in 业 (工业产业) is dropped, and
 *    so is anything ending in a non-industry X业 word (就业, 企业, 创业, 商业 …, scope `word`).
 *    Qualifiers that name a kind of industry (传统, 现代, 高端, 低端) stay in the stem when more stem
 *    or a named head follows (传统特色产业, 现代海洋渔业); a jieba `ns` word counts as a place only
 *    when it is one (海洋, 临港 are stem words).
 * 3. coordination: conjuncts listed before 等/N大 + an industry head (白酒、化工、能源等传统产业;
 *    电子信息、机械制造、钢铁等一批战略型产业群; 食品加工、家具制造三大产业; 大健康、文化旅游等新兴行业
 *    → X产业) or before a last conjunct glued to 产业 (智能家居、光伏、纺织服装产业) are one industry
 *    each, and 第二、三产业 (also without 第) gives 第二 (= 第二产业) and 三产业.
 * 4. sectors named as fields (…等领域): the conjuncts that are known sectors, incl. the short sector words of
 *    industries.tsv (context `list`: 金融 → 金融业, 会展 → 会展业, 旅游); and 房地产 standing alone → 房地产业.
 * Filters on every candidate: bare 工业/农业 before a noun is a modifier (工业投入, 农业劳动力) unless
 * the next word is 发展/发达 (工业发展, 农业发展), and so is a sector before a ranking or an era
 * (工业大县, 工业文明); an industry right before a zone, firm or cluster head (高新技术产业园区,
 * 物流企业, 新兴产业群, 工业城市) names that thing, not the industry, and one before 平台/结构 is a
 * modifier (产业平台, 当前产业结构); 一产/二产/三产 inside a word (单一产业) are no sectors; X行业 right
 * after 等 is a list's generic head.
 */

/** characters after a bare 工业/农业 that leave it a noun of its own (工业与农业, 工业的) */
const MODIFIER_OK = '与和及或、等的为是在也都和向';
/** heads naming an era or a society by its sector (工业文明, 农业社会, 工业革命) */
const ERA = /^(?:文明|社会|时代|革命)/;
const ERA_CONJUNCT = /^[、和与及](?:工业|农业)(?:文明|社会|时代|革命)/;
/** heads of rankings by sector (工业大县, 农业强省, 旅游名县) */
const RANKED_PLACE = /^[大强名](?:县|省|市|镇|区)/;
/** words after a sector word that keep it the industry (工业发展, 工业发达): the sector as the subject or object of growth */
const SECTOR_PREDICATES = new Set(['发展', '发达']);
/**
 * heads after an industry that make the whole a zone, a firm or a cluster (高新技术产业园区,
 * 跨境电子商务综合试验区, 现代物流企业集团, 新兴产业群, 临海工业城市), or the concept 产业转移:
 * the industry is a modifier there
 */
const NOT_INDUSTRY_AFTER = /^(?:综合)?(?:产业)?(?:园|开发区|试验区|实验区|示范区|集聚区|口岸|企业|集团|集群|群|城市|度假|转移|平台|结构|博览会|展览会|交易会|论坛|峰会)/;
/** stem qualifiers that name a kind of industry (传统产业, 现代农业): kept unless they are the whole stem of a bare 产业 */
const QUALIFIERS = new Set(['传统', '现代', '高端', '低端']);

/**
 * The short sector names 一产/二产/三产 inside another word: 单一产业, 统一产业, 唯一产品 (一产 then
 * continues as 一产业, which is no abbreviation).
 */
function inWord(m: { surface: string; prev: string; next: string }): boolean {
  return /^[一二三]产$/.test(m.surface) && (/[单统唯同划专逐万]/.test(m.prev) || (m.surface === '一产' && m.next === '业'));
}

interface IndState {
  matcher: (doc: SegmentedDoc) => Candidate[];
  /** lexicon surfaces ending in 业, folded, longest first */
  heads: string[];
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  next: ReadonlySet<string>;
  stops: ReadonlySet<string>;
  /** foreign place names and aliases (a stem word that is one is a place, 巴黎时装业 → 时装业) */
  foreign: ReadonlySet<string>;
  /** folded lexicon surface → canonical name */
  names: ReadonlyMap<string, string>;
  /** folded short sector words (金融, 会展 …): industries only as conjuncts of a list */
  short: ReadonlySet<string>;
}

let state: IndState | null = null;

function init(): IndState {
  if (state) return state;
  const rows = loadLexicon('industries');
  const next = stopSet(PATTERN_STOPWORDS, 'next');
  // short sector words (context `list`) are matched only by the list rules
  const entries = entriesFromRows(rows, 'INDUSTRY', PRIORITY.lexicon, (r) => (r.fields.context === 'list' ? null : {
    accept: (m) => !(/业$/.test(m.surface) && next.has(m.next)) && !inWord(m),
  }));
  const heads = [...new Set(rows.flatMap((r) => [r.name, ...r.aliases]).filter((s) => /业$/.test(s)).map((s) => foldString(s)))]
    .sort((a, b) => b.length - a.length);
  // concept names end an industry stem (城市群制造业 is 制造业 in a city cluster)
  const concepts = loadLexicon('concepts').flatMap((r) => [r.name, ...r.aliases]).filter((s) => s.length >= 2);
  state = {
    matcher: createMatcher(entries),
    heads,
    words: stopSet(PATTERN_STOPWORDS, 'word'),
    stems: stopSet(PATTERN_STOPWORDS, 'stem'),
    next,
    stops: new Set([...stopSet(PATTERN_STOPWORDS, 'left'), ...concepts]),
    foreign: new Set(loadLexicon('foreign-places').flatMap((r) => [r.name, ...r.aliases]).filter((x) => x.length >= 2)),
    names: new Map(rows.flatMap((r) => [r.name, ...r.aliases].map((x) => [foldString(x), r.name] as [string, string]))),
    short: new Set(rows.filter((r) => r.fields.context === 'list').flatMap((r) => [r.name, ...r.aliases]).map((x) => foldString(x))),
  };
  return state;
}

/** one-character locatives jieba tags as nouns (时段内, 城市中): they end a stem */
const LOCATIVE = new Set(['内', '外', '中', '间', '里', '上', '下', '前', '后', '旁']);

/** an ethnic group before an industry is who runs it, not a kind (回族商贸业 → 商贸业); 民族工业 is a kind */
const ETHNIC = /^(?!民族$).{1,4}族$/;

/** suffix characters jieba may cut off their word (根植性 → 根植 + 性): not the first character of a stem */
const BOUND = '性型式化级类';

/** jieba part-of-speech tags a stem word may have: nouns, verbal/adjectival nouns, 区别词, places, time words */
const STEM_POS = new Set(['n', 'nz', 'nt', 'ng', 'nl', 'vn', 'an', 'a', 'b', 's', 't', 'ns']);

/** compass regions jieba tags as places (西南, 华东, 东部地区) */
const COMPASS = /^[东西南北中华](?:[东西南北中]|部)?(?:地区)?$/;

/** Length of the run of place names (Chinese gazetteer or foreign) that `s` starts with: 法国巴黎 → 4. */
function placePrefixLength(s: string, st: IndState): number {
  let pos = 0;
  for (;;) {
    const rest = s.slice(pos);
    let hit = leadingPlaceLength(rest);
    if (!hit) for (let len = Math.min(8, rest.length); len >= 2; len--) if (st.foreign.has(rest.slice(0, len))) { hit = len; break; }
    if (!hit) return pos;
    pos += hit;
  }
}

/** A jieba `ns` word that really is a place (海洋, 临港, 滨海 are tagged ns too but are stem words). */
function isPlaceWord(w: string, st: IndState): boolean {
  return placePrefixLength(w, st) === w.length || COMPASS.test(w);
}

/** Length of the longest word of `words` that `s` starts with and that ends on a cut (0 when none). */
function leadingWord(s: string, words: ReadonlySet<string>, off: number, cuts: ReadonlySet<number>): number {
  for (let len = Math.min(8, s.length); len >= 1; len--) if (words.has(s.slice(0, len)) && cuts.has(off + len)) return len;
  return 0;
}

/**
 * Strips generic modifiers and place names (Chinese and foreign) from the left of a stem,
 * repeatedly, but only at word boundaries (`cuts`: lengths from the stem start where a word
 * starts). A qualifier (传统, 现代 …) is kept when more stem follows it or the head is a named
 * industry (传统特色产业), so only a bare 现代产业 loses it — and not before 体系, where it belongs
 * to the system (现代海洋产业体系 → 海洋产业).
 */
function stripStem(stem: string, st: IndState, cuts: ReadonlySet<number>, namedHead: boolean, system: boolean): string {
  let off = 0;
  for (;;) {
    const rest = stem.slice(off);
    const one = leadingWord(rest, st.stems, off, cuts);
    if (one && !system && QUALIFIERS.has(rest.slice(0, one)) && (one < rest.length || namedHead)) return rest;
    const byGeneric = one || rest.length - stripGeneric(rest, st.stems).length;
    const byPlace = placePrefixLength(rest, st);
    const byEthnic = [...cuts].map((n) => n - off).filter((n) => n > 1 && ETHNIC.test(rest.slice(0, n))).sort((a, b) => a - b)[0] ?? 0;
    const step = [byGeneric, byPlace, byEthnic].filter((n) => n > 0 && cuts.has(off + n)).sort((a, b) => b - a)[0];
    if (!step) return rest;
    off += step;
  }
}

function patternIndustries(doc: SegmentedDoc, st: IndState): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    if (!t.includes('业')) continue;
    let tagged: TaggedWord[] | null = null;
    for (let j = t.indexOf('业'); j >= 0; j = t.indexOf('业', j + 1)) {
      if (st.next.has(t[j + 1] ?? '')) continue;
      if (st.words.has(t.slice(j - 1, j + 1))) continue;
      const upto = foldString(t.slice(Math.max(0, j - 11), j + 1));
      let head = st.heads.find((h) => upto.endsWith(h) && t.slice(j + 1 - h.length, j + 1) === h) ?? '';
      if (!head) head = t[j - 1] === '产' ? '产业' : t.slice(j - 1, j + 1);
      if (head.length < 2 || !isHan(head[0])) continue;
      const headStart = j + 1 - head.length;
      // 第二产业, 二三产业: ordinal sectors take no stem (结果显示第二产业 is 第二产业)
      if (/^(?:第[一二三]|[一二三]{2})产业$/.test(head)) continue;
      tagged ??= sentenceTags(s);
      // walk left over noun-like words
      let start = headStart;
      let first: TaggedWord | null = null;
      let allPlaces = true;
      /** distances from headStart back to each word start */
      const cuts = new Set<number>();
      for (let k = tagged.length - 1; k >= 0; k--) {
        const w = tagged[k]!;
        if (w.start >= headStart) continue;
        const part = t.slice(w.start, Math.min(w.end, headStart));
        const inHead = w.end > headStart; // the head starts inside this word (海洋渔业 → 海洋 + 渔业)
        if (!inHead) {
          if (!STEM_POS.has(w.tag) || ![...part].every(isHan)) break;
          // a locative closes the phrase before it (时段内农业聚落: 内 is no part of a name)
          if (LOCATIVE.has(part)) break;
          // an adjective only inside the stem (低附加值产业), not right before the head (临港大产业)
          if (w.tag === 'a' && w.end === headStart) break;
          if (st.stops.has(part) || endsWithStop(part, st.stops)) break;
          if (headStart - w.start > 6) break;
          if (!(w.tag === 'ns' && isPlaceWord(part, st))) allPlaces = false;
        } else {
          allPlaces = false;
        }
        start = w.start;
        first = w;
        cuts.add(headStart - w.start);
      }
      if (!first) continue;
      // stems made only of place words (日本产业, 西南云海大数据产业) are places, not names
      if (allPlaces) continue;
      // a bound suffix cut from its word (根植|性|主导产业) does not open a stem
      while (start < headStart && BOUND.includes(t[start]!) && (start + 1 === headStart || cuts.has(headStart - start - 1))) start++;
      const raw = t.slice(start, headStart);
      const cutsFromStart = new Set([...cuts].map((n) => raw.length - n).concat(raw.length));
      const namedHead = head !== '产业' && st.heads.includes(foldString(head));
      const stem = stripStem(raw, st, cutsFromStart, namedHead, /^(?:支撑)?体系/.test(t.slice(j + 1)));
      if (!stem || /^[0-9一二三四五六七八九十百千两几]/.test(stem)) continue;
      // a classifier ends a quantity, not a name (当个产业, 这种产业)
      if (/[个种]$/.test(stem)) continue;
      if (/[镇市县省区村乡州]$/.test(stem) || /业$/.test(stem)) continue;
      if (head === '产业' && stem.length < 2) continue;
      const from = headStart - stem.length;
      const surface = t.slice(from, j + 1);
      out.push({
        type: 'INDUSTRY', surface, start: s.start + from, end: s.start + j + 1, sentence: s.ordinal, name: surface,
        priority: PRIORITY.pattern,
      });
    }
  }
  return out;
}

/** jieba tags of words a listed industry may be made of (白酒, 精细化工, 新能源新材料, 海水综合利用) */
const CONJUNCT_POS = new Set([...STEM_POS, 'j', 'l', 'nr', 'a']);
/** production verbs jieba tags v that end a listed industry (家具制造, 食品加工) */
const PRODUCTION_VERB = /^(?:制造|加工|生产|种植|养殖|运输|储运|批发|零售|维修)$/;
/** separators between conjuncts of a list */
const LIST_SEP = new Set(['、', '和', '与', '及', '以及']);
/**
 * 等 (一批) or N大 + up to 6 characters + an industry head ending the noun phrase, right after a list:
 * 等传统产业, 等一批战略型产业群, 三大产业 (not 等产业要素, 等产业园); 等产业集群 is a cluster of the listed ones
 */
const LIST_TAIL = /^(?:等(?:一批)?|[二三四五六七八九十两]大)([^\s的，。；、]{0,6}?)(产业群|产业|服务业|制造业|行业)(?!链|园|基地|要素|政策|结构|布局|体系|用地|项目|资金|人才|规划)/;
const TAIL_START = /等|[二三四五六七八九十两]大/g;
/**
 * the last conjunct glued to a shared 产业 (智能家居、光伏、纺织服装产业): not before these, nor when the list
 * goes on (交通、通信技术、金融产业等 lists X产业 as one item)
 */
const GLUED_NOT = /^(?:等|、|化|链|园|基地|要素|政策|结构|布局|体系|用地|项目|资金|人才|规划|集聚|转移|升级|融合|工人|工作)/;

/**
 * Conjuncts of a list with a shared industry head each are an industry: before 等 / N大 + a head
 * (白酒、化工、能源、机械等传统产业; 食品加工、家具制造和文化旅游三大产业), or before the last
 * conjunct glued to 产业 (智能家居、光伏、纺织服装产业 — that last one is the pattern's X产业; the list
 * must be separated by 、 here). At least two conjuncts; each is ≤ 10 Han characters of noun-like words
 * (no verb before the first one: 重点发展机械制造、… starts at 机械制造). Named as the lexicon names them
 * (大数据 → 大数据产业 when that is listed), else as written — or as X产业 under a glued 产业 and the
 * generic head 行业 (大健康、文化旅游等新兴行业), which is itself no mention (行业 alone is not an industry).
 */
function listedIndustries(doc: SegmentedDoc, st: IndState, known: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    let words: TaggedWord[] | null = null;
    /** list ends: [offset where the last conjunct ends, head kind, whether the last conjunct is glued to 产业] */
    const ends: Array<[number, string, boolean]> = [];
    TAIL_START.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TAIL_START.exec(t))) {
      const tail = LIST_TAIL.exec(t.slice(m.index));
      if (tail) ends.push([m.index, tail[2]!, false]);
    }
    for (let p = t.indexOf('产业'); p > 0; p = t.indexOf('产业', p + 1)) {
      if (isHan(t[p - 1]) && !'等大'.includes(t[p - 1]!) && !GLUED_NOT.test(t.slice(p + 2)) && t.slice(0, p).includes('、')) ends.push([p, '产业', true]);
    }
    if (!ends.length) continue;
    words ??= sentenceTags(s);
    // a word running into the end (服装产业 as one word) is split there
    for (const [at, head, glued] of ends) {
      const ws = words.flatMap((w) => (w.start < at && w.end > at
        ? [{ ...w, word: t.slice(w.start, at), end: at, tag: 'n' }, { ...w, word: t.slice(at, w.end), start: at }]
        : [w]));
      const conjuncts: Array<{ start: number; end: number }> = [];
      let k = ws.findIndex((w) => w.end === at);
      if (k < 0) continue;
      for (;;) {
        // one conjunct: noun-like words leftwards, ≤ 10 characters
        const end = ws[k]!.end;
        let start = end;
        while (k >= 0) {
          const w = ws[k]!;
          // (x: a word the segment stage taught jieba, 现代医药 — punctuation is not Han)
          if (!(CONJUNCT_POS.has(w.tag) || w.tag === 'x' || PRODUCTION_VERB.test(w.word)) || ![...w.word].every(isHan) || LIST_SEP.has(w.word) ||
            st.stops.has(w.word)) break;
          if (end - w.start > 10) break;
          // a place before the conjunct scopes it (广西临港工业 is 临港工业 in Guangxi)
          if (w.tag === 'ns' && isPlaceWord(w.word, st)) break;
          start = w.start;
          k--;
        }
        if (start === end) break;
        conjuncts.push({ start, end });
        if (k < 1 || !(glued ? ws[k]!.word === '、' : LIST_SEP.has(ws[k]!.word))) break;
        k--;
      }
      // one conjunct is an example of the head only when it is a known sector (物流等服务业)
      const one = conjuncts.length === 1 && !glued && st.names.has(foldString(t.slice(conjuncts[0]!.start, conjuncts[0]!.end)));
      if (conjuncts.length < 2 && !one) continue;
      // the glued last conjunct is the pattern's X产业, and must be one (统筹城市、乡村产业发展 is no list of industries)
      if (glued && !known.has(`${s.start + conjuncts[0]!.start}|${s.start + at + 2}`)) continue;
      for (const c of glued ? conjuncts.slice(1) : conjuncts) {
        const surface = t.slice(c.start, c.end);
        if (st.stems.has(surface)) continue;
        // a verb or a stop word opening the first conjunct is not part of it
        if (/^(?:发展|重点|大力|加快|培育|壮大|推进|建设|形成|做大做强)/.test(surface)) continue;
        const name = st.names.get(foldString(surface)) ?? st.names.get(foldString(`${surface}产业`)) ??
          (head === '行业' || glued ? `${surface}产业` : surface);
        out.push({ type: 'INDUSTRY', surface, start: s.start + c.start, end: s.start + c.end, sentence: s.ordinal, name, priority: PRIORITY.rule });
      }
    }
  }
  return out;
}

/** …等领域 (also 等重点领域, a PDF space before 等): the close of a list of fields */
const FIELD_TAIL = /\s?等(?:重点|新兴|优势|关键|主要|诸多|多个)?领域/g;
/** where the list of fields opens: a clause boundary */
const CLAUSE_OPEN = /[，。；：！？,;:（(“]/;
/** conjunct separators inside one 、-piece (金融服务和科技创新) */
const PIECE_SEP = /以及|和|与|及/g;
/** production words that make a listed field a sector as written (新能源汽车制造, 航运物流) */
const SECTOR_END = /(?:制造|加工|种植|养殖|运输|物流)$/;

/**
 * Sectors named as fields (guidelines: a city's or region's 领域/优势): the conjuncts of a list closed by
 * 等领域 that are known sectors — a lexicon industry, a short sector word (金融服务 → 金融业, 旅游, 信息技术 →
 * 信息技术产业) or a field ending in a production word (航运物流) — are INDUSTRY; the other fields of the
 * list (教育, 法律, 科技创新, 生态治理) are not. The first conjunct is the longest known sector the clause
 * ends with (粤港澳大湾区在金融服务 → 金融服务).
 */
function fieldLists(doc: SegmentedDoc, st: IndState): Candidate[] {
  const out: Candidate[] = [];
  const named = (x: string) => st.names.get(foldString(x));
  const sector = (x: string) => !!named(x) || (x.length >= 3 && [...x].every(isHan) && (SECTOR_END.test(x) || [...st.short].some((w) => x.endsWith(w))));
  for (const s of doc.sentences) {
    const t = s.text;
    FIELD_TAIL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FIELD_TAIL.exec(t))) {
      let open = m.index;
      while (open > 0 && !CLAUSE_OPEN.test(t[open - 1]!)) open--;
      // the conjuncts: 、-pieces, a piece split at 和/与/及 unless it is one sector (汽车及零部件)
      const parts: Array<{ from: number; text: string; first: boolean }> = [];
      let from = open;
      const pieces = t.slice(open, m.index).split('、');
      pieces.forEach((piece, i) => {
        const lead = piece.length - piece.trimStart().length;
        const body = piece.trim();
        const at = from + lead;
        if (i > 0 && sector(body)) parts.push({ from: at, text: body, first: false });
        else {
          let p = 0;
          PIECE_SEP.lastIndex = 0;
          let sep: RegExpExecArray | null;
          while ((sep = PIECE_SEP.exec(body))) {
            parts.push({ from: at + p, text: body.slice(p, sep.index), first: i === 0 && p === 0 });
            p = sep.index + sep[0].length;
          }
          parts.push({ from: at + p, text: body.slice(p), first: i === 0 && p === 0 });
        }
        from += piece.length + 1;
      });
      for (const part of parts) {
        let x = part.text;
        let at = part.from;
        if (part.first) {
          // the clause opens with its subject or a preposition: keep the longest known sector it ends with
          let k = 0;
          while (k < x.length - 1 && !named(x.slice(k))) k++;
          if (!named(x.slice(k))) continue;
          at += k;
          x = x.slice(k);
        } else if (!sector(x)) continue;
        out.push({ type: 'INDUSTRY', surface: x, start: s.start + at, end: s.start + at + x.length, sentence: s.ordinal, name: named(x) ?? x, priority: PRIORITY.rule });
      }
    }
  }
  return out;
}

/**
 * Sector nouns without 业 that name the sector when they stand alone (房地产成为…支柱产业, 依赖房地产 →
 * 房地产业), not before a noun (房地产投资, 房地产市场) nor as the object of regulation (对房地产的调控).
 */
const SECTOR_NOUNS: Record<string, string> = { 房地产: '房地产业' };
const SECTOR_NOUN_RE = new RegExp(`(${Object.keys(SECTOR_NOUNS).join('|')})(?!业)`, 'g');
/** what may follow a sector noun standing alone: a verb of being or becoming, a list separator */
const SECTOR_NOUN_NEXT = '成是为占也已都将等和与及、';
function sectorNouns(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, SECTOR_NOUN_RE)) {
    const next = s.text[m.index + m[0].length] ?? '';
    if ((isHan(next) && !SECTOR_NOUN_NEXT.includes(next)) || s.text[m.index - 1] === '对') continue;
    const start = s.start + m.index;
    out.push({ type: 'INDUSTRY', surface: m[0], start, end: start + m[0].length, sentence: s.ordinal, name: SECTOR_NOUNS[m[1]!]!, priority: PRIORITY.rule });
  }
  return out;
}

/**
 * 第二、三产业 (第一、二产业, 二、三产业, 一、二、三产业): 第二/二 = 第二产业 and 三产业 = 第三产业
 * (coordination with a shared head); 第 may be left out.
 */
const ORDINAL_SECTORS = /(第?)([一二三])、(?:([一二])、)?([二三])产业/g;
function ordinalSectors(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, ORDINAL_SECTORS)) {
    // 十二、三产业 is not a list of sectors
    if (!m[1] && /[0-9〇零一二三四五六七八九十百]/.test(s.text[m.index - 1] ?? '')) continue;
    const at = s.start + m.index;
    const parts: Array<[number, string, string]> = [[at, `${m[1]}${m[2]}`, m[2]!]];
    let pos = m.index + m[1]!.length + 2;
    if (m[3]) {
      parts.push([s.start + pos, m[3], m[3]]);
      pos += 2;
    }
    parts.push([s.start + pos, `${m[4]}产业`, m[4]!]);
    for (const [start, surface, ord] of parts) {
      out.push({ type: 'INDUSTRY', surface, start, end: start + surface.length, sentence: s.ordinal, name: `第${ord}产业`, priority: PRIORITY.rule });
    }
  }
  return out;
}

/**
 * False when the candidate is not an industry in its context: a bare 工业/农业 (or a pattern
 * name ending in one) before a noun is a modifier (工业投入, 农业劳动力 — guidelines: 工业 as a
 * modifier), unless the next word is 发展/发达 (工业发展, 农业发展), also in a list (农业强县、工业大县:
 * rankings by sector); an industry before a
 * zone/firm/cluster head names that thing (高新技术产业园区, 物流企业集团, 新兴产业群).
 */
function inContext(doc: SegmentedDoc, c: Candidate): boolean {
  const after = doc.text.slice(c.end, c.end + 6);
  if (NOT_INDUSTRY_AFTER.test(after)) return false;
  // <stem>产业空间布局: the layout of industry in a named area (长江三峡生态经济走廊产业空间布局)
  if (c.priority === PRIORITY.pattern && c.surface.endsWith('产业') && /^(?:空间)?布局/.test(after)) return false;
  const sector = c.surface === '工业' || c.surface === '农业' || (c.priority === PRIORITY.pattern && /(工业|农业)$/.test(c.surface));
  // 工业大县, 农业强省: a ranking of places by the sector, not the sector (guidelines: rankings); 工业文明,
  // 农业社会 (also the first conjunct of 农业、工业文明): an era named by the sector
  if (sector && (RANKED_PLACE.test(after) || ERA.test(after) || ERA_CONJUNCT.test(after))) return false;
  if (!sector || !isHan(after[0]) || MODIFIER_OK.includes(after[0]!)) return true;
  // the second conjunct of sectors (工业与农业协调发展) is a noun of its own
  const prev = doc.text[c.start - 1];
  if (prev && '与和及、'.includes(prev)) return true;
  const s = doc.sentences[c.sentence];
  if (!s) return true;
  const next = sentenceTags(s).find((w) => w.start === c.end - s.start);
  if (!next) return false;
  if (SECTOR_PREDICATES.has(next.word)) return true;
  // a named sector (传统农业转向…) is a modifier only before a noun; bare 工业/农业 before anything else
  // but 发展 is (工业投入 — 投入 is tagged as a verb too)
  return c.priority === PRIORITY.pattern && !/^(n|vn)/.test(next.tag);
}

/** All industry candidates of a document. Pure; lexicons are loaded once. */
export function extractIndustries(doc: SegmentedDoc): Candidate[] {
  const st = init();
  const lexical = st.matcher(doc);
  const spans = new Set(lexical.map((c) => `${c.start}|${c.end}`));
  const pattern = patternIndustries(doc, st).filter((c) => !spans.has(`${c.start}|${c.end}`));
  // a listed conjunct that is already a candidate keeps the lexicon/pattern reading
  const known = new Set([...lexical, ...pattern].filter((c) => inContext(doc, c)).map((c) => `${c.start}|${c.end}`));
  const listed = [...listedIndustries(doc, st, known), ...fieldLists(doc, st), ...ordinalSectors(doc), ...sectorNouns(doc)];
  // (a listed conjunct found by two list rules, 房地产、金融等行业, is one candidate)
  const listedOnce = listed.filter((c) => !known.has(`${c.start}|${c.end}`) && !!known.add(`${c.start}|${c.end}`));
  const all = [...lexical, ...pattern, ...listedOnce];
  return dropNested(all.filter((c) => inContext(doc, c) && !(c.surface.endsWith('行业') && doc.text[c.start - 1] === '等')));
}
