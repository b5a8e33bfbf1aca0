import { describe, expect, it } from 'vitest';
import { alignSentences, foldChar, locateMentions, squeeze, squeezeWithIndex } from '../../scripts/eval/align.js';
import { combine, prf, scoreDocument, type GoldDoc, type GoldSentence, type PipelineOutput } from '../../scripts/eval/score.js';
import type { Citation, Entity, EntityType, Measure, Mention, Relation } from '../../ingest/types.js';

/** Pipeline sentences split after 。！？ */
function sentencesOf(text: string) {
  const out: { ordinal: number; start: number; end: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。！？\n'.includes(text[i])) {
      const t = text.slice(start, i + 1);
      if (t.trim()) out.push({ ordinal: out.length, start, end: i + 1, text: t });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push({ ordinal: out.length, start, end: text.length, text: text.slice(start) });
  return out;
}

type Spec = [surface: string, type: EntityType, name: string, occurrence?: number];

/** A pipeline output whose mentions are the given surfaces (k-th occurrence in the text). */
function output(text: string, specs: Spec[], extra: Partial<PipelineOutput> = {}): PipelineOutput {
  const sentences = sentencesOf(text);
  const entities = new Map<string, Entity>();
  const mentions: Mention[] = specs.map(([surface, type, name, occ = 0]) => {
    let i = -1;
    for (let k = 0; k <= occ; k++) i = text.indexOf(surface, i + 1);
    if (i < 0) throw new Error(`no ${surface}`);
    const key = `${type.toLowerCase()}:${name}`;
    entities.set(key, { key, type, name, aliases: [] });
    const s = sentences.find((x) => x.start <= i && i < x.end)!;
    return { type, surface, start: i, end: i + surface.length, sentence: s.ordinal, entity: key };
  });
  return { text, sentences, entities: [...entities.values()], mentions, measures: [], relations: [], citations: [], ...extra };
}

const sent = (quote: string, mentions: [string, EntityType, string][], rest: Partial<GoldSentence> = {}): GoldSentence => ({
  quote, mentions: mentions.map(([surface, type, name]) => ({ surface, type, name })), measure: null, relations: [], ...rest,
});

const TEXT = '县域地区应发展县域主导产业。国家发改委推动新型城镇化。';
const GOLD: GoldDoc = {
  document: 'd',
  sentences: [
    sent('县域地区应发展县域主导产业。', [['县域地区', 'CONCEPT', '县域地区'], ['县域主导产业', 'INDUSTRY', '县域主导产业']]),
    sent('国家发改委推动新型城镇化。', [['国家发改委', 'ORGANIZATION', '国家发展和改革委员会'], ['新型城镇化', 'CONCEPT', '新型城镇化']]),
  ],
  citations: [],
};
const ALL: Spec[] = [
  ['县域地区', 'CONCEPT', '县域地区'],
  ['县域主导产业', 'INDUSTRY', '县域主导产业'],
  ['国家发改委', 'ORGANIZATION', '国家发展和改革委员会'],
  ['新型城镇化', 'CONCEPT', '新型城镇化'],
];

describe('align', () => {
  it('folds punctuation width and drops whitespace', () => {
    expect(foldChar(',')).toBe('，');
    expect(foldChar(':')).toBe('：');
    expect(foldChar('(')).toBe('（');
    expect(foldChar('２')).toBe('2');
    expect(squeeze(' 1 . 9 万,（a)')).toBe('1.9万，（a）');
    const s = squeezeWithIndex('a b\n c');
    expect(s.text).toBe('abc');
    expect(s.offsets).toEqual([0, 2, 5]);
  });

  it('maps a quote to one sentence, part of one, and across two', () => {
    const text = '第一句话。第二句，还有第三句。';
    const sents = sentencesOf(text);
    const [a, b, c] = alignSentences(text, sents, ['第一句话。', '第二句，', '还有第三句。']);
    expect([a.start, a.end, a.sentences]).toEqual([0, 5, [0]]);
    expect([b.start, b.end, b.sentences]).toEqual([5, 9, [1]]);
    expect([c.start, c.end, c.sentences]).toEqual([9, 15, [1]]);
    const [both] = alignSentences(text, sents, ['第一句话。第二句，还有第三句。']);
    expect([both.start, both.end, both.sentences]).toEqual([0, 15, [0, 1]]);
  });

  it('ignores whitespace and punctuation width differences', () => {
    const text = '城镇化率达到 1.9万，提高了(约)5%。';
    const [al] = alignSentences(text, sentencesOf(text), ['城镇化率达到1 . 9 万,提高了（约）5%。']);
    expect(al.found).toBe(true);
    expect([al.start, al.end]).toEqual([0, text.length]);
    const [span] = locateMentions(al, ['城镇化率']);
    expect(span).toEqual({ start: 0, end: 4 });
  });

  it('searches forward from the previous match', () => {
    const text = '城镇化。城镇化。';
    const [a, b] = alignSentences(text, sentencesOf(text), ['城镇化。', '城镇化。']);
    expect([a.start, b.start]).toEqual([0, 4]);
  });

  it('joins pieces across a footnote block and keeps the gap out of the pieces', () => {
    const text = '小城市培育是新型\n① 李克强：《协调推进城镇化》，2012。\n城镇化的路径。';
    const [al] = alignSentences(text, sentencesOf(text), ['小城市培育是新型城镇化的路径。']);
    expect(al.found).toBe(true);
    expect(al.pieces).toHaveLength(2);
    expect(text.slice(al.pieces[0].start, al.pieces[0].end)).toBe('小城市培育是新型');
    expect(text.slice(al.pieces[1].start, al.pieces[1].end)).toBe('城镇化的路径。');
    const [span] = locateMentions(al, ['新型城镇化']);
    expect(span).toEqual({ start: 6, end: text.indexOf('的路径') });
  });

  it('finds a heading printed inside the gap of the previous sentence', () => {
    const text = '共建蓝色湾区，深化海\n\n搭起城市群框架\n\n①王克础. 某篇报道[N/OL]. 2017.\n\n洋合作。南宁是核心。';
    const sents = sentencesOf(text);
    const [a, b, c] = alignSentences(text, sents, ['共建蓝色湾区，深化海洋合作。', '搭起城市群框架', '南宁是核心。']);
    expect(a.pieces).toHaveLength(2);
    expect(text.slice(b.start, b.end)).toBe('搭起城市群框架');
    expect(text.slice(c.start, c.end)).toBe('南宁是核心。');
  });

  it('reports a quote that is not in the text', () => {
    const [al] = alignSentences('完全不同的文本。', [], ['这句话并不存在于文档。']);
    expect(al.found).toBe(false);
  });

  it('places repeated and nested surfaces by order', () => {
    const text = '县域新型城镇化与新型城镇化。';
    const [al] = alignSentences(text, sentencesOf(text), [text]);
    expect(locateMentions(al, ['县域新型城镇化', '新型城镇化'])).toEqual([{ start: 0, end: 7 }, { start: 8, end: 13 }]);
    // mis-ordered list: falls back to the first occurrence not inside an already placed mention
    const t2 = '新型城镇化与新型城镇化。';
    const [al2] = alignSentences(t2, sentencesOf(t2), [t2]);
    expect(locateMentions(al2, ['新型城镇化', '新型城镇化'])).toEqual([{ start: 0, end: 5 }, { start: 6, end: 11 }]);
  });
});

describe('score: entities', () => {
  it('perfect match gives 1.0 everywhere', () => {
    const s = scoreDocument(GOLD, output(TEXT, ALL));
    expect(s.entities.strictMicro).toMatchObject({ tp: 4, pred: 4, gold: 4, p: 1, r: 1, f1: 1 });
    expect(s.entities.lenientMicro.f1).toBe(1);
    expect(s.entities.strict.CONCEPT).toMatchObject({ p: 1, r: 1, f1: 1 });
    expect(s.entities.names).toMatchObject({ correct: 4, total: 4, acc: 1 });
    expect(s.alignment).toMatchObject({ sentences: 2, aligned: 2, unaligned: [] });
  });

  it('one missing mention drops recall by exactly 1/gold', () => {
    const s = scoreDocument(GOLD, output(TEXT, ALL.filter(([x]) => x !== '新型城镇化')));
    expect(s.entities.strictMicro).toMatchObject({ tp: 3, pred: 3, gold: 4, p: 1, r: 0.75 });
    expect(s.entities.strict.CONCEPT).toMatchObject({ tp: 1, pred: 1, gold: 2, p: 1, r: 0.5 });
    expect(s.entities.strict.INDUSTRY.r).toBe(1);
    expect(s.errors.mentionMisses.map((m) => m.surface)).toEqual(['新型城镇化']);
  });

  it('a wrong type is a strict and lenient miss and a false positive', () => {
    const specs = ALL.map((x): Spec => (x[0] === '县域主导产业' ? ['县域主导产业', 'CONCEPT', '县域主导产业'] : x));
    const s = scoreDocument(GOLD, output(TEXT, specs));
    expect(s.entities.strict.INDUSTRY).toMatchObject({ tp: 0, pred: 0, gold: 1, r: 0, f1: 0 });
    expect(s.entities.strict.CONCEPT).toMatchObject({ tp: 2, pred: 3, gold: 2 });
    expect(s.entities.strictMicro).toMatchObject({ tp: 3, pred: 4, gold: 4 });
    expect(s.entities.lenientMicro.tp).toBe(3);
  });

  it('an overlapping span is a lenient hit and a strict miss', () => {
    const specs = ALL.map((x): Spec => (x[0] === '县域主导产业' ? ['主导产业', 'INDUSTRY', '主导产业'] : x));
    const s = scoreDocument(GOLD, output(TEXT, specs));
    expect(s.entities.strict.INDUSTRY).toMatchObject({ tp: 0, pred: 1, gold: 1 });
    expect(s.entities.lenient.INDUSTRY).toMatchObject({ tp: 1, pred: 1, gold: 1, f1: 1 });
    expect(s.entities.strictMicro.r).toBe(0.75);
    expect(s.entities.lenientMicro.r).toBe(1);
  });

  it('counts wrong canonical names on strict matches', () => {
    const specs = ALL.map((x): Spec => (x[0] === '国家发改委' ? ['国家发改委', 'ORGANIZATION', '国家发改委'] : x));
    const s = scoreDocument(GOLD, output(TEXT, specs));
    expect(s.entities.strictMicro.f1).toBe(1);
    expect(s.entities.names).toMatchObject({ correct: 3, total: 4, acc: 0.75 });
  });

  it('ignores pipeline mentions outside the gold scope', () => {
    const text = `${TEXT}参考资料：中国城市群。`;
    const s = scoreDocument(GOLD, output(text, [...ALL, ['中国', 'PLACE', '中国']]));
    expect(s.entities.strictMicro).toMatchObject({ tp: 4, pred: 4, gold: 4 });
  });

  it('scores a gold quote spanning two pipeline sentences, with width/space differences', () => {
    const text = '国家发改委提出：\n县域地区应发展, 县域主导产业。';
    const gold: GoldDoc = {
      document: 'x',
      sentences: [sent('国家发改委提出:县域地区应发展，县域 主导产业。', [
        ['国家发改委', 'ORGANIZATION', '国家发展和改革委员会'], ['县域地区', 'CONCEPT', '县域地区'], ['县域主导产业', 'INDUSTRY', '县域主导产业'],
      ])],
      citations: [],
    };
    const out = output(text, [['国家发改委', 'ORGANIZATION', '国家发展和改革委员会'], ['县域地区', 'CONCEPT', '县域地区'], ['县域主导产业', 'INDUSTRY', '县域主导产业']]);
    const s = scoreDocument(gold, out);
    expect(out.sentences.length).toBe(2);
    expect(s.entities.strictMicro).toMatchObject({ tp: 3, pred: 3, gold: 3 });
  });
});

describe('score: measures, relations, citations', () => {
  const entity = (type: EntityType, name: string) => `${type.toLowerCase()}:${name}`;
  const measure = (out: PipelineOutput, sentence: number, targets: string[], actor: string | null, modality: Measure['modality'] = 'should'): Measure => {
    const s = out.sentences[sentence];
    return { sentence, start: s.start, end: s.end, text: TEXT.slice(s.start, s.end), modality, targets, actor, cue: '应' };
  };

  it('matches measures by sentence overlap, then targets and actor', () => {
    const gold: GoldDoc = {
      ...GOLD,
      sentences: [
        { ...GOLD.sentences[0], measure: { actor: '县域地区', targets: ['县域主导产业'], modality: 'should' } },
        GOLD.sentences[1],
      ],
    };
    const out = output(TEXT, ALL);
    out.measures = [
      measure(out, 0, [entity('INDUSTRY', '县域主导产业'), entity('CONCEPT', '新型城镇化')], entity('CONCEPT', '县域地区')),
      measure(out, 1, [], null),
    ];
    const s = scoreDocument(gold, out);
    expect(s.measures.detection).toMatchObject({ tp: 1, pred: 2, gold: 1, p: 0.5, r: 1 });
    expect(s.measures.targets).toMatchObject({ tp: 1, pred: 2, gold: 1, p: 0.5, r: 1 });
    expect(s.measures.actor).toMatchObject({ correct: 1, total: 1 });
    expect(s.measures.modality.acc).toBe(1);
  });

  it('matches relations by type and canonical names in the same sentence', () => {
    const gold: GoldDoc = {
      ...GOLD,
      sentences: [GOLD.sentences[0], { ...GOLD.sentences[1], relations: [{ type: 'DRIVES', from: '国家发展和改革委员会', to: '新型城镇化' }] }],
    };
    const out = output(TEXT, ALL);
    const rel = (type: Relation['type'], from: string, to: string, sentence: number | null): Relation => ({ type, from, to, sentence });
    out.relations = [
      rel('DRIVES', entity('ORGANIZATION', '国家发展和改革委员会'), entity('CONCEPT', '新型城镇化'), 1),
      rel('DRIVES', entity('ORGANIZATION', '国家发展和改革委员会'), entity('CONCEPT', '新型城镇化'), 0), // wrong sentence
      rel('SUPPORTS', entity('INDUSTRY', '县域主导产业'), entity('CONCEPT', '县域地区'), 0),
      rel('PART_OF', 'place:x', 'place:y', null), // gazetteer fact: not scored
      rel('COVERS', 'policy:a', 'place:y', 0), // not a scored type
    ];
    const s = scoreDocument(gold, out);
    expect(s.relations.perType.DRIVES).toMatchObject({ tp: 1, pred: 2, gold: 1 });
    expect(s.relations.perType.SUPPORTS).toMatchObject({ tp: 0, pred: 1, gold: 0 });
    expect(s.relations.micro).toMatchObject({ tp: 1, pred: 3, gold: 1 });
  });

  it('matches citations by title and scores fields', () => {
    const text = `${TEXT}\n① 李克强：《协调推进城镇化是实现现代化的重大战略选择》，《行政管理改革》2012年第12期。`;
    const cit = (title: string, extra: Partial<Citation> = {}): Citation => ({
      marker: '①', authors: ['李克强'], title, venue: '行政管理改革', year: 2012, kind: 'J', raw: '', start: text.indexOf('①'), end: text.length, citedFrom: [], ...extra,
    });
    const gold: GoldDoc = {
      ...GOLD,
      citations: [
        { marker: '①', authors: ['李克强'], title: '协调推进城镇化是实现现代化的重大战略选择', venue: '行政管理改革', year: 2012, kind: 'J' },
        { marker: '②', authors: [], title: '一图看懂中国城市群', venue: null, year: null, kind: 'EB/OL' },
      ],
    };
    const out = output(text, ALL, {
      citations: [
        cit('《协调推进城镇化是实现现代化的重大战略选择》', { year: 2013 }),
        cit('某篇无关文章', { start: 0, end: 3 }), // inside the scope: a false positive
        cit('另一个范围外的引用', { start: text.length + 10, end: text.length + 20 }), // outside the scope: ignored
      ],
    });
    const s = scoreDocument(gold, out);
    expect(s.citations.detection).toMatchObject({ tp: 1, pred: 2, gold: 2 });
    expect(s.citations.fields.title.acc).toBe(0);
    expect(s.citations.fields.authors.acc).toBe(1);
    expect(s.citations.fields.year.acc).toBe(0);
    expect(s.citations.fields.venue.acc).toBe(1);
    expect(s.citations.fields.kind.acc).toBe(1);
  });

  it('combines documents by summing counts', () => {
    const a = scoreDocument(GOLD, output(TEXT, ALL));
    const b = scoreDocument(GOLD, output(TEXT, ALL.slice(0, 2)));
    const c = combine([a, b]);
    expect(c.entities.strictMicro).toMatchObject({ tp: 6, pred: 6, gold: 8, p: 1, r: 0.75 });
    expect(c.documents).toBe(2);
    expect(prf({ tp: 0, pred: 0, gold: 0 }).f1).toBeNull();
  });
});
