import type { SegmentedDoc, Sentence } from '../../ingest/types.js';

/**
 * A minimal SegmentedDoc for extractor unit tests: one section, sentences split after
 * 。！？； (and newlines), offsets exact. Tokens are left empty; tests that need jieba
 * tokens should run the real segment stage.
 */
export function makeDoc(text: string, id = 'test-doc'): SegmentedDoc {
  const sentences: Sentence[] = [];
  const re = /[^。！？；\n]+[。！？；]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const start = m.index + lead;
    sentences.push({ ordinal: sentences.length, section: 0, paragraph: 0, start, end: start + body.length, text: body });
  }
  return {
    meta: { id, title: id, kind: 'other', year: null, authors: [], source: null, url: null },
    origin: 'test',
    sha256: '',
    text,
    warnings: [],
    sections: [{ ordinal: 0, heading: null, level: 1, start: 0, end: text.length }],
    sentences,
    footnotes: [],
    referenceLines: [],
    tokens: sentences.map(() => []),
  };
}
