import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import {
  PARTICLES, PATTERN_STOPWORDS, PRIORITY, createMatcher, dropNested, endsWithStop, entriesFromRows,
  allGeneric, isHan, sentenceTags, stopSet,
} from './match.js';

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
 *    the word after the suffix shows the generic noun (scope `theory-next`: 理论与实践, 理论研究).
 *
 * Named effects (集聚效应, 虹吸效应, 溢出效应 …) are THEORY, as the annotation guidelines say; the
 * well-known ones are curated in theories.tsv and there is no 效应 pattern (效益/效能 words are not
 * effects).
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
    matcher: createMatcher(entriesFromRows(rows, 'THEORY', PRIORITY.lexicon)),
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
      if (allGeneric(prefix, st.generic) || endsWithStop(prefix, st.generic) || st.generic.has(prefix.slice(-1))) continue;
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

/**
 * Coordination with a shared head (guidelines): 集聚与外溢效应 → `集聚` = 集聚效应 beside 外溢效应,
 * when <stem>效应 is itself a listed effect. The stem is 2–4 Han characters right before 与/和/及/、.
 */
function sharedHeadEffects(doc: SegmentedDoc, lexical: Candidate[]): Candidate[] {
  if (!effectNames) {
    effectNames = new Map();
    for (const row of loadLexicon('theories')) {
      for (const sfc of [row.name, ...row.aliases]) if (sfc.endsWith('效应')) effectNames.set(sfc, row.name);
    }
  }
  const out: Candidate[] = [];
  for (const c of lexical) {
    if (!c.surface.endsWith('效应')) continue;
    const s = doc.sentences.find((x) => x.ordinal === c.sentence);
    if (!s) continue;
    const before = s.text.slice(0, c.start - s.start);
    const m = /([\u4e00-\u9fff]{2,4}?)(?:与|和|及|、)$/.exec(before);
    if (!m) continue;
    // the longest stem that names a listed effect
    for (let k = 0; k < m[1]!.length - 1; k++) {
      const stem = m[1]!.slice(k);
      const name = effectNames.get(`${stem}效应`);
      if (!name) continue;
      const from = c.start - s.start - m[0].length + k;
      out.push({ type: 'THEORY', surface: stem, start: s.start + from, end: s.start + from + stem.length, sentence: s.ordinal, name, priority: c.priority });
      break;
    }
  }
  return out;
}

/** All theory candidates of a document. Pure; lexicons are loaded once. */
export function extractTheories(doc: SegmentedDoc): Candidate[] {
  const st = init();
  const lexical = st.matcher(doc);
  const spans = new Set(lexical.map((c) => `${c.start}|${c.end}`));
  return dropNested([...lexical, ...sharedHeadEffects(doc, lexical), ...patternTheories(doc, st).filter((c) => !spans.has(`${c.start}|${c.end}`))]);
}

