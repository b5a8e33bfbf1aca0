import { describe, expect, it } from 'vitest';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { extractConcepts } from '../../ingest/extract/concepts.js';

/** Rules added while reading fresh, unannotated texts (examples written for the tests). */
describe('extractConcepts on unseen wording', () => {
  const cs = surfaceNames(extractConcepts);
  const surfaces = surfacesOf(extractConcepts);

  it('gives the conjunct of a shared head its own concept when conjunct + head is listed', () => {
    expect(cs('力争常住人口和户籍人口城镇化率差距缩小')).toEqual([
      ['常住人口', '常住人口城镇化率'], ['户籍人口城镇化率', '户籍人口城镇化率'],
    ]);
    expect(cs('防止土地和人口城镇化脱节')).toEqual([['土地', '土地城镇化'], ['人口城镇化', '人口城镇化']]);
    expect(cs('统筹区域和城乡协调发展')).toEqual([['区域', '区域协调发展'], ['城乡协调发展', '城乡协调发展']]);
    // a two-character head is too generic, and the concept after must have a modifier of its own
    expect(surfaces('高校与产业园区共建实验室')).toEqual(['产业园区']);
    expect(surfaces('人口和城镇化的关系')).toEqual(['城镇化']);
  });

  it('reads the rate of a listed process and the GDP of a listed area', () => {
    expect(cs('土地城镇化率明显快于人口城镇化率')).toEqual([['土地城镇化率', '土地城镇化率'], ['人口城镇化率', '人口城镇化率']]);
    expect(cs('该省县域地区生产总值增长较快')).toEqual([['县域', '县域']]);
  });

  it('drops a concept negated by 非 (but not after 并非) and a discipline named X学', () => {
    expect(surfaces('非农业人口比重上升')).toEqual([]);
    expect(surfaces('并非城市群的全部')).toEqual(['城市群']);
    expect(surfaces('城乡规划学专业的学生')).toEqual([]);
  });

  it('reads no concept inside a guiding thought named after 习近平', () => {
    expect(surfaces('以习近平生态文明思想为指导，推进生态文明建设')).toEqual(['生态文明']);
  });

  it('reads <region>崛起 like <region>振兴, and leaves the strategy to the policy extractor', () => {
    expect(cs('加快促进中部地区崛起')).toEqual([['中部地区崛起', '中部地区崛起']]);
    expect(cs('推动中部崛起取得新进展')).toEqual([['中部崛起', '中部地区崛起']]);
    expect(surfaces('实施中部崛起战略')).toEqual([]);
  });

  it('does not read a process word as the domain of an integration task', () => {
    expect(cs('推进城市现代化和城乡一体化')).toEqual([['城乡一体化', '城乡一体化']]);
  });

  it('names industry clusters without verbs, process words or 国家 in the stem', () => {
    expect(surfaces('以改革驱动县域特色产业集群升级')).toEqual(['县域特色产业集群']);
    expect(surfaces('打造“风、光、储”一体化新能源产业集群')).toEqual(['新能源产业集群']);
    expect(surfaces('入选国家先进制造业集群名单')).toEqual(['先进制造业集群']);
  });

  it('leaves 产业集聚 to the sector in 二、三产业集聚 and a concept inside a 先行示范区 name', () => {
    expect(surfaces('比较二、三产业集聚水平')).toEqual([]);
    expect(surfaces('申报共同富裕先行示范区')).toEqual([]);
  });

  it('knows current national wording (乡村全面振兴, 中国式现代化, 人地钱挂钩, 城乡协调发展)', () => {
    expect(cs('推动乡村全面振兴')).toEqual([['乡村全面振兴', '乡村振兴']]);
    expect(cs('以中国式现代化为目标')).toEqual([['中国式现代化', '中国式现代化']]);
    expect(cs('落实人地钱挂钩政策，促进城乡协调发展')).toEqual([['人地钱挂钩', '人地钱挂钩'], ['城乡协调发展', '城乡协调发展']]);
    expect(cs('户籍城镇化率偏低，农业人口市民化滞后')).toEqual([
      ['户籍城镇化率', '户籍人口城镇化率'], ['农业人口市民化', '农业转移人口市民化'],
    ]);
  });
});
