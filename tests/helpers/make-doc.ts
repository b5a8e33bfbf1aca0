import type { DocMeta, RawDoc, SegmentedDoc, Sentence } from '../../ingest/types.js';
import { normalize } from '../../ingest/normalize/index.js';
import { structure } from '../../ingest/structure/index.js';
import { segment } from '../../ingest/segment/index.js';
import { extract } from '../../ingest/extract/index.js';

/** The DocMeta of a test document: kind 'other', no year, authors, source or url. */
export function testMeta(over: Partial<DocMeta> = {}): DocMeta {
  return { id: 'test', title: 'test', kind: 'other', year: null, authors: [], source: null, url: null, ...over };
}

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
    meta: testMeta({ id, title: id }),
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

/** A makeDoc whose sections start at the given headings (the structure stage's output shape). */
export function sectionedDoc(parts: { heading: string; level: number; body: string[] }[], kind: DocMeta['kind'] = 'other'): SegmentedDoc {
  const text = parts.map((p) => [p.heading, ...p.body].join('\n')).join('\n');
  const doc = makeDoc(text);
  doc.meta.kind = kind;
  let at = 0;
  doc.sections = parts.map((p, ordinal) => {
    const len = [p.heading, ...p.body].join('\n').length;
    const sec = { ordinal, heading: p.heading, level: p.level, start: at, end: at + len };
    at += len + 1;
    return sec;
  });
  for (const s of doc.sentences) s.section = doc.sections.find((x) => x.start <= s.start && s.start < x.end + 1)!.ordinal;
  return doc;
}

/** A document through the real stages up to segmentation, for rules that depend on jieba tokens (皖南|城市 must not yield 南城). */
export function segmentedDoc(text: string, title = 'test'): SegmentedDoc {
  const raw: RawDoc = {
    meta: testMeta({ title }),
    origin: 'test', format: 'txt', encoding: 'UTF-8', bytes: text.length, text: `${text}\n`, warnings: [],
  };
  return segment(structure(normalize(raw)));
}

/** "from TYPE to" (canonical names) for the PART_OF / MEMBER_OF / CORE_OF relations of the whole extract stage. */
export function placeRelations(text: string): string[] {
  const x = extract(segmentedDoc(text));
  const name = new Map(x.entities.map((e) => [e.key, e.name]));
  return x.relations
    .filter((r) => r.type === 'PART_OF' || r.type === 'MEMBER_OF' || r.type === 'CORE_OF')
    .map((r) => `${name.get(r.from)} ${r.type} ${name.get(r.to)}`);
}
