import { describe, expect, it } from 'vitest';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { extractConcepts } from '../../ingest/extract/concepts.js';
import { extractTheories } from '../../ingest/extract/theories.js';

/** Concepts of land urbanization, new towns, plans, poverty alleviation and regional integration. */
describe('extractConcepts — plans, new towns, poverty alleviation, integration', () => {
  const cs = surfaceNames(extractConcepts);
  const surfaces = surfacesOf(extractConcepts);

  it('reads kinds of plan, but not the activities of planning and building', () => {
    expect(surfaces('镇区扩张受城镇规划和土地利用规划约束')).toEqual(['城镇规划', '土地利用规划']);
    expect(surfaces('两市的城市规划相互衔接')).toEqual(['城市规划']);
    expect(surfaces('提升城镇规划建设管理水平')).toEqual([]);
  });

  it('reads new towns (新城, 新城区 → 新城), not 新城镇化 nor a named new town', () => {
    expect(cs('外围新城建设进展缓慢，新城区人口偏少')).toEqual([['新城', '新城'], ['新城区', '新城']]);
    expect(surfaces('走新城镇化道路')).toEqual(['城镇化']);
    expect(surfaces('重庆两江新城开工')).toEqual([]);
  });

  it('reads poverty alleviation and resettlement, 工程 left out, one mention for 生态移民扶贫工程', () => {
    expect(cs('实施扶贫工程和易地扶贫搬迁')).toEqual([['扶贫', '扶贫'], ['易地扶贫搬迁', '易地扶贫搬迁']]);
    expect(cs('推进生态移民扶贫工程')).toEqual([['生态移民', '生态移民']]);
    expect(cs('扶贫移民的生计转型')).toEqual([['扶贫移民', '扶贫移民']]);
    // inside a meeting's name: no mention
    expect(surfaces('召开全省扶贫开发工作会议')).toEqual([]);
  });

  it('reads bare 一体化 as the region’s integration only as a subject or with its degree', () => {
    expect(cs('该都市圈一体化水平不断提升')).toEqual([['都市圈', '都市圈'], ['一体化', '区域一体化']]);
    expect(cs('会议指出：一体化的关键在于交通')).toEqual([['一体化', '区域一体化']]);
    expect(surfaces('形成开放式、一体化的发展格局')).toEqual([]);
    expect(surfaces('实现高度一体化')).toEqual([]);
  });

  it('reads named integration tasks of unknown city pairs and mergers of two abbreviated cities', () => {
    expect(cs('推动郑汴一体化')).toEqual([['郑汴一体化', '郑汴一体化']]);
    expect(cs('深港双城融合发展成效显著')).toEqual([['深港双城融合', '深港融合']]);
    expect(cs('广佛的融合发展')).toEqual([['广佛的融合', '广佛融合']]);
    expect(surfaces('推动产业深度融合')).toEqual([]);
    // a numeral is no domain of a task, a locative none either, and a task before 区域 names a zone
    expect(surfaces('推进四市同城化')).toEqual(['同城化']);
    expect(cs('各都市圈当中一体化程度最高')).toEqual([['都市圈', '都市圈'], ['一体化', '区域一体化']]);
    expect(surfaces('设立甲乙经济一体化区域')).toEqual([]);
  });

  it('keeps class labels, manner adjectives and institutions apart', () => {
    expect(surfaces('全市有2个Ⅰ型小城市和若干小城市')).toEqual(['小城市']);
    expect(surfaces('培育省域副中心城市')).toEqual([]);
    expect(surfaces('防止城市蔓延式扩张')).toEqual([]);
    expect(surfaces('发展农村集体经济组织')).toEqual([]);
    expect(surfaces('破除城乡二元体制')).toEqual([]);
  });

  it('knows general terms of land and rural reform and their variants', () => {
    expect(cs('严守耕地红线，落实土地用途管制')).toEqual([['耕地红线', '耕地红线'], ['土地用途管制', '土地用途管制']]);
    expect(cs('完成农村承包地确权登记颁证')).toEqual([['农村承包地确权登记颁证', '土地确权']]);
    expect(cs('关注新生代农民工')).toEqual([['新生代农民工', '新生代农民工']]);
    expect(cs('治理大城市病，应对城市收缩')).toEqual([['大城市病', '城市病'], ['城市收缩', '城市收缩']]);
    expect(cs('促进大、中、小城市协调发展')).toEqual([['大、中、小城市协调发展', '大中小城市协调发展']]);
  });
});

describe('extractTheories — methods and guiding formulas are no theories', () => {
  const th = surfacesOf(extractTheories);

  it('reads no theory in a model of an index or a neural network, nor in a leader’s doctrine', () => {
    expect(th('采用城市扩展动态度模型和耦合协调度模型')).toEqual([]);
    expect(th('利用人工神经网络模型预测')).toEqual([]);
    expect(th('以邓小平理论为指导')).toEqual([]);
    expect(th('按照能级梯度理论布局')).toEqual(['能级梯度理论']);
  });
});
