import { describe, expect, it } from 'vitest';
import { makeDoc } from '../helpers/make-doc.js';
import { surfaceNames } from '../helpers/recognise.js';
import { extractOrganizations, issuersInTitle, lookupOrganization } from '../../ingest/extract/organizations.js';
import type { Candidate } from '../../ingest/extract/candidate.js';
import { CHANG, FILES, GX, QU, corpus, docOf } from '../helpers/corpus.js';

function at(doc: ReturnType<typeof makeDoc>, c: Candidate, surface: string) {
  const start = doc.text.indexOf(surface);
  expect(c.surface).toBe(surface);
  expect([c.start, c.end]).toEqual([start, start + surface.length]);
}

describe('extractOrganizations', () => {
  it('names generic government actors per level (县级政府, 镇政府, 中央政府), not all 地方政府', () => {
    const got = surfaceNames(extractOrganizations);
    expect(got('县一级政府和镇级政府要加强协调')).toEqual([['县一级政府', '县级政府'], ['镇级政府', '镇政府']]);
    expect(got('中央政府加大转移支付，各级政府配合')).toEqual([['中央政府', '中央政府'], ['各级政府', '地方政府']]);
  });

  it('resolves 国家发改委 to 国家发展和改革委员会 with exact offsets', () => {
    const doc = docOf(CHANG, '从国家发改委选择的120个县域新型城镇化示范县发展情况看');
    const orgs = extractOrganizations(doc);
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.type).toBe('ORGANIZATION');
    expect(orgs[0]!.name).toBe('国家发展和改革委员会');
    at(doc, orgs[0]!, '国家发改委');
  });

  it('builds local governments from a place and a unit (河南省政府 → 河南省人民政府, 泸州市经信委)', () => {
    const a = docOf(QU, '2012年10月由河南省政府批准正式挂牌成立');
    const oa = extractOrganizations(a);
    expect(oa.map((c) => c.name)).toEqual(['河南省人民政府']);
    at(a, oa[0]!, '河南省政府');
    const b = docOf(GX, '泸州市经信委相关负责人说');
    expect(extractOrganizations(b).map((c) => c.name)).toEqual(['泸州市经济和信息化委员会']);
  });

  it('chains sub-units onto a known body and finds university schools', () => {
    const a = docOf(GX, '国务院发展研究中心发展战略和区域经济研究部研究员刘建兴指出');
    const oa = extractOrganizations(a);
    expect(oa.map((c) => c.name)).toEqual(['国务院发展研究中心发展战略和区域经济研究部']);
    const b = docOf(CHANG, '中国科学院大学公共管理学院');
    const ob = extractOrganizations(b);
    expect(ob.map((c) => c.surface)).toEqual(['中国科学院大学公共管理学院']);
  });

  it('maps generic actors to 地方政府 but not a foreign government', () => {
    const doc = docOf(GX, '日本政府很早就意识到');
    expect(extractOrganizations(doc).map((c) => c.name)).toEqual(['日本政府']);
    const doc2 = makeDoc('各地方政府都从完善自身功能、提升自身竞争力的角度出发');
    expect(corpus(GX)).toContain(doc2.text);
    expect(extractOrganizations(doc2).map((c) => c.name)).toEqual(['地方政府']);
  });

  it('rejects generic bank categories and keeps named banks', () => {
    const a = docOf(GX, '3 家政策性银行、5 家国有银行、12 家国有股份制银行全部落户郑州');
    expect(extractOrganizations(a)).toEqual([]);
    const b = docOf(GX, '以浙商银行、进出口银行入驻为标志');
    expect(extractOrganizations(b).map((c) => c.name).sort()).toEqual(['中国进出口银行', '浙商银行']);
  });

  it('does not treat congresses and plenums as organizations', () => {
    const doc = docOf(CHANG, '党的十九届五中全会和国家“十四五”规划《纲要》提出了推进以县城为重要载体的城镇化建设');
    expect(extractOrganizations(doc)).toEqual([]);
  });

  it('reads issuers from a title head and looks up aliases', () => {
    expect(issuersInTitle('中共中央国务院关于建立健全城乡融合发展体制机制和政策体系的意见')).toEqual(['中国共产党中央委员会', '国务院']);
    expect(issuersInTitle('关于深入推进新型城镇化建设的若干意见')).toEqual([]);
    expect(lookupOrganization('住建部')?.name).toBe('住房和城乡建设部');
  });

  it('keeps offsets exact for every candidate on every corpus file', () => {
    for (const f of FILES) {
      const doc = makeDoc(corpus(f), f);
      const cands = extractOrganizations(doc);
      expect(cands.length).toBeGreaterThan(0);
      for (const c of cands) {
        expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
        const s = doc.sentences[c.sentence]!;
        expect(c.start >= s.start && c.end <= s.end).toBe(true);
        expect(c.type).toBe('ORGANIZATION');
        expect(c.name).toMatch(/^\S+$/);
      }
    }
  });
});

describe('extractOrganizations — foreign governments', () => {
  it('<country>政府 is an organization named as written (英国政府, 日本政府)', () => {
    const got = extractOrganizations(makeDoc('英国政府于1946年通过了新城法，日本政府也制定了首都圈整备法。')).map((c) => [c.surface, c.name]);
    expect(got).toContainEqual(['英国政府', '英国政府']);
    expect(got).toContainEqual(['日本政府', '日本政府']);
  });
});
