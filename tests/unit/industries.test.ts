import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../helpers/make-doc.js';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { extractIndustries } from '../../ingest/extract/industries.js';
import type { SegmentedDoc } from '../../ingest/types.js';
import { CHANG, FILES, GX, YT, corpus, docOf } from '../helpers/corpus.js';

const jieba = createRequire(import.meta.url)('nodejieba') as { cut(s: string): string[] };

/** Adds plain jieba tokens (document offsets) to a test doc, as the segment stage would. */
function withTokens(doc: SegmentedDoc): SegmentedDoc {
  const tokens = doc.sentences.map((s) => {
    let pos = 0;
    return jieba.cut(s.text).map((word) => {
      const i = s.text.indexOf(word, pos);
      pos = i + word.length;
      return { word, start: s.start + i, end: s.start + i + word.length };
    });
  });
  return { ...doc, tokens };
}

describe('extractIndustries', () => {
  it('reads bare 工业 before a noun as a modifier, not an industry', () => {
    const names = surfacesOf(extractIndustries);
    expect(names('工业投入达到58亿元，工业园区扩大')).toEqual([]);
    expect(names('实现工业与农业协调发展')).toEqual(['工业', '农业']);
    expect(names('二产和三产比重上升')).toEqual(['二产', '三产']);
  });

  it('gives 县域主导产业 as ONE industry, with or without jieba tokens', () => {
    const plain = docOf(CHANG, '为了充分发挥县域主导产业对新型城镇化的带动作用');
    for (const doc of [plain, withTokens(plain)]) {
      const inds = extractIndustries(doc);
      expect(inds).toHaveLength(1);
      expect(inds[0]!).toMatchObject({ type: 'INDUSTRY', name: '县域主导产业', surface: '县域主导产业', start: 6, end: 12 });
    }
  });

  it('gives 主导产业 alone as 主导产业', () => {
    const doc = docOf(CHANG, '现阶段已经确定主导产业的地区中,主导产业对新型城镇化具有一定带动作用');
    const inds = extractIndustries(doc);
    expect(inds.map((c) => [c.name, c.start])).toEqual([['主导产业', 7], ['主导产业', 16]]);
  });

  it('does not take 就业 (or any X业 word that is not an industry)', () => {
    const doc = docOf(YT, '产业发展是城市发展的基础，没有良好的产业增长和充足的就业岗位，就不可能有效形成人习的集聚，城镇化无从谈起。');
    expect(extractIndustries(doc)).toEqual([]);
  });

  it('finds unlisted <stem>农业 names by pattern, stopping at the verb', () => {
    const doc = docOf(YT, '三是大力推进农业现代化，发展效益农业、生态农业、观光农业；推进');
    const names = extractIndustries(doc).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['效益农业', '生态农业', '观光农业']));
    expect(names).not.toContain('发展效益农业');
  });

  it('does not glue a verb to a lexicon industry, nor read 工业化 as 工业', () => {
    const a = docOf(GX, '需要制造业、服务业乃至现代农业并举发展');
    expect(extractIndustries(a).map((c) => c.surface)).toEqual(['制造业', '服务业', '现代农业']);
    const b = docOf(YT, '以工业化带动城镇化发展');
    expect(extractIndustries(b)).toEqual([]);
  });

  it('keeps offsets exact for every candidate on every corpus file (with and without tokens)', () => {
    for (const f of FILES) {
      const plain = makeDoc(corpus(f), f);
      for (const doc of [plain, withTokens(plain)]) {
        for (const c of extractIndustries(doc)) {
          expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
          const s = doc.sentences[c.sentence]!;
          expect(c.start >= s.start && c.end <= s.end).toBe(true);
          expect(c.surface.endsWith('就业')).toBe(false);
        }
      }
    }
  });
});

describe('extractIndustries — context, qualifiers and coordination', () => {
  const inds = surfaceNames(extractIndustries);
  const surfaces = surfacesOf(extractIndustries);

  it('reads bare 农业 before a noun as a modifier, but keeps 农业发展 and 农业与…', () => {
    expect(surfaces('优化农业劳动力结构，提高农业机械水平')).toEqual([]);
    expect(surfaces('推动农业发展，统筹工业与农业')).toEqual(['农业', '工业', '农业']);
  });

  it('keeps qualifiers that name a kind of industry (传统, 现代, 高端) unless the stem is only the qualifier', () => {
    expect(surfaces('改造传统纺织产业，提升现代渔业，培育高端新兴产业')).toEqual(['传统纺织产业', '现代渔业', '高端新兴产业']);
    expect(surfaces('由传统农业转向效益农业')).toEqual(['传统农业', '效益农业']);
    expect(surfaces('构建现代产业体系')).toEqual([]);
    expect(surfaces('把低附加值产业改造为高附加值产业')).toEqual(['低附加值产业', '高附加值产业']);
  });

  it('does not take jieba-ns words that are not places out of the stem (海洋, 临港), but strips real places', () => {
    expect(surfaces('壮大海洋装备制造业')).toEqual(['海洋装备制造业']);
    expect(surfaces('法国巴黎时装业闻名')).toEqual(['时装业']);
  });

  it('drops an industry that names a zone, firm or cluster (园区, 企业, 产业群, 城市)', () => {
    expect(surfaces('建设电子商务产业园，引进物流企业，形成一批新兴产业群')).toEqual([]);
    expect(surfaces('打造先进制造业城市')).toEqual([]);
  });

  it('reads conjuncts listed before 等 + an industry head as one industry each', () => {
    expect(inds('重点发展纺织服装、食品加工、生物医药等支柱产业')).toEqual([
      ['纺织服装', '纺织服装'], ['食品加工', '食品加工'], ['生物医药', '生物医药产业'], ['支柱产业', '支柱产业'],
    ]);
    // one conjunct is not a list; a non-industry tail is not an industry list
    expect(surfaces('发展电子信息等产业')).toEqual(['电子信息']);
    expect(surfaces('完善交通、水利、能源等基础设施')).toEqual([]);
  });

  it('splits 第二、三产业 into 第二 (第二产业) and 三产业 (第三产业)', () => {
    expect(inds('第二、三产业比重提高')).toEqual([['第二', '第二产业'], ['三产业', '第三产业']]);
  });
});
