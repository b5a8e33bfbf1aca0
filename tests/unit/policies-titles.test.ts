import { describe, expect, it } from 'vitest';
import { issuerPairs as facts, surfaceNames } from '../helpers/recognise.js';
import { extractPolicies, lookupPolicyTitle } from '../../ingest/extract/policies.js';

const got = surfaceNames(extractPolicies);

describe('policy titles of official documents', () => {
  it('a document title line: the issuer is an organization, the title from 关于 is the policy', () => {
    const t = '江西省人民政府办公厅 关于加快建设美丽宜居乡镇的实施意见';
    expect(got(t)).toEqual([['关于加快建设美丽宜居乡镇的实施意见', '关于加快建设美丽宜居乡镇的实施意见']]);
    expect(facts(t)).toEqual([['policy:关于加快建设美丽宜居乡镇的实施意见', 'organization:江西省人民政府办公厅']]);
  });

  it('an approval names the plan it approves, without ISSUED_BY; a covering notice names what it issues', () => {
    expect(got('国务院关于长江中游城市群发展规划的批复')).toEqual([['长江中游城市群发展规划', '长江中游城市群发展规划']]);
    expect(facts('国务院关于长江中游城市群发展规划的批复')).toEqual([]);
    const notice = '湖南省人民政府办公厅印发关于支持县域经济高质量发展若干措施的通知';
    expect(got(notice)).toEqual([['关于支持县域经济高质量发展若干措施', '关于支持县域经济高质量发展若干措施']]);
    expect(facts(notice)).toEqual([['policy:关于支持县域经济高质量发展若干措施', 'organization:湖南省人民政府办公厅']]);
  });

  it('a heading line that is a 关于… title on its own, and 《》 titles ending in 措施/举措/请示', () => {
    expect(got('关于促进县域商业体系建设若干措施')).toEqual([['关于促进县域商业体系建设若干措施', '关于促进县域商业体系建设若干措施']]);
    expect(got('省商务厅出台《推动县域商业提质的十项举措》。')).toEqual([['推动县域商业提质的十项举措', '推动县域商业提质的十项举措']]);
    // a 关于… research report is no policy
    expect(got('课题组完成了《关于县域商业发展的研究》。')).toEqual([]);
  });

  it('names a cited request with full-width brackets and the OCR dash of a period corrected', () => {
    expect(got('某部《关于报送某某城市群发展规划(送审稿)的请示》收悉。').map((x) => x[1])).toEqual(['关于报送某某城市群发展规划（送审稿）的请示']);
    expect(got('依据某某县城镇体系规划（2015一2030）开展工作。').map((x) => x[1])).toEqual(['某某县城镇体系规划（2015—2030）']);
    // a period without 年 and 发展 in the short name still resolve to the listed plan
    expect(lookupPolicyTitle('国家新型城镇化发展规划（2014—2020)')?.name).toBe('国家新型城镇化规划（2014—2020年）');
  });

  it('the issuers written before a cited title, joined by 、, each issued it', () => {
    expect(facts('贯彻落实中共中央办公厅、国务院办公厅《关于加强乡村人才振兴的意见》。')).toEqual([
      ['policy:关于加强乡村人才振兴的意见', 'organization:中国共产党中央委员会办公厅'],
      ['policy:关于加强乡村人才振兴的意见', 'organization:国务院办公厅'],
    ]);
    expect(facts('2019年中办国办下发《关于促进小农户发展的意见》。').map((f) => f[1])).toEqual([
      'organization:中国共产党中央委员会办公厅', 'organization:国务院办公厅',
    ]);
  });
});

describe('named strategies, programmes and reports', () => {
  it('region strategies without 战略 are no policy; with it they are', () => {
    expect(got('推动京津冀协同发展、长三角一体化发展等区域重大战略')).toEqual([]);
    expect(got('实施京津冀协同发展战略')).toEqual([['京津冀协同发展战略', '京津冀协同发展战略']]);
  });

  it('a short name after an implementing verb or a place, but not 战略 as a modifier', () => {
    expect(got('坚持实施对外开放战略，')).toEqual([['对外开放战略', '对外开放战略']]);
    expect(got('这是成都大通道战略的一部分。')).toEqual([['大通道战略', '大通道战略']]);
    expect(got('打造内陆开放型经济战略高地')).toEqual([]);
    expect(got('统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局')).toEqual([]);
    expect(got('服务国家战略，落实重大战略')).toEqual([]);
  });

  it('designation programmes and government work reports', () => {
    expect(got('获批国家智慧城市示范工程、国家绿色建筑示范基地等称号')).toEqual([
      ['国家智慧城市示范工程', '国家智慧城市示范工程'], ['国家绿色建筑示范基地', '国家绿色建筑示范基地'],
    ]);
    expect(got('江西省政府工作报告提出，')).toEqual([['江西省政府工作报告', '江西省政府工作报告']]);
    // without a place or a governor it is the State Council's report
    expect(got('今年的政府工作报告强调，')).toEqual([['政府工作报告', '国务院政府工作报告']]);
  });

  it('keeps the quotes of an abbreviation but not of a quoted full name', () => {
    expect(got('推进“一带一路”建设')).toEqual([['“一带一路”', '一带一路']]);
    expect(got('对接“海上丝绸之路”建设')).toEqual([['海上丝绸之路', '21世纪海上丝绸之路']]);
    expect(got('建设中巴经济走廊和绿色丝绸之路')).toEqual([['中巴经济走廊', '中巴经济走廊'], ['绿色丝绸之路', '绿色丝绸之路']]);
  });
});
