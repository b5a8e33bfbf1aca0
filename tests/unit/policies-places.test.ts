import { describe, expect, it } from 'vitest';
import { issuerPairs as facts, surfaceNames } from '../helpers/recognise.js';
import { extractPolicies } from '../../ingest/extract/policies.js';
import { extractOrganizations } from '../../ingest/extract/organizations.js';

const got = surfaceNames(extractPolicies);
const orgs = surfaceNames(extractOrganizations);

describe('plans named for a place (no 《》)', () => {
  it('a named metropolitan area or cluster + 发展规划 is one POLICY', () => {
    expect(got('省政府常务会议审议了青岛都市圈发展规划。')).toEqual([['青岛都市圈发展规划', '青岛都市圈发展规划']]);
    expect(got('加快落实长株潭都市圈发展规划和太原都市圈发展规划')).toEqual([
      ['长株潭都市圈发展规划', '长株潭都市圈发展规划'],
      ['太原都市圈发展规划', '太原都市圈发展规划'],
    ]);
    // 发展 left out: the lexicon's plan
    expect(got('国家将启动关中平原城市群规划编制')).toEqual([['关中平原城市群规划', '关中平原城市群发展规划']]);
    // no named place before the head: a kind of plan, not a plan
    expect(got('各地要编制都市圈发展规划，完善都市圈规划体系')).toEqual([]);
    expect(got('推动现代化都市圈发展规划实施')).toEqual([]);
  });

  it('a list with a shared head gives one POLICY per conjunct (the conjunct is the surface)', () => {
    expect(got('目前已印发沈阳、杭州、郑州等多个都市圈发展规划。')).toEqual([
      ['沈阳', '沈阳都市圈发展规划'],
      ['杭州', '杭州都市圈发展规划'],
      ['郑州', '郑州都市圈发展规划'],
    ]);
    expect(got('稳步实施哈长、兰州-西宁等城市群规划')).toEqual([
      ['哈长', '哈长城市群发展规划'],
      ['兰州-西宁', '兰州—西宁城市群发展规划'],
    ]);
    // the implementation plans of a cluster list are no titles (guidelines): the clusters stay places
    expect(got('实施长江中游、北部湾等城市群发展“十四五”实施方案')).toEqual([]);
  });

  it('a province/city + a kind of plan takes the place’s full name and the official kind', () => {
    expect(got('合肥国土空间规划提出建设现代化大城市。')).toEqual([['合肥国土空间规划', '合肥市国土空间总体规划']]);
    expect(got('依据江西省国土空间规划（2021-2035年）确定保护红线。')).toEqual([
      ['江西省国土空间规划（2021-2035年）', '江西省国土空间规划（2021—2035年）'],
    ]);
    expect(got('编制云南省新型城镇化规划')).toEqual([['云南省新型城镇化规划', '云南省新型城镇化规划']]);
    // places chained before the kind stay in the span
    expect(got('参照甘肃省兰州市城镇体系规划（2015一2030）')).toEqual([
      ['甘肃省兰州市城镇体系规划（2015一2030）', '甘肃省兰州市城镇体系规划（2015—2030）'],
    ]);
    // a system or profession, not a plan
    expect(got('我国建立国土空间规划体系，河北省国土空间规划体系逐步完善')).toEqual([]);
  });

  it('a place’s short back-reference to its plan named before is that plan', () => {
    const ps = got('长沙国土空间规划提出人口目标，这一目标与长沙规划大体一致。');
    expect(ps).toEqual([
      ['长沙国土空间规划', '长沙市国土空间总体规划'],
      ['长沙规划', '长沙市国土空间总体规划'],
    ]);
    // without an earlier plan of that place a bare 规划 is no mention
    expect(got('这一目标与长沙规划大体一致。')).toEqual([]);
  });
});

describe('five-year-period plans', () => {
  it('a place before “十四五”规划 makes it that place’s plan, not the national one', () => {
    expect(got('安徽省“十四五”规划提出建设合肥都市圈。')).toEqual([['安徽省“十四五”规划', '安徽省“十四五”规划']]);
    expect(got('福建省“十四五”规划纲要提出')).toEqual([['福建省“十四五”规划纲要', '福建省“十四五”规划']]);
    expect(got('河北省“十四五”新型城镇化规划提出')).toEqual([['河北省“十四五”新型城镇化规划', '河北省“十四五”新型城镇化规划']]);
    expect(got('国家“十四五”规划提出').map((x) => x[1])).toEqual([
      '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
    ]);
  });

  it('a topic after the period is a plan named as written; a period alone is none', () => {
    expect(got('印发“十四五”现代综合交通运输体系发展规划')).toEqual([
      ['“十四五”现代综合交通运输体系发展规划', '“十四五”现代综合交通运输体系发展规划'],
    ]);
    expect(got('“十四五”期间要编制城市更新规划')).toEqual([]);
  });
});

describe('bare titles after issuing and implementing verbs', () => {
  it('a second verb or a particle after the cue is not part of the title', () => {
    expect(got('中央出台实施京津冀协同发展规划纲要')).toEqual([['京津冀协同发展规划纲要', '京津冀协同发展规划纲要']]);
    expect(got('省政府印发了贵州省新型城镇化规划（2021—2035年）').map((x) => x[0])).toEqual(['贵州省新型城镇化规划（2021—2035年）']);
  });

  it('a count of documents is no title', () => {
    expect(got('2014年发布首部城镇化规划纲要')).toEqual([]);
  });

  it('a lexicon plan keeps its period in the span; another period names another plan', () => {
    expect(got('在国家新型城镇化规划(2014-2020)实施期间')).toEqual([
      ['国家新型城镇化规划(2014-2020)', '国家新型城镇化规划（2014—2020年）'],
    ]);
    expect(got('依据国家新型城镇化规划（2021-2035年）').map((x) => x[1])).toEqual(['国家新型城镇化规划（2021—2035年）']);
  });

  it('an outline after an implementing verb is a policy', () => {
    expect(got('全面实施城乡一体化发展纲要，推进县城建设')).toEqual([['城乡一体化发展纲要', '城乡一体化发展纲要']]);
  });

  it('a law’s short name that runs on into another word is no law', () => {
    expect(got('完善城市规划法规和土地管理法律体系')).toEqual([]);
    expect(got('修订城市规划法。').map((x) => x[1])).toEqual(['中华人民共和国城市规划法']);
  });
});

describe('quoted programmes, reports and titles with their issuer', () => {
  it('a quoted name before 政策/工程/行动/计划 is a programme (quotes in the span)', () => {
    expect(got('该市推出“人才安居”政策，实施“千村示范”工程')).toEqual([
      ['“人才安居”政策', '人才安居政策'],
      ['“千村示范”工程', '千村示范工程'],
    ]);
    // a chain of quoted slogans, or a quote inside a longer name, is none
    expect(got('完成“两个一”“三个一”工程')).toEqual([]);
  });

  it('a government work report given by a governor is that province’s report', () => {
    expect(got('湖北省代省长王某作政府工作报告。')).toEqual([['政府工作报告', '湖北省政府工作报告']]);
    expect(got('国务院总理作政府工作报告。')).toEqual([['政府工作报告', '国务院政府工作报告']]);
    expect(got('江苏省第十四次党代会报告提出')).toEqual([['江苏省第十四次党代会报告', '江苏省第十四次党代表大会报告']]);
  });

  it('a cited title that begins with its issuer is split: the issuer, the title from 关于, ISSUED_BY', () => {
    const s = '《国务院关于深入推进新型城镇化建设的若干意见》要求加快户籍制度改革。';
    expect(got(s)).toEqual([['关于深入推进新型城镇化建设的若干意见', '关于深入推进新型城镇化建设的若干意见']]);
    expect(facts(s).map((f) => f[1])).toEqual(['organization:国务院']);
    // a title not in the lexicon: the same split, named from 关于
    expect(got('按照《杭州市人民政府关于加快培育小城市的实施意见》要求').map((x) => x[1])).toEqual(['关于加快培育小城市的实施意见']);
    // an issuer written before the 《》 gives ISSUED_BY
    expect(facts('住房城乡建设部《关于开展特色小镇培育工作的通知》提出').map((f) => f[1])).toEqual(['organization:住房和城乡建设部']);
  });

  it('the 与 of a provincial five-year plan outline is named with 和', () => {
    expect(got('《湖南省国民经济与社会发展第十四个五年规划和二〇三五年远景目标纲要》').map((x) => x[1])).toEqual([
      '湖南省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    ]);
  });

  it('mixed quotation marks around a short name stay in the span', () => {
    expect(got('融入“一带一路"建设')).toEqual([['“一带一路"', '一带一路']]);
  });
});

describe('organizations', () => {
  it('NDRC departments take their official names, also with a sub-unit chained', () => {
    expect(orgs('发改委地区司负责人表示')).toEqual([['发改委地区司', '国家发展和改革委员会区域协调发展司']]);
    expect(orgs('国家发改委规划司有关负责人介绍')).toEqual([['国家发改委规划司', '国家发展和改革委员会发展规划司']]);
  });

  it('a company’s plant named with its city is one organization; 大学毕业生 is no university', () => {
    expect(orgs('比亚迪西安工厂扩产')).toEqual([['比亚迪西安工厂', '比亚迪西安工厂']]);
    expect(orgs('留汉大学毕业生可以落户')).toEqual([]);
  });

  it('an addressee line with two levels and a shared head gives both levels', () => {
    expect(orgs('各市、县（市、区）人民政府：')).toEqual([
      ['各市', '市级政府'],
      ['县（市、区）人民政府', '县级政府'],
    ]);
    expect(orgs('各省、自治区、直辖市人民政府：')).toEqual([['各省、自治区、直辖市人民政府', '省级政府']]);
  });

  it('a news agency’s dateline is a byline, not an organization acting', () => {
    expect(orgs('新华社北京3月5日电 国务院总理作报告')).toEqual([['国务院', '国务院']]);
    expect(orgs('新华社记者获悉')).toEqual([['新华社', '新华通讯社']]);
  });
});
