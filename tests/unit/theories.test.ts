import { describe, expect, it } from 'vitest';
import { makeDoc } from '../helpers/make-doc.js';
import { surfaceNames } from '../helpers/recognise.js';
import { extractTheories } from '../../ingest/extract/theories.js';
import { extractConcepts } from '../../ingest/extract/concepts.js';
import { FILES, QU, XU, YT, corpus, docOf } from '../helpers/corpus.js';

describe('extractTheories', () => {
  it('finds an unlisted theory by pattern, without the preceding 按照', () => {
    const doc = docOf(YT, '按照城市集聚理论，城镇的人口数量需');
    const th = extractTheories(doc);
    expect(th).toHaveLength(1);
    expect(th[0]).toMatchObject({ type: 'THEORY', name: '城市集聚理论', surface: '城市集聚理论', start: 2, end: 8 });
  });

  it('finds lexicon theories and their canonical names', () => {
    const doc = docOf(QU, '对信息论、控制论、系统论有过系统的学习和理解');
    expect(extractTheories(doc).map((c) => c.name)).toEqual(['信息论', '控制论', '系统论']);
    const doc2 = docOf(QU, '二 大学学习为研究协同理论奠定了基础');
    expect(extractTheories(doc2).map((c) => c.surface)).toEqual(['协同理论']);
    expect(extractTheories(makeDoc('协同学')).map((c) => c.name)).toEqual(['协同理论']);
  });

  it('does not read 理论 as the generic noun as a theory name', () => {
    const doc = docOf(QU, '四是长期从事城镇化发展理论与实证研究');
    expect(extractTheories(doc)).toEqual([]);
  });

  it('treats named 效应 as THEORY, not CONCEPT', () => {
    const doc = docOf(XU, '进一步发挥城市在经济发展中的集聚与外溢效应');
    expect(extractTheories(doc).map((c) => [c.surface, c.name])).toContainEqual(['外溢效应', '外溢效应']);
    expect(extractConcepts(doc).map((c) => c.surface)).not.toContain('外溢效应');
  });

  it('keeps offsets exact for every candidate on every corpus file', () => {
    let total = 0;
    for (const f of FILES) {
      const doc = makeDoc(corpus(f), f);
      for (const c of extractTheories(doc)) {
        total++;
        expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
        const s = doc.sentences[c.sentence]!;
        expect(c.start >= s.start && c.end <= s.end).toBe(true);
        expect(c.type).toBe('THEORY');
      }
    }
    expect(total).toBeGreaterThan(10);
  });
});

describe('extractTheories — guideline terms (增长极, 梯度转移, 规模经济, 范围经济)', () => {
  it('bare 增长极 / 梯度转移 name their theory; 规模经济 and 范围经济 are THEORY, not CONCEPT', () => {
    const doc = makeDoc('培育区域增长极，承接产业梯度转移，发挥中心城市的规模经济和范围经济优势。');
    const th = extractTheories(doc).map((c) => [c.surface, c.name]);
    expect(th).toEqual([
      ['增长极', '增长极理论'], ['梯度转移', '梯度转移理论'], ['规模经济', '规模经济'], ['范围经济', '范围经济'],
    ]);
    expect(extractConcepts(doc).map((c) => c.surface)).not.toContain('规模经济');
  });
});

describe('extractTheories — shared head and listed principles', () => {
  it('集聚与溢出效应: the first conjunct takes the shared head', () => {
    const th = extractTheories(makeDoc('中心城市应充分发挥辐射与溢出效应。'));
    expect(th.map((c) => [c.surface, c.name])).toEqual([['辐射', '辐射效应'], ['溢出效应', '外溢效应']]);
  });

  it('a stem that is not a listed effect is left alone', () => {
    expect(extractTheories(makeDoc('产生经济与社会效应。')).map((c) => c.surface)).toEqual([]);
  });

  it('reads the quoted 中心—外围 model as the core–periphery theory', () => {
    expect(extractTheories(makeDoc('区域内形成“中心—外围”格局。')).map((c) => c.name)).toEqual(['核心—边缘理论']);
  });
});

describe('extractTheories — titles, compounds and principles', () => {
  const th = surfaceNames(extractTheories);

  it('drops a theory name inside a book or paper title, not inside running text', () => {
    expect(th('他翻译了《控制论》一书，并用控制论分析城市系统。')).toEqual([['控制论', '控制论']]);
  });

  it('does not read 增长极 in 增长极限', () => {
    expect(th('突破资源环境的增长极限，培育新的增长极。')).toEqual([['增长极', '增长极理论']]);
  });

  it('reads two listed effects written together as one compound effect', () => {
    expect(th('形成辐射扩散效应。')).toEqual([['辐射扩散效应', '辐射扩散效应']]);
  });

  it('finds a theory followed by 中', () => {
    expect(th('这在现代控制理论中很常见。')).toEqual([['现代控制理论', '现代控制理论']]);
  });
});
