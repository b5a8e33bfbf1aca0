import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import { PRIORITY, createMatcher, dropNested, entriesFromRows, isHan, sentenceTags } from './match.js';

/**
 * CONCEPT recogniser.
 *
 * 1. Curated entries of schema/lexicons/concepts.tsv (城镇化/城市化 and 县域/县域地区 are kept
 *    apart, as the guidelines name them). A concept nested in a longer concept (城镇化 in 新型城镇化) is dropped;
 *    overlaps with other types are left to resolve (农业 in 农业转移人口市民化 loses there to the
 *    longer span).
 * 2. Two small productive rules for compounds the guidelines count as one mention (longest
 *    meaningful span):
 *    - <scope><process concept>: a territorial scope word (县域, 县城, 农村, 乡村) right before a
 *      lexicon concept ending in 化/化率 (县域新型城镇化, 农村工业化, 县域城市化). The scope alone
 *      (县域) is then not a mention of its own; the name is the compound as written.
 *    - named integration tasks <noun>同城化 / <noun>一体化 (通信同城化, 口岸通关一体化, 教育资源一体化):
 *      one or two noun-like jieba words (≤ 6 characters) before the head. Conjuncts sharing the
 *      head (交通、金融、教育同城化) are one mention each: surface = the conjunct, name = conjunct+head.
 */

let matcher: ((doc: SegmentedDoc) => Candidate[]) | null = null;

const SCOPES = ['县域', '县城', '农村', '乡村'];
const PROCESS = /化率?$/;
const TASK_HEAD = /同城化|一体化/g;
/** jieba tags of words that may name the domain of an integration task */
const TASK_WORD = /^(n|nz|ng|vn|j|s)$/;
/**
 * not the domain of a task: 城乡/区域 (lexicon compounds 城乡一体化, 区域一体化 cover them; 城市与乡村一体化
 * is 城乡一体化 split), and generic heads or degree words (建设一体化, 发展布局一体化, 5个方面同城化, 高度一体化)
 */
const NOT_TASK = new Set(['城乡', '区域', '城市', '乡村', '农村', '建设', '发展', '布局', '方面', '高度', '程度', '全面']);
/** scoped heads that already carry their own scope (农村人口城镇化 is 人口城镇化 of rural people) */
const SCOPED_HEAD = /^(人口|土地|户籍|常住|就地|就近)/;

/** Index of the first element of `xs` (sorted ascending by `key`) whose key is ≥ `v` (else `xs.length`). */
function lowerBound<T>(xs: readonly T[], v: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]!) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byStart = (a: Candidate, b: Candidate) => a.start - b.start;

function withScope(doc: SegmentedDoc, cs: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const drop = new Set<Candidate>();
  /** the candidates by start, for the "inside the scope word" lookup */
  let sorted: Candidate[] | null = null;
  for (const c of cs) {
    if ((!PROCESS.test(c.name) && !PROCESS.test(c.surface)) || SCOPED_HEAD.test(c.surface)) continue;
    const s = doc.sentences[c.sentence]!;
    const before = doc.text.slice(s.start, c.start);
    const scope = SCOPES.find((w) => before.endsWith(w));
    if (!scope) continue;
    const start = c.start - scope.length;
    sorted ??= [...cs].sort(byStart);
    for (let k = lowerBound(sorted, start, (x) => x.start); k < sorted.length && sorted[k]!.start <= c.start; k++) {
      const o = sorted[k]!;
      if (o !== c && o.end <= c.start) drop.add(o);
    }
    const surface = doc.text.slice(start, c.end);
    out.push({ type: 'CONCEPT', surface, start, end: c.end, sentence: c.sentence, name: surface.replace(/\s+/g, ''), priority: PRIORITY.rule });
  }
  return [...cs.filter((c) => !drop.has(c)), ...out];
}

function integrationTasks(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    TASK_HEAD.lastIndex = 0;
    if (!TASK_HEAD.test(t)) continue;
    TASK_HEAD.lastIndex = 0;
    const words = sentenceTags(s);
    const ok = (w: { word: string; tag: string } | undefined) =>
      !!w && TASK_WORD.test(w.tag) && [...w.word].every(isHan) && !NOT_TASK.has(w.word);
    let m: RegExpExecArray | null;
    while ((m = TASK_HEAD.exec(t))) {
      const head = m[0];
      const at = m.index;
      const k = words.findIndex((w) => w.end === at);
      if (k < 0 || !ok(words[k])) continue;
      let first = k;
      if (ok(words[k - 1]) && words[k - 1]!.end === words[k]!.start && at - words[k - 1]!.start <= 6) first = k - 1;
      const start = words[first]!.start;
      const surface = t.slice(start, at + head.length);
      out.push({
        type: 'CONCEPT', surface, start: s.start + start, end: s.start + at + head.length, sentence: s.ordinal,
        name: surface, priority: PRIORITY.rule,
      });
      // 交通、金融、教育同城化: one mention per conjunct
      let j = first - 1;
      // (the conjunct is a whole word group: 城镇群规划、旅游同城化 has no 规划同城化)
      while (j >= 1 && words[j]!.word === '、' && ok(words[j - 1]) && words[j - 1]!.word.length <= 4 && !ok(words[j - 2])) {
        const w = words[j - 1]!;
        out.push({
          type: 'CONCEPT', surface: w.word, start: s.start + w.start, end: s.start + w.end, sentence: s.ordinal,
          name: w.word + head, priority: PRIORITY.rule,
        });
        j -= 2;
      }
    }
  }
  return out;
}

/**
 * Bare 试点镇/试点乡镇 (pilot towns): an anaphor of the document's named pilot-town programme —
 * the lexicon concept ending in 试点镇 it mentions (小城市培育试点镇 …) — else a concept of its own.
 */
const PILOT = /试点(?:乡)?镇/g;
function pilotTowns(doc: SegmentedDoc, cs: Candidate[]): Candidate[] {
  const named = cs.find((c) => /试点镇$/.test(c.name) && c.name.length > 3)?.name ?? '试点镇';
  const out: Candidate[] = [];
  // overlap test `cs.some((c) => c.start < end && c.end > start)` by binary search: the candidates
  // sorted by start, with the running maximum of their ends
  let sorted: Candidate[] | null = null;
  let maxEnd: number[] = [];
  const overlaps = (start: number, end: number): boolean => {
    if (!sorted) {
      sorted = [...cs].sort(byStart);
      maxEnd = [];
      let m = -Infinity;
      for (const c of sorted) maxEnd.push((m = Math.max(m, c.end)));
    }
    const k = lowerBound(sorted, end, (x) => x.start); // sorted[0..k) start before `end`
    return k > 0 && maxEnd[k - 1]! > start;
  };
  for (const s of doc.sentences) {
    PILOT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PILOT.exec(s.text))) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      out.push({ type: 'CONCEPT', surface: m[0], start, end, sentence: s.ordinal, name: named, priority: PRIORITY.rule });
    }
  }
  return out;
}

/** All concept candidates of a document. Pure; the lexicon is loaded once. */
export function extractConcepts(doc: SegmentedDoc): Candidate[] {
  matcher ??= createMatcher(entriesFromRows(loadLexicon('concepts'), 'CONCEPT', PRIORITY.lexicon));
  const lexical = withScope(doc, matcher(doc));
  return dropNested([...lexical, ...pilotTowns(doc, lexical), ...integrationTasks(doc)]).sort((a, b) => a.start - b.start || b.end - a.end);
}
