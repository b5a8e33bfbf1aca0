import { describe, expect, it } from 'vitest';
import { makeDoc } from '../helpers/make-doc.js';
import { surfaceNames, surfacesOf } from '../helpers/recognise.js';
import { extractConcepts } from '../../ingest/extract/concepts.js';
import { matchLexicon, type LexiconEntry } from '../../ingest/extract/match.js';
import { CHANG, FILES, GX, QU, XU, corpus, docOf } from '../helpers/corpus.js';

describe('extractConcepts', () => {
  it('keeps 县域地区 apart from 县域 (decided case) and 新型城镇化 whole', () => {
    const doc = docOf(CHANG, '标志着县域地区逐渐成为中国新型城镇化发展的着力点');
    const cs = extractConcepts(doc);
    expect(cs.map((c) => [c.surface, c.name, c.start, c.end])).toEqual([
      ['县域地区', '县域地区', 3, 7],
      ['新型城镇化', '新型城镇化', 13, 18],
    ]);
  });

  it('names 城市化 as written and reads quoted “多规合一”', () => {
    const a = docOf(QU, '中国城市化步伐不断加快');
    expect(extractConcepts(a).map((c) => [c.surface, c.name])).toEqual([['城市化', '城市化']]);
    const b = docOf(XU, '对同一城市内空间规划应实行“多规合一”');
    const cs = extractConcepts(b);
    expect(cs.map((c) => c.name)).toEqual(['空间规划', '多规合一']);
    expect(b.text.slice(cs[1]!.start, cs[1]!.end)).toBe(cs[1]!.surface);
  });

  it('leaves a trailing generic 发展 out of 城乡一体化/统筹城乡 but keeps 城乡融合发展', () => {
    expect(extractConcepts(makeDoc('推进城乡一体化发展和统筹城乡发展，促进城乡融合发展')).map((c) => [c.surface, c.name])).toEqual([
      ['城乡一体化', '城乡一体化'], ['统筹城乡', '统筹城乡'], ['城乡融合发展', '城乡融合发展'],
    ]);
    expect(extractConcepts(makeDoc('坚持城乡统筹')).map((c) => c.name)).toEqual(['统筹城乡']);
  });

  it('reads bare 试点镇 as the pilot-town concept the document names, else as 试点镇', () => {
    const doc = makeDoc('浙江省确定27个小城市培育试点镇。对试点镇赋予相应权限，小城市试点镇年建设投入大幅增加。');
    expect(extractConcepts(doc).filter((c) => c.surface.includes('试点')).map((c) => [c.surface, c.name])).toEqual([
      ['小城市培育试点镇', '小城市培育试点镇'], ['试点镇', '小城市培育试点镇'], ['小城市试点镇', '小城市培育试点镇'],
    ]);
    expect(extractConcepts(makeDoc('省里选择了一批试点镇')).map((c) => [c.surface, c.name])).toEqual([['试点镇', '试点镇']]);
  });

  it('reads kinds of plan as concepts (总体规划, 土地利用总体规划, 控制性详细规划)', () => {
    expect(extractConcepts(makeDoc('做好土地利用总体规划与控制性详细规划的衔接')).map((c) => c.surface)).toEqual(['土地利用总体规划', '控制性详细规划']);
  });

  it('reads <scope><process concept> as one mention (县域新型城镇化), but not 农村人口城镇化', () => {
    const doc = docOf(CHANG, '因此发展县域主导产业成为推动县域新型城镇化发展的重要途径之一');
    expect(extractConcepts(doc).map((c) => [c.surface, c.name])).toContainEqual(['县域新型城镇化', '县域新型城镇化']);
    const at = doc.text.indexOf('县域新型城镇化');
    expect(extractConcepts(doc).filter((c) => c.start === at).map((c) => c.surface)).toEqual(['县域新型城镇化']);
    expect(extractConcepts(makeDoc('推进农村工业化和农村人口城镇化')).map((c) => c.surface)).toEqual(['农村工业化', '人口城镇化']);
  });

  it('reads named integration tasks <noun>同城化/一体化, one mention per conjunct of a shared head', () => {
    const doc = docOf(GX, '通信同城化、城镇群规划、旅游同城化、社保同城化、口岸通关一体化等任务基本完成；户籍同城化23项改革任务完成16项，完成率近70%；交通、金融、教育同城化深入推进。');
    expect(extractConcepts(doc).map((c) => [c.surface, c.name])).toEqual([
      ['通信同城化', '通信同城化'], ['旅游同城化', '旅游同城化'], ['社保同城化', '社保同城化'],
      ['口岸通关一体化', '口岸通关一体化'], ['户籍同城化', '户籍同城化'],
      ['交通', '交通同城化'], ['金融', '金融同城化'], ['教育同城化', '教育同城化'],
    ]);
    expect(extractConcepts(makeDoc('城市群内部产业高度一体化，推进基础设施建设一体化')).map((c) => c.surface)).not.toContain('高度一体化');
  });

  it('keeps offsets exact for every candidate on every corpus file', () => {
    for (const f of FILES) {
      const doc = makeDoc(corpus(f), f);
      const cs = extractConcepts(doc);
      expect(cs.length).toBeGreaterThan(20);
      for (const c of cs) {
        expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
        const s = doc.sentences[c.sentence]!;
        expect(c.start >= s.start && c.end <= s.end).toBe(true);
      }
    }
  });
});

describe('matchLexicon', () => {
  const entries: LexiconEntry[] = [
    { surface: '十四五规划', name: 'FYP14', type: 'POLICY', priority: 3 },
    { surface: '城镇化', name: '城镇化', type: 'CONCEPT', priority: 3 },
    { surface: '新型城镇化', name: '新型城镇化', type: 'CONCEPT', priority: 3 },
    { surface: 'PPP', name: 'PPP', type: 'CONCEPT', priority: 3 },
  ];

  it('folds quotes and spaces, keeps quotes balanced in the surface, drops nested matches', () => {
    const doc = makeDoc('国家“十四五”规划提出推进新型 城镇化，APPPLE 与 PPP 模式');
    const cs = matchLexicon(doc, entries);
    expect(cs.map((c) => c.surface)).toEqual(['“十四五”规划', '新型 城镇化', 'PPP']);
    for (const c of cs) expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
  });
  it('reads concepts of the national urbanization plans, a trailing generic head left out', () => {
    const got = surfacesOf(extractConcepts);
    expect(got('增强城市综合承载能力，优化城镇化空间格局，推进城乡发展一体化。')).toEqual(['城市综合承载能力', '城镇化空间格局', '城乡发展一体化']);
    expect(extractConcepts(makeDoc('推进城乡发展一体化')).map((c) => c.name)).toEqual(['城乡一体化']);
    expect(got('建设韧性城市和人文城市，推进城镇老旧小区改造和城中村改造，扩大保障性住房供给。')).toEqual(
      ['韧性城市', '人文城市', '城镇老旧小区改造', '城中村改造', '保障性住房']);
    expect(extractConcepts(makeDoc('建设紧凑城市')).map((c) => c.name)).toEqual(['紧凑型城市']);
    // 落户限制 is a restriction, not annotated (guidelines, ejucms-2019/ndrc-2018)
    expect(got('放开落户限制，推进县城补短板强弱项，加快城市群一体化发展。')).toEqual(['县城补短板强弱项', '城市群一体化']);
    expect(got('培育现代化都市圈，促进职住平衡，建设一小时通勤圈和轨道上的城市群。')).toEqual(
      ['现代化都市圈', '职住平衡', '一小时通勤圈', '轨道上的城市群']);
    expect(got('实施城市更新行动，发展飞地经济，推动产业梯度转移，开展对口支援。')).toEqual(
      ['城市更新行动', '飞地经济', '产业梯度转移', '对口支援']);
    expect(extractConcepts(makeDoc('打造一小时通勤圈')).map((c) => c.name)).toEqual(['1小时通勤圈']);
  });
});

describe('extractConcepts — productive rules and context filters', () => {
  const cs = surfaceNames(extractConcepts);
  const surfaces = surfacesOf(extractConcepts);

  it('reads <stem>产业集群 / <stem>工业集群 whole, without a place or a verb in the stem', () => {
    expect(surfaces('培育家具产业集群和临港型工业集群')).toEqual(['家具产业集群', '临港型工业集群']);
    expect(surfaces('形成产业集群')).toEqual(['产业集群']);
  });

  it('names a region\'s revitalisation <region>振兴 (全面 dropped), not when 战略 follows', () => {
    expect(cs('推动苏北全面振兴和东北振兴')).toEqual([['苏北全面振兴', '苏北振兴'], ['东北振兴', '东北振兴']]);
    expect(surfaces('实施东北振兴战略')).toEqual([]);
  });

  it('reads the five development ideas listed in any order as 五大发展理念', () => {
    expect(cs('贯彻协调、创新、开放、绿色、共享的新发展理念')).toEqual([['协调、创新、开放、绿色、共享的新发展理念', '五大发展理念']]);
  });

  it('gives conjuncts of a shared integration head, 城乡 included, and keeps 区域 as a first task word', () => {
    expect(cs('推进城乡和区域一体化，促进区域市场一体化')).toEqual([
      ['城乡', '城乡一体化'], ['区域一体化', '区域一体化'], ['区域市场一体化', '区域市场一体化'],
    ]);
  });

  it('drops concepts inside zone and meeting names, size classes and the shared head 等城市群', () => {
    expect(surfaces('设立乡村振兴示范区')).toEqual([]);
    expect(surfaces('召开新型城镇化工作推进会')).toEqual([]);
    expect(surfaces('大中小城市各有分工，中小城镇也在发展')).toEqual([]);
    expect(surfaces('推动关中平原、兰州—西宁等城市群发展')).toEqual([]);
    expect(surfaces('建设绿色城市群，测算协调发展度')).toEqual(['城市群']);
    expect(surfaces('整合高新技术产业园区，与产业园区不同')).toEqual(['产业园区']);
  });

  it('knows name variants of general concepts (城市圈 → 都市圈, 农民市民化, 特色小(城)镇)', () => {
    expect(cs('培育现代城市圈，推进农民市民化')).toEqual([['城市圈', '都市圈'], ['农民市民化', '农业转移人口市民化']]);
    expect(cs('加快美丽特色小(城)镇建设')).toEqual([['美丽特色小(城)镇', '特色小（城）镇']]);
  });
});
