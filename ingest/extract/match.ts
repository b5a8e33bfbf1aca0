import type { EntityType, PlaceLevel, SegmentedDoc, Sentence, Token } from '../types.js';
import { createRequire } from 'node:module';
import { loadLexicon, type LexiconRow } from '../lexicon.js';
import type { Candidate } from './candidate.js';

/**
 * Shared matching helpers for the entity recognisers (organizations, policies, industries,
 * theories, concepts — and usable by the place/people recognisers):
 *
 * - `matchLexicon` / `createMatcher`: dictionary matching over sentences, every lexicon
 *   surface (name or alias) found at every position, with a character fold so that PDF
 *   spaces, quote marks, full-width ASCII and dash variants do not block a match
 *   (“十四五”规划 matches the alias 十四五规划; 中央党校(国家行政学院) matches
 *   中央党校（国家行政学院）). Offsets always point into `doc.text`.
 * - `extendLeft`: walks left from a suffix (…产业, …大学, …理论) to find where a name's
 *   prefix starts, stopping at particles, verbs, punctuation and known names.
 * - `dropNested`, `isHan`, `foldChar`: small utilities.
 *
 * All functions are pure; compiled matchers are cached per entry array.
 */

/** Default priorities, on the scale places.ts uses (gazetteer 3 … pattern 1): curated lexicon > rule-built (local government, back-references) > productive pattern. */
export const PRIORITY = { lexicon: 3, rule: 2, pattern: 1 } as const;

export interface MatchContext {
  doc: SegmentedDoc;
  sentence: Sentence;
  /** document offsets of the match */
  start: number;
  end: number;
  surface: string;
  /** the character just before / after the match in doc.text ('' at the ends) */
  prev: string;
  next: string;
}

export interface LexiconEntry {
  /** the string looked for in the text (a name or an alias) */
  surface: string;
  /** canonical name the match resolves to */
  name: string;
  type: EntityType;
  aliases?: string[];
  priority: number;
  level?: PlaceLevel;
  code?: string;
  issued?: string;
  partOf?: string;
  /** context guard: return false to reject a match (e.g. 政府 after 日本) */
  accept?: (m: MatchContext) => boolean;
}

export interface MatchOptions {
  /**
   * Characters skipped in the text while matching (the surface then spans them). Default:
   * whitespace and quote marks, so PDF spaces and “” around short names do not matter.
   */
  ignore?: RegExp;
  /** keep matches nested inside a longer match from the same call (default false: drop them) */
  keepNested?: boolean;
  /**
   * When the sentence has jieba tokens, reject a match that neither starts nor ends on a
   * token boundary (it sits inside a longer word). Default true.
   */
  respectTokens?: boolean;
}

const DEFAULT_IGNORE = /[\s\u3000“”"‘’「」『』]/;

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
export function isHan(ch: string | undefined): boolean {
  return !!ch && HAN.test(ch);
}

const DASHES = /[\u2010-\u2015\u2212\u2500\u30fc]/;

/** Folds one UTF-16 code unit for matching: full-width ASCII → ASCII, dash variants → '-', lower case. */
export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) ch = String.fromCharCode(c - 0xfee0);
  else if (DASHES.test(ch)) ch = '-';
  return ch.toLowerCase();
}

/** foldChar of one code unit, memoised by code unit (the matcher folds every character of every sentence). */
const foldTable: Array<string | undefined> = [];
function foldUnit(u: string): string {
  const c = u.charCodeAt(0);
  let f = foldTable[c];
  if (f === undefined) foldTable[c] = f = foldChar(u);
  return f;
}

/**
 * `re.test(u)` for one code unit, memoised per regex and code unit (0 unknown, 1 no, 2 yes).
 * Only for stateless regexes (no g / y flag); others are tested directly.
 */
const unitTests = new WeakMap<RegExp, Uint8Array>();
function unitTester(re: RegExp): (u: string) => boolean {
  if (re.global || re.sticky) return (u) => re.test(u);
  let t = unitTests.get(re);
  if (!t) unitTests.set(re, (t = new Uint8Array(0x10000)));
  const table = t;
  return (u) => {
    const c = u.charCodeAt(0);
    let v = table[c]!;
    if (v === 0) table[c] = v = re.test(u) ? 2 : 1;
    return v === 2;
  };
}

/** Folds a whole string the way the matcher folds text, dropping ignored characters. */
export function foldString(s: string, ignore: RegExp = DEFAULT_IGNORE): string {
  let out = '';
  for (const ch of s) {
    for (let i = 0; i < ch.length; i++) {
      const u = ch[i]!;
      if (!ignore.test(u)) out += foldChar(u);
    }
  }
  return out;
}

/** Builds lexicon entries from loaded rows: one per name and per alias. */
export function entriesFromRows(
  rows: LexiconRow[],
  type: EntityType,
  priority: number = PRIORITY.lexicon,
  extra?: (row: LexiconRow) => Partial<LexiconEntry> | null,
): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const row of rows) {
    const more = extra ? extra(row) : {};
    if (more === null) continue;
    for (const surface of [row.name, ...row.aliases]) {
      out.push({ surface, name: row.name, type, aliases: row.aliases, priority, ...more });
    }
  }
  return out;
}

/**
 * Trie over folded keys (one level per UTF-16 code unit). At a text position the keys found by
 * walking it are prefixes of the same string, so keys of equal length are equal: visiting the hit
 * nodes deepest first and each node's entries in insertion order is the order of the former
 * per-first-character list sorted by key length (stable), which this replaces.
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  /** entries whose folded key ends at this node, in insertion order */
  entries: Array<{ key: string; entry: LexiconEntry }>;
}

interface Compiled {
  trie: TrieNode;
  ignore: RegExp;
  keepNested: boolean;
  respectTokens: boolean;
}

const ALNUM = /^[a-z0-9]$/;
const OPEN_QUOTES = '“‘「『';
const CLOSE_QUOTES = '”’」』';

/** Compiles entries once; the returned function matches a document. */
export function createMatcher(entries: LexiconEntry[], opts: MatchOptions = {}): (doc: SegmentedDoc) => Candidate[] {
  const ignore = opts.ignore ?? DEFAULT_IGNORE;
  const compiled: Compiled = {
    trie: { next: new Map(), entries: [] },
    ignore,
    keepNested: opts.keepNested ?? false,
    respectTokens: opts.respectTokens ?? true,
  };
  for (const entry of entries) {
    const key = foldString(entry.surface, ignore);
    if (!key) continue;
    let node = compiled.trie;
    for (let i = 0; i < key.length; i++) {
      let child = node.next.get(key[i]!);
      if (!child) node.next.set(key[i]!, (child = { next: new Map(), entries: [] }));
      node = child;
    }
    node.entries.push({ key, entry });
  }
  return (doc) => runMatcher(doc, compiled);
}

const matcherCache = new WeakMap<LexiconEntry[], (doc: SegmentedDoc) => Candidate[]>();

/**
 * Finds every entry surface in every sentence. Returns all matches (different entries with the
 * same surface each give a candidate); matches nested inside a longer match of the same call
 * are dropped unless `keepNested`. Compiled matchers are cached per `entries` array.
 */
export function matchLexicon(doc: SegmentedDoc, entries: LexiconEntry[], opts?: MatchOptions): Candidate[] {
  let m = matcherCache.get(entries);
  if (!m) {
    m = createMatcher(entries, opts);
    matcherCache.set(entries, m);
  }
  return m(doc);
}

function tokenBoundaries(tokens: Token[] | undefined): Set<number> | null {
  if (!tokens || tokens.length === 0) return null;
  const b = new Set<number>();
  for (const t of tokens) {
    b.add(t.start);
    b.add(t.end);
  }
  return b;
}

interface FoldedView {
  text: string;
  start: number;
  folded: string;
  /** document offset of each folded code unit's source character */
  map: number[];
}

/** folded views per sentence object and ignore regex: every matcher of a document folds the same sentences */
const foldedViews = new WeakMap<Sentence, Map<RegExp, FoldedView>>();

/** Folded view of the sentence (ignored characters dropped) with a map back to document offsets. */
function foldedView(s: Sentence, ignore: RegExp, ignored: (u: string) => boolean): FoldedView {
  let views = foldedViews.get(s);
  const hit = views?.get(ignore);
  if (hit && hit.text === s.text && hit.start === s.start) return hit;
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < s.text.length; i++) {
    const u = s.text[i]!;
    if (ignored(u)) continue;
    folded += foldUnit(u);
    map.push(s.start + i);
  }
  const view = { text: s.text, start: s.start, folded, map };
  // only stateless regexes give the same view every time
  if (!ignore.global && !ignore.sticky) {
    if (!views) foldedViews.set(s, (views = new Map()));
    views.set(ignore, view);
  }
  return view;
}

function runMatcher(doc: SegmentedDoc, c: Compiled): Candidate[] {
  const out: Candidate[] = [];
  const ignored = unitTester(c.ignore);
  const hits: TrieNode[] = [];
  let nHits = 0;
  doc.sentences.forEach((s, si) => {
    const { folded, map } = foldedView(s, c.ignore, ignored);
    let bounds: Set<number> | null | undefined;
    const found: Candidate[] = [];
    for (let i = 0; i < folded.length; i++) {
      // every key starting at i, longest first
      nHits = 0;
      let node: TrieNode | undefined = c.trie;
      for (let j = i; j < folded.length; j++) {
        node = node.next.get(folded[j]!);
        if (!node) break;
        if (node.entries.length) hits[nHits++] = node;
      }
      if (!nHits) continue;
      if (bounds === undefined) bounds = c.respectTokens ? tokenBoundaries(doc.tokens?.[si]) : null;
      for (let h = nHits - 1; h >= 0; h--) for (const { key, entry } of hits[h]!.entries) {
        let start = map[i]!;
        let end = map[i + key.length - 1]! + 1;
        [start, end] = balanceQuotes(doc.text, start, end, s);
        if (bounds && !bounds.has(start) && !bounds.has(end)) continue;
        // a surface that begins or ends with a Latin letter or digit must not continue a Latin word
        if (ALNUM.test(key[0]!) && ALNUM.test(start > 0 ? foldChar(doc.text[start - 1]!) : '')) continue;
        if (ALNUM.test(key[key.length - 1]!) && ALNUM.test(end < doc.text.length ? foldChar(doc.text[end]!) : '')) continue;
        const surface = doc.text.slice(start, end);
        if (entry.accept) {
          const ok = entry.accept({
            doc, sentence: s, start, end, surface,
            prev: start > 0 ? doc.text[start - 1]! : '',
            next: end < doc.text.length ? doc.text[end]! : '',
          });
          if (!ok) continue;
        }
        const cand: Candidate = {
          type: entry.type, surface, start, end, sentence: s.ordinal, name: entry.name, priority: entry.priority,
        };
        if (entry.aliases && entry.aliases.length) cand.aliases = entry.aliases;
        if (entry.level) cand.level = entry.level;
        if (entry.code) cand.code = entry.code;
        if (entry.issued) cand.issued = entry.issued;
        if (entry.partOf) cand.partOf = entry.partOf;
        found.push(cand);
      }
    }
    out.push(...dedupe(found));
  });
  return c.keepNested ? out : dropNested(out);
}

/** Pulls a quote that the match opened or closed into the span so quotes stay balanced. */
function balanceQuotes(text: string, start: number, end: number, s: Sentence): [number, number] {
  const inner = text.slice(start, end);
  let opens = 0;
  let closes = 0;
  for (const ch of inner) {
    if (OPEN_QUOTES.includes(ch)) opens++;
    else if (CLOSE_QUOTES.includes(ch)) closes++;
  }
  if (closes > opens && start > s.start && OPEN_QUOTES.includes(text[start - 1]!)) start -= 1;
  else if (opens > closes && end < s.end && CLOSE_QUOTES.includes(text[end]!)) end += 1;
  // a stray leading closing quote or trailing opening quote is never part of a name
  while (start < end && CLOSE_QUOTES.includes(text[start]!)) start++;
  while (end > start && OPEN_QUOTES.includes(text[end - 1]!)) end--;
  return [start, end];
}

/** Every match of a global regex in every sentence, in order (the regex's lastIndex is reset per sentence). */
export function sentenceMatches(doc: SegmentedDoc, re: RegExp): [Sentence, RegExpExecArray][] {
  if (!re.global) throw new Error(`sentenceMatches needs a global regex: ${re}`);
  const out: [Sentence, RegExpExecArray][] = [];
  for (const s of doc.sentences) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text))) {
      out.push([s, m]);
      if (m[0] === '') re.lastIndex++; // an empty match would never advance
    }
  }
  return out;
}

/** `xs` grouped by sentence ordinal, each group in list order: build it once per document. */
export function bySentence<T extends { sentence: number }>(xs: readonly T[]): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const x of xs) {
    const list = by.get(x.sentence);
    if (list) list.push(x);
    else by.set(x.sentence, [x]);
  }
  return by;
}

/** The first item for each key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupe(cands: Candidate[]): Candidate[] {
  return uniqueBy(cands, (c) => `${c.type}|${c.start}|${c.end}|${c.name}`);
}

/**
 * Drops candidates strictly inside a longer candidate of the list (same sentence). Equal spans
 * are all kept (resolve decides by priority). Pure; order of survivors is by start, then length.
 *
 * One sweep over the list sorted by (start, −end): a candidate is strictly inside another iff
 * some earlier candidate with a different span ends at or after it (identical spans are adjacent
 * in that order, and an earlier different span starting no later and ending no earlier is longer).
 */
export function dropNested(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  /** max end over the candidates before the current run of identical spans */
  let maxEnd = -Infinity;
  let runEnd = -Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    if (i > 0) {
      const p = sorted[i - 1]!;
      if (p.start !== c.start || p.end !== c.end) {
        if (runEnd > maxEnd) maxEnd = runEnd;
        runEnd = -Infinity;
      }
    }
    if (c.end > runEnd) runEnd = c.end;
    if (!(maxEnd >= c.end)) out.push(c);
  }
  return out;
}

export interface ExtendLeftOptions {
  /** most characters the prefix may take (atoms and bracket groups count too) */
  maxChars: number;
  /** words that end the prefix when they sit immediately to its left (verbs, particles) */
  stopWords?: ReadonlySet<string>;
  /** single characters that end the prefix (default: any non-Han character) */
  hardStop?: (ch: string, before: string) => boolean;
  /** characters (和, 与) that may be crossed when `crossSoft(textBefore)` says so */
  softStops?: string;
  crossSoft?: (before: string) => boolean;
  /**
   * spans (sentence-relative) taken whole when the walk reaches their end — e.g. known
   * organisation names, so 国家发展和改革委员会 is not cut at 和. The walk stops after one.
   */
  atoms?: ReadonlyArray<{ start: number; end: number }>;
  /** jump over a balanced （…） group */
  brackets?: boolean;
  /** sentence tokens (document offsets): the prefix start is moved right onto a token start */
  tokens?: Token[];
}

export interface ExtendLeftResult {
  /** sentence-relative start of the prefix */
  start: number;
  /** true when a boundary (stop, start of sentence, atom) ended the walk, false when the cap did */
  clean: boolean;
}

const DEFAULT_HARD = (ch: string) => !isHan(ch);

/** Length of the longest word of a set (0 when empty), memoised per set: the sets are lexicon-wide. */
const maxLens = new WeakMap<ReadonlySet<string>, { size: number; max: number }>();
function maxWordLength(words: ReadonlySet<string>): number {
  const m = maxLens.get(words);
  if (m && m.size === words.size) return m.max;
  let max = 0;
  for (const w of words) if (w.length > max) max = w.length;
  maxLens.set(words, { size: words.size, max });
  return max;
}
const NO_STOPS: ReadonlySet<string> = new Set<string>();

/**
 * Walks left from sentence-relative position `at` (where a suffix such as 产业 begins) and
 * returns where the name's prefix starts. `text` is the sentence text, `sentenceStart` its
 * document offset (for token alignment).
 */
export function extendLeft(text: string, sentenceStart: number, at: number, opts: ExtendLeftOptions): ExtendLeftResult {
  const hard = opts.hardStop ?? DEFAULT_HARD;
  const stops = opts.stopWords ?? NO_STOPS;
  const maxStop = maxWordLength(stops);
  let pos = at;
  let count = 0;
  let clean = true;
  for (;;) {
    if (pos === 0) break;
    const atom = opts.atoms?.find((a) => a.end === pos && a.start < pos);
    if (atom) {
      pos = atom.start;
      break;
    }
    let stopped = false;
    for (let len = Math.min(maxStop, pos); len >= 1; len--) {
      if (stops.has(text.slice(pos - len, pos))) {
        stopped = true;
        break;
      }
    }
    if (stopped) break;
    const ch = text[pos - 1]!;
    if (opts.brackets && (ch === '）' || ch === ')')) {
      const open = Math.max(text.lastIndexOf('（', pos - 2), text.lastIndexOf('(', pos - 2));
      if (open >= 0 && pos - open - 2 <= 8 && open > 0 && isHan(text[open - 1])) {
        count += pos - open;
        if (count > opts.maxChars) {
          clean = false;
          break;
        }
        pos = open;
        continue;
      }
      break;
    }
    if (opts.softStops && opts.softStops.includes(ch)) {
      if (opts.crossSoft && opts.crossSoft(text.slice(0, pos - 1))) {
        pos -= 1;
        count += 1;
        continue;
      }
      break;
    }
    if (hard(ch, text.slice(0, pos - 1))) break;
    if (count >= opts.maxChars) {
      clean = false;
      break;
    }
    pos -= 1;
    count += 1;
  }
  // never start on a soft stop character
  while (pos < at && opts.softStops && opts.softStops.includes(text[pos]!)) pos++;
  if (opts.tokens && opts.tokens.length) {
    const starts = opts.tokens.map((t) => t.start - sentenceStart).filter((x) => x >= pos && x <= at);
    const aligned = starts.length ? Math.min(...starts) : at;
    if (aligned !== pos) pos = aligned;
  }
  return { start: pos, clean };
}

/** Removes leading words of `generic` from `stem` (longest first, repeatedly). */
export function stripGeneric(stem: string, generic: ReadonlySet<string>): string {
  const max = maxWordLength(generic);
  let s = stem;
  outer: while (s.length) {
    for (let len = Math.min(max, s.length); len >= 1; len--) {
      if (generic.has(s.slice(0, len))) {
        s = s.slice(len);
        continue outer;
      }
    }
    break;
  }
  return s;
}

/** True when `stem` is made only of words in `generic`. */
export function allGeneric(stem: string, generic: ReadonlySet<string>): boolean {
  return stripGeneric(stem, generic) === '';
}

const stopCache = new Map<string, Map<string, Set<string>>>();

/**
 * Words of one `scope` from a stop-list lexicon with columns `name`, `scope` (e.g.
 * industry-stopwords.tsv, whose `left` scope is shared by the name patterns). Cached.
 */
export function stopSet(lexicon: string, scope: string): ReadonlySet<string> {
  let byScope = stopCache.get(lexicon);
  if (!byScope) {
    byScope = new Map();
    for (const row of loadLexicon(lexicon)) {
      const sc = row.fields.scope ?? '';
      let set = byScope.get(sc);
      if (!set) byScope.set(sc, (set = new Set()));
      set.add(row.name);
    }
    stopCache.set(lexicon, byScope);
  }
  return byScope.get(scope) ?? new Set();
}

/** The stop-list lexicon shared by the industry, organization and theory patterns. */
export const PATTERN_STOPWORDS = 'industry-stopwords';

/** Single characters that always end a name prefix (particles, prepositions, conjunctions). */
export const PARTICLES = '的和与在是对由从向将把被等及或并以为了着于到至让给';

/** A minimal one-sentence SegmentedDoc over `text` (for running recognisers on a title). */
export function miniDoc(text: string): SegmentedDoc {
  return {
    meta: { id: 'mini', title: '', kind: 'other', year: null, authors: [], source: null, url: null },
    origin: 'mini', sha256: '', text, warnings: [],
    sections: [{ ordinal: 0, heading: null, level: 1, start: 0, end: text.length }],
    sentences: [{ ordinal: 0, section: 0, paragraph: 0, start: 0, end: text.length, text }],
    footnotes: [], referenceLines: [], tokens: [[]],
  };
}

/** A jieba word with its part-of-speech tag and sentence-relative offsets. */
export interface TaggedWord {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let jiebaTag: ((s: string) => Array<{ word: string; tag: string }>) | null = null;

/**
 * nodejieba part-of-speech tagging of one sentence (doc.tokens carry no tags), offsets relative
 * to `text`. nodejieba is CommonJS with dynamic exports, so it is required explicitly (as in
 * ingest/segment); it shares the dictionary the segment stage taught.
 */
function posTag(text: string): TaggedWord[] {
  if (!jiebaTag) {
    const nj = createRequire(import.meta.url)('nodejieba') as { tag(s: string): Array<{ word: string; tag: string }> };
    jiebaTag = (s) => nj.tag(s);
  }
  const out: TaggedWord[] = [];
  let pos = 0;
  for (const w of jiebaTag(text)) {
    const at = text.indexOf(w.word, pos);
    if (at < 0) continue;
    out.push({ word: w.word, tag: w.tag, start: at, end: at + w.word.length });
    pos = at + w.word.length;
  }
  return out;
}

const tagCache = new WeakMap<Sentence, { text: string; words: TaggedWord[] }>();

/**
 * `posTag(s.text)`, computed once per sentence object (several recognisers tag the same
 * sentences). The returned array is shared: callers must not modify it.
 */
export function sentenceTags(s: Sentence): TaggedWord[] {
  const hit = tagCache.get(s);
  if (hit && hit.text === s.text) return hit.words;
  const words = posTag(s.text);
  tagCache.set(s, { text: s.text, words });
  return words;
}

/** True when `word` ends with a stop word of 2–6 characters. */
export function endsWithStop(word: string, stops: ReadonlySet<string>): boolean {
  for (let len = Math.min(6, word.length); len >= 2; len--) if (stops.has(word.slice(-len))) return true;
  return false;
}

/** Index of the first element of `xs` (sorted ascending by `key`) whose key is ≥ `v` (else `xs.length`). */
export function lowerBound<T>(xs: readonly T[], v: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]!) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Punctuation that ends a clause. */
export const CLAUSE_PUNCT = /[，,。；;：:！？!?]/;

/** Clause bounds [start, end) in `text` around position `at` (the run of text without CLAUSE_PUNCT). */
export function clauseBounds(text: string, at: number): [number, number] {
  let a = at;
  while (a > 0 && !CLAUSE_PUNCT.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && !CLAUSE_PUNCT.test(text[b]!)) b++;
  return [a, b];
}

/**
 * `(a, b) => spans.some((c) => c.start < b && a < c.end)` answered by binary search over the spans
 * sorted by start with the running maximum of their ends: O(log n) per question, not O(n).
 */
export function overlapTest(spans: ReadonlyArray<{ start: number; end: number }>): (a: number, b: number) => boolean {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const c of sorted) maxEnd.push((m = Math.max(m, c.end)));
  return (a, b) => {
    // spans starting before b: sorted[0..lo)
    const lo = lowerBound(sorted, b, (x) => x.start);
    return lo > 0 && maxEnd[lo - 1]! > a;
  };
}
