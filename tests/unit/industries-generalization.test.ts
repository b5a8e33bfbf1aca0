import { describe, expect, it } from 'vitest';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { extractIndustries } from '../../ingest/extract/industries.js';

/** Rules added while reading fresh, unannotated texts (examples written for the tests). */
describe('extractIndustries on unseen wording', () => {
  const ind = surfaceNames(extractIndustries);
  const surfaces = surfacesOf(extractIndustries);

  it('reads 二、三产业 without 第 as two sectors, but not after a numeral', () => {
    expect(ind('全县二、三产业从业人员占比提高')).toEqual([['二', '第二产业'], ['三产业', '第三产业']]);
    expect(ind('一、二、三产业融合')).toEqual([['一', '第一产业'], ['二', '第二产业'], ['三产业', '第三产业']]);
  });

  it('gives an ordinal sector no stem and does not start a stem with a bound suffix', () => {
    expect(surfaces('数据结果显示第二产业比重下降')).toEqual(['第二产业']);
    expect(surfaces('培育根植性主导产业')).toEqual(['主导产业']);
  });

  it('keeps research verbs, time words and generic modifiers out of a stem', () => {
    expect(surfaces('当前产业结构偏重')).toEqual([]);
    expect(surfaces('用模型检验产业集聚')).toEqual([]);
    expect(surfaces('做强做优生产性服务业')).toEqual(['生产性服务业']);
    expect(surfaces('打造高能级产业平台')).toEqual([]);
    expect(surfaces('具有单一产业功能')).toEqual([]);
    expect(ind('一产比重下降，二产稳定')).toEqual([['一产', '第一产业'], ['二产', '第二产业']]);
  });

  it('keeps 关联/全球/分析 out of a stem and reads no industry in the 产业空间布局 of a named area', () => {
    expect(surfaces('承接转移的关联产业')).toEqual([]);
    expect(surfaces('作为全球制造业基地')).toEqual(['制造业']);
    expect(surfaces('为了分析制造业集聚')).toEqual(['制造业']);
    expect(surfaces('优化沿江生态经济走廊产业空间布局')).toEqual([]);
  });

  it('reads no sector in rankings and eras named by it', () => {
    expect(surfaces('涌现出一批农业强县、工业大县')).toEqual([]);
    expect(surfaces('从农业、工业文明走向生态文明')).toEqual([]);
    expect(surfaces('实现工业与农业协调发展')).toEqual(['工业', '农业']);
  });

  it('gives each conjunct before 等…行业 an industry named X产业, the generic head none', () => {
    expect(ind('康养、数字文创等新兴行业增长较快')).toEqual([['康养', '康养产业'], ['数字文创', '数字文创产业']]);
  });

  it('reads conjuncts sharing a glued 产业 or a N大产业 head, but only when the last one is an industry', () => {
    expect(ind('重点发展智能家居、光伏、纺织服装产业')).toEqual([
      ['智能家居', '智能家居产业'], ['光伏', '光伏产业'], ['纺织服装产业', '纺织服装产业'],
    ]);
    expect(surfaces('壮大食品加工、家具制造和文化旅游三大产业')).toEqual(['食品加工', '家具制造', '文化旅游']);
    expect(surfaces('统筹城市、乡村产业发展')).toEqual([]);
    // X产业 that is one item of a longer list shares no head
    expect(surfaces('随着交通、通信技术、金融产业等发展')).toEqual(['金融产业']);
  });

  it('reads the listed industries of 等产业集群 too', () => {
    expect(surfaces('培育新能源汽车、集成电路等产业集群')).toEqual(['新能源汽车', '集成电路']);
  });

  it('knows two-character sector words', () => {
    expect(ind('以乳业和茶业为主')).toEqual([['乳业', '乳业'], ['茶业', '茶业']]);
  });
});
