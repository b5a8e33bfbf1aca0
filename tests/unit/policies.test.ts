import { describe, expect, it } from 'vitest';
import { makeDoc } from '../helpers/make-doc.js';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { docNoIssuer, extractPolicies, isoDate, issuedBy, lexiconIssuers, lookupPolicyTitle } from '../../ingest/extract/policies.js';
import { extractOrganizations } from '../../ingest/extract/organizations.js';
import { CHANG, FILES, GX, QU, YT, corpus, docOf } from '../helpers/corpus.js';

const OPINION = '关于深入推进新型城镇化建设的若干意见';
const FYP14 = '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要';

describe('extractPolicies', () => {
  it('reads <concept>战略/工程/改革试点 and quoted programme names as POLICY', () => {
    const got = surfaceNames(extractPolicies);
    expect(got('实施城乡一体化战略，推进中心镇培育工程')).toEqual([['城乡一体化战略', '城乡一体化战略'], ['中心镇培育工程', '中心镇培育工程']]);
    expect(got('列入全国小城镇发展改革试点')).toEqual([['全国小城镇发展改革试点', '全国小城镇发展改革试点']]);
    expect(got('推进“金保工程”建设')).toEqual([['“金保工程”', '金保工程']]);
    expect(got('推进城乡一体化，加强工程管理')).toEqual([]);
  });

  it('reads quoted strategy names (“城市副中心”战略) and the regional plans and strategies of the lexicon', () => {
    const got = surfaceNames(extractPolicies);
    expect(got('先后三次实施“城市副中心”战略')).toEqual([['“城市副中心”战略', '城市副中心战略']]);
    expect(got('推进自贸区“升级版”战略')).toEqual([]);
    // 区域重大战略 is the category, not a named strategy (guidelines)
    expect(got('国家发展改革委印发《关于培育发展现代化都市圈的指导意见》，落实区域重大战略和主体功能区战略')).toEqual([
      ['关于培育发展现代化都市圈的指导意见', '关于培育发展现代化都市圈的指导意见'],
      ['主体功能区战略', '主体功能区战略'],
    ]);
    expect(got('依据黄河流域生态保护和高质量发展规划纲要和居住证暂行条例')).toEqual([
      ['黄河流域生态保护和高质量发展规划纲要', '黄河流域生态保护和高质量发展规划纲要'],
      ['居住证暂行条例', '居住证暂行条例'],
    ]);
    expect(lexiconIssuers()).toContainEqual({ policy: 'policy:关于培育发展现代化都市圈的指导意见', org: 'organization:国家发展和改革委员会', date: '2019-02' });
  });

  it('resolves an OCR-damaged title (深人 for 深入) to the lexicon policy, and 《意见》 back to it', () => {
    const doc = docOf(YT,
      '2016 年新春伊始，国务院下发《 关于深人推进新型城镇化建设的若干意见》 ，',
      '励更多的人口就地城镇化，实现城镇化的均衡发展。国务院出台的《 意见》 中进一步明确提出加快新生中小城市培育是新型');
    const ps = extractPolicies(doc);
    expect(ps.map((p) => [p.surface, p.name])).toEqual([
      ['关于深人推进新型城镇化建设的若干意见', OPINION],
      ['意见', OPINION],
    ]);
    // the span is the title without the 《》 and the spaces inside them
    const t = '关于深人推进新型城镇化建设的若干意见';
    expect([ps[0]!.start, ps[0]!.end]).toEqual([doc.text.indexOf(t), doc.text.indexOf(t) + t.length]);
    expect(ps[0]!.issued).toBe('2016-02-02');
  });

  it('reads “十四五”规划《纲要》 as one mention of the 14th five-year plan outline', () => {
    const doc = docOf(CHANG, '党的十九届五中全会和国家“十四五”规划《纲要》提出了推进以县城为重要载体的城镇化建设');
    const ps = extractPolicies(doc);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.surface).toBe('“十四五”规划《纲要》');
    expect(ps[0]!.name).toBe(FYP14);
    expect(doc.text.slice(ps[0]!.start, ps[0]!.end)).toBe('“十四五”规划《纲要》');
  });

  it('makes （以下简称《规划》） an alias of the title before it for the rest of the document', () => {
    const doc = docOf(GX,
      '由国务院批复的《北部湾城市群发展规划》（以下简称《规划》）已于 2017 年 2 月 10 日由国家发展改革委、住房和城乡建设部联合印发',
      '《规划》制定的“一湾双轴、一核两极”的城市群框架格局');
    const ps = extractPolicies(doc);
    expect(ps.map((p) => p.surface)).toEqual(['北部湾城市群发展规划', '规划', '规划']);
    expect(new Set(ps.map((p) => p.name))).toEqual(new Set(['北部湾城市群发展规划']));
    expect(ps[2]!.sentence).toBe(1);
  });

  it('skips article titles in citations and book titles', () => {
    const doc = docOf(YT,
      '① 李克强：《 协调推进城镇化是实现现代化的重大战略选择》 ，《 行政管理改革》 ，2012 年第 12 期。',
      '② 陆立军：《我国小城市建设的战略意义和对策建议》 ，《 甘肃社会科学》 ，2012 第 9 期。');
    expect(extractPolicies(doc)).toEqual([]);
    const book = docOf(QU, '1948年维纳发表了题为《控制论——关于动物和机器中控制与通信的科学》的论文');
    expect(extractPolicies(book)).toEqual([]);
  });

  it('keeps unlisted policy titles by their form', () => {
    const doc = docOf(YT, '浙江省发改委等联合出台《 浙江省强镇扩权改革指导意见》');
    expect(extractPolicies(doc).map((p) => p.name)).toEqual(['浙江省强镇扩权改革指导意见']);
  });

  it('reads titles without 《》: <issuer>关于…的批复/意见, cue + …规划/方案, …规划（YYYY—YYYY年）', () => {
    const got = surfacesOf(extractPolicies);
    // an approval names the plan it approves; the reply itself is not a mention
    expect(got('国务院关于同意成渝地区双城经济圈建设规划纲要的批复下发后，两地加快对接。')).toEqual(['成渝地区双城经济圈建设规划纲要']);
    expect(got('近日，国务院办公厅印发关于加快推进城市更新的指导意见，提出有序实施。')).toEqual(['关于加快推进城市更新的指导意见']);
    expect(got('省发展改革委印发长株潭都市圈发展规划，明确三市分工。')).toEqual(['长株潭都市圈发展规划']);
    expect(got('各地要认真落实某省新型城镇化规划（2021—2025年）的部署。')).toEqual(['某省新型城镇化规划（2021—2025年）']);
    // a generic document word is not a title
    expect(got('市政府印发实施方案，各部门抓好落实。')).toEqual([]);
  });

  it('fuzzy title lookup needs ≥ 10 characters and never bridges a numeral', () => {
    expect(lookupPolicyTitle('关于深人推进新型城镇化建设的若干意见')?.name).toBe(OPINION);
    expect(lookupPolicyTitle('2023年新型城镇化建设重点任务')).toBeNull();
    expect(lookupPolicyTitle('十五五规划')).toBeNull();
  });

  it('keeps offsets exact for every candidate on every corpus file', () => {
    let total = 0;
    for (const f of FILES) {
      const doc = makeDoc(corpus(f), f);
      for (const c of extractPolicies(doc)) {
        total++;
        expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
        const s = doc.sentences[c.sentence]!;
        expect(c.start >= s.start && c.end <= s.end).toBe(true);
        expect(c.type).toBe('POLICY');
      }
    }
    expect(total).toBeGreaterThan(20);
  });
});

describe('issuedBy', () => {
  it('finds active and passive issuers with the date nearest the cue', () => {
    const doc = docOf(GX,
      '由国务院批复的《北部湾城市群发展规划》（以下简称《规划》）已于 2017 年 2 月 10 日由国家发展改革委、住房和城乡建设部联合印发');
    const facts = issuedBy(doc, extractPolicies(doc), extractOrganizations(doc));
    const P = 'policy:北部湾城市群发展规划';
    expect(facts).toContainEqual({ policy: P, org: 'organization:国家发展和改革委员会', date: '2017-02-10', sentence: 0, cue: '联合印发' });
    expect(facts).toContainEqual({ policy: P, org: 'organization:住房和城乡建设部', date: '2017-02-10', sentence: 0, cue: '联合印发' });
    expect(facts).toContainEqual({ policy: P, org: 'organization:国务院', sentence: 0, cue: '批复' });
    expect(facts).toHaveLength(3);
  });

  it('normalises 2016 年新春伊始 and attaches the issuer named before the title', () => {
    const doc = docOf(YT, '2016 年新春伊始，国务院下发《 关于深人推进新型城镇化建设的若干意见》 ，');
    const facts = issuedBy(doc, extractPolicies(doc), extractOrganizations(doc));
    expect(facts).toEqual([{ policy: `policy:${OPINION}`, org: 'organization:国务院', date: '2016', sentence: 0, cue: '下发' }]);
  });

  it('gives one fact per policy in a list after the cue', () => {
    const doc = docOf(GX, '2016 年国务院批复的《促进中部地区崛起“十三五”规划》和《中原城市群发展规划》中');
    const facts = issuedBy(doc, extractPolicies(doc), extractOrganizations(doc));
    expect(facts.map((f) => f.policy).sort()).toEqual(['policy:中原城市群发展规划', 'policy:促进中部地区崛起“十三五”规划']);
    expect(facts.every((f) => f.org === 'organization:国务院' && f.date === '2016')).toBe(true);
  });

  it('reads the issuer from a document number after the title (国发 → 国务院, 发改规划 → 国家发展改革委)', () => {
    expect(docNoIssuer('国发')).toBe('国务院');
    expect(docNoIssuer('国函')).toBe('国务院');
    expect(docNoIssuer('国办发')).toBe('国务院办公厅');
    expect(docNoIssuer('发改规划')).toBe('国家发展和改革委员会');
    expect(docNoIssuer('鲁政发')).toBeNull();
    const doc = makeDoc('会议指出，国家发展改革委《关于加快都市圈同城化的指导意见》（发改规划〔2020〕12号）明确了任务。');
    const facts = issuedBy(doc, extractPolicies(doc), extractOrganizations(doc));
    expect(facts.map((f) => [f.policy, f.org, f.cue])).toEqual(
      [['policy:关于加快都市圈同城化的指导意见', 'organization:国家发展和改革委员会', '发改规划']]);
    // the number alone is no entity
    expect(extractPolicies(doc).map((p) => p.surface)).toEqual(['关于加快都市圈同城化的指导意见']);
  });

  it('normalises date expressions', () => {
    expect(isoDate('2017年2月10日')).toBe('2017-02-10');
    expect(isoDate('2010 年 12 月')).toBe('2010-12');
    expect(isoDate('2016年初')).toBe('2016');
    expect(lexiconIssuers()).toContainEqual({ policy: 'policy:国家新型城镇化规划（2014—2020年）', org: 'organization:中国共产党中央委员会', date: '2014-03-16' });
  });
});

describe('extractPolicies — coordinated strategies with a shared 战略', () => {
  it('实施A和B战略: the first conjunct is a strategy too', () => {
    const ps = extractPolicies(makeDoc('县城建设要服务于新型城镇化和城乡一体化战略。'));
    expect(ps.map((c) => [c.surface, c.name])).toEqual([['新型城镇化', '新型城镇化战略'], ['城乡一体化战略', '城乡一体化战略']]);
    // without 和/与/、 before it, the concept before 战略 stands alone
    expect(extractPolicies(makeDoc('全面推进城乡一体化战略。')).map((c) => c.surface)).toEqual(['城乡一体化战略']);
  });
});
