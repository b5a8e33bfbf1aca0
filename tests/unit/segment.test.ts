import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexiconError } from '../../ingest/lexicon.js';
import { loadFile } from '../../ingest/load/index.js';
import { normalize } from '../../ingest/normalize/index.js';
import { structure } from '../../ingest/structure/index.js';
import { cutWithOffsets, dictionaryWords, initSegmenter, segment } from '../../ingest/segment/index.js';
import { FILES as corpusFiles, corpusPath } from '../helpers/corpus.js';

const words = (s: string) => cutWithOffsets(s).map((t) => t.word);

/** Invented compound terms jieba cannot know, so only a lexicon can keep them whole. */
const SENTENCE = '桂西南沿边城镇带与钦北防一体化先行区协同推进，“4+2”城市均被列入规划当中。';

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'segment-test-')); });
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  initSegmenter({ force: true });
});

describe('initSegmenter', () => {
  it('works with a missing or empty lexicon folder', () => {
    expect(initSegmenter({ force: true, lexiconDir: join(tmp, 'does-not-exist') })).toMatchObject({ userWords: 0, lexicons: [] });
    mkdirSync(join(tmp, 'empty'));
    expect(initSegmenter({ force: true, lexiconDir: join(tmp, 'empty') })).toMatchObject({ userWords: 0, lexicons: [] });
    expect(words(SENTENCE)).not.toContain('桂西南沿边城镇带');
  });

  it('adds every lexicon name and alias as a user word', () => {
    const dir = join(tmp, 'lex');
    mkdirSync(dir);
    writeFileSync(join(dir, 'clusters.tsv'), '# test lexicon\nname\taliases\n桂西南沿边城镇带\t桂西南城镇带\n');
    writeFileSync(join(dir, 'zones.tsv'), 'name\tkind\taliases\n钦北防一体化先行区\tzone\t钦北防先行区|钦北防一体化区\n城市\tblock\t\n');
    const info = initSegmenter({ force: true, lexiconDir: dir });
    expect(info.lexicons).toEqual(['clusters', 'zones']);
    expect(info.userWords).toBe(5);
    expect(info.alreadyKnown).toBe(1); // 城市 is already a jieba word
    const w = words(SENTENCE);
    expect(w).toContain('桂西南沿边城镇带');
    expect(w).toContain('钦北防一体化先行区');
    expect(words('钦北防先行区建设')).toContain('钦北防先行区');
    // inserting a known word would lower its weight and cut it as 城/市
    expect(w).toContain('城市');
    expect(dictionaryWords().has('城市')).toBe(true);
  });

  it('rejects a malformed lexicon instead of skipping it', () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'broken.tsv'), 'name\taliases\n北部 湾\t\n');
    expect(() => initSegmenter({ force: true, lexiconDir: dir })).toThrow(LexiconError);
  });
});

describe('segment', () => {
  beforeAll(() => { initSegmenter({ force: true }); });

  it.each(corpusFiles)('%s: one token list per sentence, every token an exact span inside its sentence', (f) => {
    const doc = segment(structure(normalize(loadFile(corpusPath(f)))));
    expect(doc.tokens).toHaveLength(doc.sentences.length);
    doc.sentences.forEach((s, i) => {
      const toks = doc.tokens[i];
      expect(toks.length, s.text).toBeGreaterThan(0);
      let prev = s.start;
      for (const t of toks) {
        expect(doc.text.slice(t.start, t.end)).toBe(t.word);
        expect(t.start).toBeGreaterThanOrEqual(prev);
        expect(t.end).toBeLessThanOrEqual(s.end);
        expect(t.word.trim()).toBe(t.word);
        prev = t.end;
      }
      // tokens cover the sentence apart from whitespace
      expect(toks.map((t) => t.word).join('')).toBe(s.text.replace(/\s+/g, ''));
    });
  });

  it('cuts with HMM on and can drop punctuation tokens', () => {
    initSegmenter({ force: true, lexiconDir: join(tmp, 'empty') });
    const doc = structure(normalize(loadFile(corpusPath('2023-xu-collaborative-innovation-city-clusters.txt'))));
    const all = segment(doc);
    const noPunct = segment(doc, { dropPunctuation: true });
    const i = all.sentences.findIndex((s) => s.text.startsWith('城市群并不是城市之间的简单组合'));
    expect(all.tokens[i].map((t) => t.word)).toContain('，');
    expect(noPunct.tokens[i].map((t) => t.word)).not.toContain('，');
    expect(noPunct.tokens[i].every((t) => /[\p{L}\p{N}]/u.test(t.word))).toBe(true);
    // HMM joins unknown names: 徐晓明 is not in jieba's dictionary
    expect(dictionaryWords().has('徐晓明')).toBe(false);
    expect(words('作者徐晓明研究员')).toContain('徐晓明');
  });
});
