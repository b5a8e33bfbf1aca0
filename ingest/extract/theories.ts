import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import { allGeneric, createMatcher, dropNested, endsWithStop, entriesFromRows, isHan, PARTICLES, PATTERN_STOPWORDS, PRIORITY, sentenceMatches, sentenceTags, stopSet } from './match.js';

/**
 * THEORY recogniser.
 *
 * 1. lexicon (schema/lexicons/theories.tsv): named theories with aliases (协同学 → 协同理论,
 *    诺瑟姆曲线 → 城市化S型曲线); dash variants are folded (核心—边缘理论 = 核心-边缘理论).
 * 2. pattern <prefix 3–10 Han characters>(理论|学说|定律|模型): the prefix is made of whole
 *    jieba words and stops at particles, pronouns, prepositions, conjunctions, numerals,
 *    punctuation and the shared `left` words (按照能级梯度理论 → 能级梯度理论; 它是现代控制理论
 *    → 现代控制理论). It is rejected when the length cap cut it, when it is only generic words
 *    or ends in one (scope `theory-stem`: 相关理论, 基础理论, 数学模型, 城镇化发展理论), or when
 *    the word after the suffix shows the generic noun (scope `theory-next`: 理论与实践, 理论研究),
 *    or when it ends in a preposition jieba glued to the suffix (内容|对模型). A pattern name made
 *    of a generic modifier and a listed theory is that theory (修正引力模型 → 引力模型).
 *
 * Named effects (集聚效应, 虹吸效应, 溢出效应 …) are THEORY, as the annotation guidelines say; the
 * well-known ones are curated in theories.tsv and there is no 效应 pattern (效益/效能 words are not
 * effects). Two listed effects written as one compound (集聚规模效应) are one mention.
 *
 * A leader's doctrine (邓小平理论, one jieba word tagged nr) is a guiding formula, not a theory.
 *
 * A name inside a book or paper title (《控制论》, 《工程控制论》, 《增长极理论研究》) is not a mention
 * (guidelines: titles that are not policy documents have no inner mentions); 增长极 is not read in
 * 增长极限 (limits to growth).
 */

interface TheoryState {
  matcher: (doc: SegmentedDoc) => Candidate[];
  left: ReadonlySet<string>;
  generic: ReadonlySet<string>;
  next: string[];
}

let state: TheoryState | null = null;

function init(): TheoryState {
  if (state) return state;
  const rows = loadLexicon('theories');
  state = {
    matcher: createMatcher(entriesFromRows(rows, 'THEORY', PRIORITY.lexicon, () => ({
      accept: (m) => !(m.surface.endsWith('增长极') && m.next === '限'),
    }))),
    left: stopSet(PATTERN_STOPWORDS, 'left'),
    generic: stopSet(PATTERN_STOPWORDS, 'theory-stem'),
    next: [...stopSet(PATTERN_STOPWORDS, 'theory-next')].sort((a, b) => b.length - a.length),
  };
  return state;
}

/** word classes that never belong to a theory name: pronouns, prepositions, conjunctions, particles, numerals, measure words, adverbs, locatives, punctuation */
const STOP_POS = /^(r|p|c|u|uj|ul|uz|ud|ug|uv|m|mq|q|d|f|x|y|e|o|zg)$/;
const SUFFIX_RE = /理论|学说|定律|模型/g;

function patternTheories(doc: SegmentedDoc, st: TheoryState): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    SUFFIX_RE.lastIndex = 0;
    if (!SUFFIX_RE.test(t)) continue;
    SUFFIX_RE.lastIndex = 0;
    const words = sentenceTags(s);
    let m: RegExpExecArray | null;
    while ((m = SUFFIX_RE.exec(t))) {
      const at = m.index;
      const end = at + m[0].length;
      const after = t.slice(end);
      const follow = after.replace(/^[与和]/, '');
      if (st.next.some((w) => after.startsWith(w) || (follow !== after && follow.startsWith(w) && w.length > 1))) continue;
      let start = at;
      let clean = false;
      for (let k = words.length - 1; k >= 0; k--) {
        const w = words[k]!;
        if (w.start >= at) continue;
        const part = t.slice(w.start, Math.min(w.end, at));
        if (w.end > at) {
          // the suffix starts inside this word (控制理论 as one word): its head belongs to the prefix
          start = w.start;
          continue;
        }
        if (STOP_POS.test(w.tag) || ![...part].every(isHan) || [...part].some((ch) => PARTICLES.includes(ch) && part.length === 1) ||
          st.left.has(part) || endsWithStop(part, st.left)) {
          clean = true;
          break;
        }
        if (at - w.start > 10) break;
        start = w.start;
      }
      if (start === at) continue;
      if (!clean && !words.some((w) => w.end <= start && w.start < start) && start === 0) clean = true;
      if (!clean && start > 0) continue;
      const prefix = t.slice(start, at);
      // 2-character prefixes are mostly a verb and its object (拓展理论); named ones are curated
      if (prefix.length < 3) continue;
      // a preposition or particle glued to the suffix by jieba (内容|对模型) ends no name
      if (/[对的与和及或在从向把被将以为于]$/.test(prefix)) continue;
      if (allGeneric(prefix, st.generic) || endsWithStop(prefix, st.generic) || st.generic.has(prefix.slice(-1))) continue;
      // a leader's doctrine jieba knows as one personal-name word (邓小平理论) is a guiding thought, not a
      // theory (guidelines: guiding formulas are not annotated)
      if (words.some((w) => w.start === start && w.end === end && w.tag === 'nr')) continue;
      const off = 0;
      const from = start + off;
      out.push({
        type: 'THEORY', surface: t.slice(from, end), start: s.start + from, end: s.start + end, sentence: s.ordinal,
        name: t.slice(from, end), priority: PRIORITY.pattern,
      });
    }
  }
  return out;
}

let effectNames: Map<string, string> | null = null;

/** listed effects: surface (name or alias ending in 效应) → canonical name */
function effectNamesOf(): Map<string, string> {
  if (!effectNames) {
    effectNames = new Map();
    for (const row of loadLexicon('theories')) {
      for (const sfc of [row.name, ...row.aliases]) if (sfc.endsWith('效应')) effectNames.set(sfc, row.name);
    }
  }
  return effectNames;
}

/**
 * Coordination with a shared head (guidelines): 集聚与外溢效应 → `集聚` = 集聚效应 beside 外溢效应,
 * when <stem>效应 is itself a listed effect. The stem is 2–4 Han characters right before 与/和/及/、.
 */
function sharedHeadEffects(doc: SegmentedDoc, lexical: Candidate[]): Candidate[] {
  const names = effectNamesOf();
  const out: Candidate[] = [];
  for (const c of lexical) {
    if (!c.surface.endsWith('效应')) continue;
    const s = doc.sentences[c.sentence];
    if (!s) continue;
    const before = s.text.slice(0, c.start - s.start);
    const m = /([\u4e00-\u9fff]{2,4}?)(?:与|和|及|、)$/.exec(before);
    if (!m) continue;
    // the longest stem that names a listed effect
    for (let k = 0; k < m[1]!.length - 1; k++) {
      const stem = m[1]!.slice(k);
      const name = names.get(`${stem}效应`);
      if (!name) continue;
      const from = c.start - s.start - m[0].length + k;
      out.push({ type: 'THEORY', surface: stem, start: s.start + from, end: s.start + from + stem.length, sentence: s.ordinal, name, priority: c.priority });
      break;
    }
  }
  return out;
}

let effectStems: Set<string> | null = null;

/**
 * A listed effect right after the stem of another listed effect, with nothing between
 * (集聚规模效应 = 集聚 + 规模效应): one compound effect named as written.
 */
function compoundEffects(doc: SegmentedDoc, lexical: Candidate[]): Candidate[] {
  effectStems ??= new Set([...effectNamesOf().keys()].map((k) => k.slice(0, -2)).filter((k) => k.length >= 2));
  const out: Candidate[] = [];
  for (const c of lexical) {
    if (!c.surface.endsWith('效应')) continue;
    const s = doc.sentences[c.sentence];
    if (!s) continue;
    const before = s.text.slice(Math.max(0, c.start - s.start - 4), c.start - s.start);
    const stem = [before.slice(-4), before.slice(-3), before.slice(-2)].find((x) => x.length >= 2 && effectStems!.has(x));
    if (!stem) continue;
    const surface = stem + c.surface;
    out.push({ ...c, surface, start: c.start - stem.length, name: surface });
  }
  return out;
}


/**
 * modifiers of a model or theory that do not make a new name (修正引力模型, 经典区位理论, 现有中心地理论),
 * also after a verb the prefix took in (阐明传统中心地理论)
 */
const MODIFIERS = /(?:修正|传统|改进|经典|扩展|拓展|简化|改良|广义|狭义|现有|已有)(?:后)?的?$/;

/** Spans (document offsets) of 《…》 titles that are not policy documents: books, papers, series. */
const TITLE = /《([^《》]{1,80})》/g;
/** title endings of policy documents (plans, opinions, notices, laws, reports) — their inner names are the policy extractor's */
const POLICY_TITLE = /(规划|纲要|意见|通知|办法|方案|决定|条例|法|措施|报告|建议|计划|政策|细则|规定|批复|公告|指南|目录|标准)(（[^）]*）)?$/;
function bookTitles(doc: SegmentedDoc): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, m] of sentenceMatches(doc, TITLE)) {
    if (POLICY_TITLE.test(m[1]!.trim())) continue;
    out.push([s.start + m.index, s.start + m.index + m[0].length]);
  }
  return out;
}

/** All theory candidates of a document. Pure; lexicons are loaded once. */
export function extractTheories(doc: SegmentedDoc): Candidate[] {
  const st = init();
  const lexical = st.matcher(doc);
  const spans = new Set(lexical.map((c) => `${c.start}|${c.end}`));
  const titles = bookTitles(doc);
  const inTitle = (c: Candidate) => titles.some(([a, b]) => c.start >= a && c.end <= b);
  // a pattern name made of a modifier and a listed one is that one (修正引力模型, 传统引力模型 → 引力模型;
  // 能级梯度理论 is a theory of its own)
  const starts = new Map(lexical.map((c) => [c.end, c.start]));
  const modified = (c: Candidate) => {
    const at = starts.get(c.end);
    return at !== undefined && MODIFIERS.test(doc.text.slice(c.start, at));
  };
  return dropNested([
    ...lexical, ...sharedHeadEffects(doc, lexical), ...compoundEffects(doc, lexical),
    ...patternTheories(doc, st).filter((c) => !spans.has(`${c.start}|${c.end}`) && !modified(c)),
  ].filter((c) => !inTitle(c)));
}
