import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LEXICON_DIR, lexiconNames, loadLexicon } from '../lexicon.js';
import type { SegmentedDoc, StructuredDoc, Token } from '../types.js';

/**
 * nodejieba word segmentation per sentence, mapped back to document offsets.
 *
 * jieba only knows its general dictionary; "北部湾城市群", "小城市培育" or "国家发展改革委" come out
 * in pieces unless taught. So before the first cut the default dictionaries are loaded
 * explicitly and every `name` and alias of every schema/lexicons/*.tsv is inserted as a user
 * word (nodejieba.insertWord, no temp dict file needed). The lexicon folder may be empty or
 * missing; a malformed lexicon file is an error (lexicon.ts never skips bad lines silently).
 *
 * Words jieba's dictionary already has are not inserted: cppjieba gives an inserted word the
 * median dictionary weight, replacing its real frequency, so inserting a common word such as
 * 城市 makes jieba cut "城市" into 城/市. Unknown words (北部湾城市群) are what needs teaching.
 */

export interface SegmenterInit {
  /** folder of *.tsv lexicons (default schema/lexicons/) */
  lexiconDir?: string;
  /** more user words, e.g. gazetteer names */
  extraWords?: string[];
  /** reload even if already initialised (tests, lexicon changes) */
  force?: boolean;
}

export interface SegmenterInfo {
  /** user words inserted */
  userWords: number;
  /** lexicon words skipped because jieba's dictionary already has them */
  alreadyKnown: number;
  /** lexicon files read */
  lexicons: string[];
}

/**
 * nodejieba is CommonJS and builds its exports dynamically, so ESM named imports do not see
 * them; its typings also omit the DEFAULT_* dictionary paths. Required explicitly instead.
 */
type Jieba = typeof import('nodejieba') & {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
};
const nodejieba = createRequire(import.meta.url)('nodejieba') as Jieba;

let info: SegmenterInfo | null = null;

/** Every name and alias from the lexicon folder; [] when the folder does not exist yet. */
export function lexiconWords(dir = LEXICON_DIR): { words: string[]; lexicons: string[] } {
  let names: string[];
  try {
    names = lexiconNames(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { words: [], lexicons: [] };
    throw e;
  }
  const words = new Set<string>();
  for (const n of names) {
    for (const row of loadLexicon(n, dir)) {
      for (const w of [row.name, ...row.aliases]) if (w.trim()) words.add(w.trim());
    }
  }
  return { words: [...words], lexicons: names };
}

let dictionary: Set<string> | null = null;

/** The words of jieba's main dictionary (first column of jieba.dict.utf8), read once. */
export function dictionaryWords(): Set<string> {
  if (!dictionary) {
    dictionary = new Set();
    for (const line of readFileSync(nodejieba.DEFAULT_DICT, 'utf8').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0) dictionary.add(line.slice(0, sp));
    }
  }
  return dictionary;
}

/**
 * Loads jieba's default dictionaries and the lexicon words once per process. Call at startup;
 * `segment` calls it lazily otherwise.
 */
export function initSegmenter(opts: SegmenterInit = {}): SegmenterInfo {
  if (info && !opts.force) return info;
  nodejieba.load({
    dict: nodejieba.DEFAULT_DICT,
    hmmDict: nodejieba.DEFAULT_HMM_DICT,
    userDict: nodejieba.DEFAULT_USER_DICT,
    idfDict: nodejieba.DEFAULT_IDF_DICT,
    stopWordDict: nodejieba.DEFAULT_STOP_WORD_DICT,
  });
  const { words, lexicons } = lexiconWords(opts.lexiconDir);
  const known = dictionaryWords();
  let userWords = 0;
  let alreadyKnown = 0;
  for (const w of new Set([...words, ...(opts.extraWords ?? [])])) {
    if (known.has(w)) alreadyKnown++;
    else if (nodejieba.insertWord(w)) userWords++;
  }
  info = { userWords, alreadyKnown, lexicons };
  return info;
}

/**
 * Cuts one string and maps each word to its offset in that string, plus `base` (the string's own
 * offset in the document). jieba returns the words in order and (in practice) covering the input,
 * but the mapping searches forward rather than assuming it, so a dropped or normalised character
 * can never shift later offsets.
 */
export function cutWithOffsets(text: string, hmm = true, base = 0): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (const word of nodejieba.cut(text, hmm)) {
    if (!word) continue;
    const at = text.indexOf(word, pos);
    if (at < 0) continue;
    pos = at + word.length;
    if (!word.trim()) continue;
    tokens.push({ word, start: base + at, end: base + pos });
  }
  return tokens;
}

export interface SegmentOptions {
  /** HMM for unknown words (default true) */
  hmm?: boolean;
  /** drop punctuation-only tokens (default false: extractors use them as boundaries) */
  dropPunctuation?: boolean;
}

/** StructuredDoc → SegmentedDoc: `tokens[i]` are the words of `sentences[i]`, with document offsets. */
export function segment(doc: StructuredDoc, opts: SegmentOptions = {}): SegmentedDoc {
  initSegmenter();
  const hmm = opts.hmm ?? true;
  const tokens = doc.sentences.map((s) => {
    const words = cutWithOffsets(s.text, hmm, s.start);
    return opts.dropPunctuation ? words.filter((t) => /[\p{L}\p{N}]/u.test(t.word)) : words;
  });
  return { ...doc, tokens };
}
