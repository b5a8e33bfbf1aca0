import { describe, expect, it } from 'vitest';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { extractIndustries } from '../../ingest/extract/industries.js';

/** Sectors named as fields or strengths, short sector words, and stems that are no kind of industry. */
describe('extractIndustries — sectors as fields and short sector words', () => {
  const ind = surfaceNames(extractIndustries);
  const surfaces = surfacesOf(extractIndustries);

  it('reads the known sectors of a list closed by 等领域, not its other fields', () => {
    expect(ind('两市在金融、物流、会展、文化旅游等领域深化合作。')).toEqual([
      ['金融', '金融业'], ['物流', '物流'], ['会展', '会展业'], ['文化旅游', '文化旅游产业'],
    ]);
    expect(ind('该市在法律、教育、金融服务等领域优势明显。')).toEqual([['金融服务', '金融业']]);
    // the clause's subject before the first field is left out; a field ending in a production word is a sector
    expect(ind('本省在会展和港口航运物流等领域形成优势。')).toEqual([['会展', '会展业'], ['港口航运物流', '港口航运物流']]);
    expect(ind('在汽车及零部件、信息技术 等领域形成集群。')).toEqual([
      ['汽车及零部件', '汽车及零部件'], ['信息技术', '信息技术产业'],
    ]);
    expect(surfaces('推动在交通、教育、医疗、养老等领域开展合作。')).toEqual([]);
    expect(surfaces('加强在科技、人才、产业等领域的合作。')).toEqual([]);
  });

  it('reads a short sector word elsewhere only as a conjunct before a sector head', () => {
    expect(ind('配套发展冷链仓储等服务业')).toEqual([['服务业', '服务业']]);
    expect(ind('配套发展物流等服务业')).toEqual([['物流', '物流'], ['服务业', '服务业']]);
    expect(surfaces('金融机构向企业放贷')).toEqual([]);
    expect(surfaces('运用信息技术改造管理流程')).toEqual([]);
    expect(surfaces('开发旅游资源')).toEqual([]);
  });

  it('knows the strategic emerging industries by their short names and 新零售', () => {
    expect(ind('培育新一代信息技术和新能源汽车')).toEqual([
      ['新一代信息技术', '新一代信息技术产业'], ['新能源汽车', '新能源汽车产业'],
    ]);
    expect(ind('发展新零售')).toEqual([['新零售', '新零售']]);
  });

  it('reads 房地产 standing alone as the sector, not as a modifier or the object of regulation', () => {
    expect(ind('该县过度依赖房地产。')).toEqual([['房地产', '房地产业']]);
    expect(ind('房地产已是当地的主要产业。')).toEqual([['房地产', '房地产业']]);
    expect(ind('房地产、金融等行业风险上升。')).toEqual([['房地产', '房地产业'], ['金融', '金融业']]);
    expect(surfaces('房地产投资增速回落')).toEqual([]);
    expect(surfaces('加强对房地产的调控')).toEqual([]);
  });

  it('reads 重点产业 as a category', () => {
    expect(ind('引入重点产业')).toEqual([['重点产业', '重点产业']]);
  });

  it('keeps an ethnic group, a locative phrase and a classifier out of a stem', () => {
    expect(surfaces('当地藏族商贸业兴旺')).toEqual(['商贸业']);
    expect(surfaces('与村落内农业用地交错')).toEqual([]);
    expect(surfaces('想做个产业龙头')).toEqual([]);
  });

  it('reads no industry inside a fair name, in 支柱性产业 or 细分行业', () => {
    expect(surfaces('举办国际新能源产业博览会')).toEqual([]);
    expect(surfaces('旅游成为支柱性产业')).toEqual([]);
    expect(surfaces('选取12个细分行业')).toEqual([]);
  });
});
