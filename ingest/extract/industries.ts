import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import {
  PATTERN_STOPWORDS, PRIORITY, createMatcher, dropNested, endsWithStop, entriesFromRows, foldString, isHan, sentenceTags,
  stopSet, stripGeneric, type TaggedWord,
} from './match.js';
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
 */

/** sector words mostly used as modifiers (the guidelines: 工业投入, 工业园区 are not industries) */
const MODIFIER_SECTORS = new Set(['工业']);
/** characters after such a word that leave it a noun of its own */
const MODIFIER_OK = '与和及或、等的为是在也都和向';

interface IndState {
  matcher: (doc: SegmentedDoc) => Candidate[];
  /** lexicon surfaces ending in 业, folded, longest first */
  heads: string[];
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  next: ReadonlySet<string>;
  stops: ReadonlySet<string>;
}

let state: IndState | null = null;

function init(): IndState {
  if (state) return state;
  const rows = loadLexicon('industries');
  const next = stopSet(PATTERN_STOPWORDS, 'next');
  const entries = entriesFromRows(rows, 'INDUSTRY', PRIORITY.lexicon, () => ({
    // bare 工业 followed by a noun is a modifier (工业投入, 工业园区, 工业经济: the guidelines'
    // "工业 as a modifier"), not the industry; 工业与农业, 工业的 … still count
    accept: (m) => !(/业$/.test(m.surface) && next.has(m.next)) &&
      !(MODIFIER_SECTORS.has(m.surface) && isHan(m.next) && !MODIFIER_OK.includes(m.next)),
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
  };
  return state;
}

/** jieba part-of-speech tags a stem word may have: nouns, verbal/adjectival nouns, 区别词, places, time words */
const STEM_POS = new Set(['n', 'nz', 'nt', 'ng', 'nl', 'vn', 'an', 'b', 's', 't', 'ns']);

/**
 * Strips generic modifiers and Chinese place names from the left of a stem, repeatedly, but only
 * at word boundaries (`cuts`: lengths from the stem start where a word starts).
 */
function stripStem(stem: string, st: IndState, cuts: ReadonlySet<number>): string {
  let off = 0;
  for (;;) {
    const rest = stem.slice(off);
    const byGeneric = rest.length - stripGeneric(rest, st.stems).length;
    const byPlace = leadingPlaceLength(rest);
    const step = [byGeneric, byPlace].filter((n) => n > 0 && cuts.has(off + n)).sort((a, b) => b - a)[0];
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
          if (st.stops.has(part) || endsWithStop(part, st.stops)) break;
          if (headStart - w.start > 6) break;
          if (w.tag !== 'ns') allPlaces = false;
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
      const raw = t.slice(start, headStart);
      const cutsFromStart = new Set([...cuts].map((n) => raw.length - n).concat(raw.length));
      const stem = stripStem(raw, st, cutsFromStart);
      if (!stem || /^[0-9一二三四五六七八九十百千两几]/.test(stem)) continue;
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

/** All industry candidates of a document. Pure; lexicons are loaded once. */
export function extractIndustries(doc: SegmentedDoc): Candidate[] {
  const st = init();
  const lexical = st.matcher(doc);
  const spans = new Set(lexical.map((c) => `${c.start}|${c.end}`));
  const pattern = patternIndustries(doc, st).filter((c) => !spans.has(`${c.start}|${c.end}`));
  return dropNested([...lexical, ...pattern]);
}
