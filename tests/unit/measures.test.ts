import { describe, expect, it } from 'vitest';
import { extractMeasures } from '../../ingest/extract/measures.js';
import type { Measure, SegmentedDoc } from '../../ingest/types.js';
import { makeDoc, sectionedDoc as sectioned } from '../helpers/make-doc.js';
import { entitiesOf, mentionsFor, type MentionSpec } from '../helpers/corpus.js';

type Spec = MentionSpec;

function run(text: string, specs: Spec[] = []): { doc: SegmentedDoc; measures: Measure[] } {
  const doc = makeDoc(text);
  return { doc, measures: extractMeasures(doc, mentionsFor(doc, specs), entitiesOf(specs)) };
}

function one(text: string, specs: Spec[] = []): Measure {
  const { measures } = run(text, specs);
  expect(measures).toHaveLength(1);
  return measures[0];
}

const COUNTY: Spec[] = [
  ['县域主导产业', 'INDUSTRY', 'industry:县域主导产业'],
  ['主导产业', 'INDUSTRY', 'industry:主导产业'],
  ['新型城镇化', 'CONCEPT', 'concept:新型城镇化'],
  ['县域地区', 'CONCEPT', 'concept:县域'],
  ['产城融合', 'CONCEPT', 'concept:产城融合'],
  ['多规合一', 'POLICY', 'policy:多规合一'],
];

describe('extractMeasures — modal cues', () => {
  it('县域地区应重视…: actor is the 县域 concept, targets include 县域主导产业', () => {
    const m = one('为了实现县域主导产业带新型城镇化发展,县域地区应重视主导产业在新型城镇化发展中的作用,科学地确定县域主导产业,进一步将主导产业发展和新型城镇化发展置于一张蓝图内进行“多规合一”的统一规划,推进产城融合发展。', COUNTY);
    expect(m.modality).toBe('should');
    expect(m.cue).toBe('应');
    expect(m.actor).toBe('concept:县域');
    expect(m.targets).toContain('industry:县域主导产业');
    expect(m.targets).toContain('concept:新型城镇化');
    expect(m.targets).toContain('policy:多规合一');
    expect(m.targets).not.toContain('concept:县域');
    expect(new Set(m.targets).size).toBe(m.targets.length);
    // the leading purpose clause (为了实现县域主导产业…) counts: targets in text order start there
    expect(m.targets[0]).toBe('industry:县域主导产业');
  });

  it('可以 with an actor subject is a suggestion', () => {
    const m = one('为了充分发挥县域主导产业对新型城镇化的带动作用,县域地区可以根据自身实际情况,以主导产业发展中集聚化规模化发展、产业链完善和延伸、主导产业高质量发展带动相关产业发展三个阶段,对接新型城镇化发展要点,带动县域新型城镇化发展。', COUNTY);
    expect(m.modality).toBe('suggest');
    expect(m.cue).toBe('可以');
    expect(m.actor).toBe('concept:县域');
    // 县域主导产业 sits before the cue, in the purpose clause 为了充分发挥…: what the measure is for
    expect(m.targets).toContain('concept:新型城镇化');
    expect(m.targets[0]).toBe('industry:县域主导产业');
  });

  it('可以 without an actor is an evaluation, not a measure', () => {
    const { measures } = run('对城市群内部不同城市的优势功能实施差异化布局,可以实现优势互补,有利于协调效应的发挥,使城市群功能得到最优发挥。', [
      ['城市群', 'CONCEPT', 'concept:城市群'],
    ]);
    expect(measures).toEqual([]);
  });

  it('不应 … 应 …: both should; the earlier cue is reported', () => {
    const m = one('同时县域地区不应拘泥于固定的产业及城镇化发展模式,应因地制宜地推动产业和城镇化向创新驱动方向发展,整体推动县域新型城镇化的发展。', COUNTY);
    expect(m.modality).toBe('should');
    expect(m.cue).toBe('不应');
    expect(m.actor).toBe('concept:县域');
  });

  it('strongest cue wins; 不能 is should like 不应 (the guidelines\' must is 必须)', () => {
    const m = one('各县要加快产业转型,也不能忽视生态保护。');
    expect(m.modality).toBe('should');
    expect(m.cue).toBe('要');
    const n = one('各县不能忽视生态保护,必须要有长远的规划。');
    expect(n.modality).toBe('must');
    expect(n.cue).toBe('必须要');
  });

  it('need: 需要 + verb; 亟待/有待 + verb is a problem statement, not a need', () => {
    expect(one('统筹城乡、区域发展，促进产业转型升级和经济结构调整，推动民生改善和社会公正，实现低碳可持续发展，都需要以城镇化为载体，在城镇这个平台上统筹解决。').modality).toBe('need');
    expect(run('沿海港口的集疏运通道亟待完善，与内陆腹地的联系还不够紧密。').measures).toEqual([]);
    expect(run('加强区域合作，城际交通体系有待完善。').measures).toEqual([]);
  });

  it('need: the modal governs the clause joined by 并 / after a one-word predicate', () => {
    expect(one('这些矛盾需要地方政府高度重视，并及时加以解决。').modality).toBe('need');
    expect(one('各县产业布局要错位，完善区域分工体系。').modality).toBe('should');
  });

  it('targets are all mentions of the sentence except the actor, also those before the modal', () => {
    const m = one('第一，环北部湾城市的协同发展涉及到国内三个省区的行政协调，若想获得长远发展，需要三地有胆识，统筹全局，积极探索，打破常规，与时俱进地更新观念，尽快出台与《北部湾城市群发展规划》配套的各项具体措施，在法律政策、基础设施、产业结构、资金投入、公共服务、物流体系等方面做到相互融合，同时，各级省市政府必须形成相关合作机制，使生产要素能够按照市场规律自由流动，资源得以优化配置，并完善相关产业政策和社会保障政策。', [
      ['北部湾城市群发展规划', 'POLICY', 'policy:北部湾城市群发展规划'],
      ['环北部湾城市', 'CONCEPT', 'concept:环北部湾城市'],
    ]);
    expect(m.modality).toBe('must');
    expect(m.cue).toBe('必须');
    expect(m.targets).toEqual(['concept:环北部湾城市', 'policy:北部湾城市群发展规划']);
  });

  it('no actor when the mention only modifies the subject (中心镇的财政改革要…)', () => {
    const m = one('中心镇的财政改革要理顺县与镇的财政关系，赋予小城市培育镇独立的财政主体地位，', [['中心镇', 'CONCEPT', 'concept:中心镇']]);
    expect(m.cue).toBe('要');
    expect(m.actor).toBeNull();
  });

  it('a list of places as subject gives no actor (guidelines); all of them are targets', () => {
    const specs: Spec[] = [
      ['南宁', 'PLACE', 'place:450100'],
      ['北海', 'PLACE', 'place:450500'],
      ['甘肃省人民政府', 'ORGANIZATION', 'organization:甘肃省人民政府'],
      ['青海省人民政府', 'ORGANIZATION', 'organization:青海省人民政府'],
    ];
    const m = one('南宁、北海等要加快建设港口物流体系。', specs);
    expect(m.actor).toBeNull();
    expect(m.targets).toEqual(['place:450100', 'place:450500']);
    expect(one('甘肃省人民政府、青海省人民政府要加强组织领导。', specs).actor).toBeNull();
  });

  it('actor: the owner of a process, a subject clause carried over; not an object or a modifier', () => {
    const specs: Spec[] = [
      ['我国', 'PLACE', 'place:中国'],
      ['新型城镇化', 'CONCEPT', 'concept:新型城镇化'],
      ['都市圈', 'CONCEPT', 'concept:都市圈'],
      ['县域地区', 'CONCEPT', 'concept:县域地区'],
      ['工业化', 'CONCEPT', 'concept:工业化'],
    ];
    expect(one('我国新型城镇化建设必须坚持以人为本。', specs).actor).toBe('place:中国');
    expect(one('都市圈的发展要注重交通一体化。', specs).actor).toBe('concept:都市圈');
    expect(one('县域地区作为城乡融合的节点，应当加快补齐公共服务短板。', specs).actor).toBe('concept:县域地区');
    expect(one('县域地区在推进工业化的过程中，要防止重复建设。', specs).actor).toBe('concept:县域地区');
    expect(one('培育都市圈需要破除行政壁垒。', specs).actor).toBeNull();
    expect(one('都市圈各城市产业发展要错位，完善分工协作体系。', specs).actor).toBeNull();
  });

  it('capability, aspect before the modal and reported statements are not measures', () => {
    for (const t of [
      '某研究员认为，该城市群完全可以承担起先行先试的重任。',
      '融入都市圈，县城发展已经不能再等。',
      '发言人表示，下一步要提高农业转移人口市民化质量。',
      '2016年，国务院印发《若干意见》，明确了发展目标，要把特色小镇建设好。',
    ]) expect(run(t).measures, t).toHaveLength(0);
  });

  it('a recommendation quoted from a person is a measure; the speaker is not the actor', () => {
    const m = one('”国家发展和改革委员会宏观经济研究院研究员、国家发展和改革委员会国土开发与地区经济研究所原所长肖金成建议，城市间应加强合作形成合理分工，将垂直分工逐步转化为水平分工，变单个城市的竞争力为整体竞争力。', [
      ['国家发展和改革委员会', 'ORGANIZATION', 'organization:国家发展和改革委员会'],
    ]);
    expect(m.cue).toBe('应');
    expect(m.actor).toBeNull();
  });

  it('reported content of a policy (…提出，要…) is not a measure; the author\'s own view (笔者认为…应) is', () => {
    expect(run('党的十九大报告更是明确提出，要以城市群为主体构建大中小城市和小城镇协调发展的城镇格局。').measures).toHaveLength(0);
    expect(run('浙江省提出，小城市建成区面积要达到8平方公里以上。').measures).toHaveLength(0);
    expect(one('笔者认为我国城镇化应走适当集中的均衡发展道路。').cue).toBe('应');
  });

  it('definitions, purposes, conditions and capabilities are not measures', () => {
    for (const t of [
      '新生中小城市，顾名思义是指要把部分小城市发展成为中等城市。',
      '城镇化的目的是要建立和完善城镇的基本功能，从而产生城镇集聚效应。',
      '从学生入学到就业，60%要融入当地，这是推进城镇化发展的原动力。',
      '城镇的人口数量需要集聚到10万以上时，才能初步形成一定的集聚规模效应。',
      '因此，要使全省经济快速发展，形成强大的辐射中心是至关重要的。',
      '为了解决最优控制问题，必须建立描述受控运动过程的运动方程。',
    ]) expect(run(t).measures, t).toHaveLength(0);
  });
});

describe('extractMeasures — verb-initial sentences', () => {
  it('starts with an action verb', () => {
    const m = one('加快发展现代产业体系，推动产业优化升级，大力推进信息化和工业化融合，加快发展现代农业，提高现代服务业水平，加速科技成果转化，不断提高自主创新能力和市场竞争力。');
    expect(m.modality).toBe('action');
    expect(m.cue).toBe('加快');
    expect(m.actor).toBeNull();
  });

  it('after an enumerator / connective (二是, 同时，)', () => {
    expect(one('三是大力推进农业现代化，发展效益农业、生态农业、观光农业；').cue).toBe('推进');
    expect(one('同时再根据各地发展状况，重点培育未来中心城市，形成以中心城市为核心、次级城市区域为纽带的经济一体化的网络体系，加快北部湾城市的整体发展进程。').cue).toBe('培育');
  });

  it('after a leading 以…为… clause', () => {
    expect(one('以主导产业、龙头企业和大型项目为依托，以发展高新技术产业为先导，积极推进高新技术产业园区发展，做大做强电子信息、机械制造、石油化工、钢铁等一批战略型产业群，提高产业集中度，培育形成一批新兴产业群。').cue).toBe('推进');
  });

  it('reported facts starting with a verb are not measures', () => {
    for (const s of [
      '同时，创新机制抓项目，整合组建城投公司，2016年融资规模56.3亿元。', // 2016年 … 亿元
      '依托海关特殊监管区发展跨境电商，开启了国际贸易的网上通道。', // 开启了
      '创新户籍管理、统一社会保障、交通“一卡通”、扩大教育交流合作等任务全部完成，共享基本医疗卫生计生服务、实施旅游待遇同城、推行综合管理便利化等3项任务基本完成，农村产权制度改革试点工作正有序推进，基本公共服务的质量和便利性进一步提升。', // 全部完成
      '实施加快转变经济发展方式、实现可持续发展、实现中华民族伟大复兴的宏伟战略，城镇化是我国转型发展的汇聚点与着力点。', // copula 是
      '改革开放后的首批大学生，有着与众不同的成长背景，使得求索的思维与渴望的学习机会有机结合，形成了一种人们难以想象的历史使命感。', // 改革开放 is a noun
      '协同制定与城市群发展相适应的一揽子制度,如合作机制、互助机制、补偿机制、保障机制等,有利于实现城市间要素资源的自由流动,有效提高区域的创新动力和抗风险能力。', // 有利于 (evaluation)
    ]) {
      expect(run(s).measures, s).toEqual([]);
    }
  });
});

describe('extractMeasures — negatives', () => {
  const cases: [string, string][] = [
    ['建议 + 了 (past)', '研究建议得到了省市相关部门的采纳与实施，并取得了以下效果。'],
    ['discourse 需要看到的是', '需要看到的是,我国城市群在发展过程中,由于大中小城市的经济规模悬殊,部分产业定位相近,导致有的城市群虽在空间上实现了聚集,但在资源辐射、经济合作、公共服务等方面问题凸显,城市群发展呈现核心联动不够、区域发展相对分化的态势。'],
    ['要求 is not 要', '虽然按照省政府的要求对小城市试点镇给予了更大的财力支持，'],
    ['不能 = cannot', '外来务工人员不能有效地转化为当地户籍人口，带来的一个直接问题是城镇的生'],
    ['据…统计', '据国家发改委课题组统计，全国有 655 个城市提出要走向世界，183 个城市提出要建国际大都市。'],
    ['question', '郑州，凭什么？靠什么？要补什么？'],
    ['conditional 如果不能', '其产业空间结构由政府主导，在这样资源有限的国家如果不能集约发展，将造成严重的资源浪费与经济衰退。'],
    ['效应/重要 are not cues', '城市群通过核心城市的引领来发挥集聚和带动效应,使得整个区域功能更加优化、竞争力更强。'],
    ['noun 需要 (迫切需要)', '（三）小城市培育是促进产业集聚，城乡资源优化配置的迫切需要 '],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const { measures } = run(text, [['城市群', 'CONCEPT', 'concept:城市群']]);
      expect(measures).toEqual([]);
    });
  }
});

describe('extractMeasures — sections and headings', () => {
  const experience = '三、浙江小城市培育取得的经验 '.trim();
  const thinking = '五、进一步加快推进小城市培育的思考 '.trim();
  const h1 = '（一）加强城乡规划编制，明确小城市发展定位 '.trim();
  const h2 = '（二）推进产业转型升级，发展现代城市经济 '.trim();

  it('a verb-initial heading is a measure only under a countermeasure section', () => {
    const doc = sectioned([
      { heading: experience, level: 2, body: [] },
      { heading: h1, level: 3, body: [] },
      { heading: thinking, level: 2, body: [] },
      { heading: h2, level: 3, body: [] },
    ]);
    const ms = extractMeasures(doc, [], new Map());
    expect(ms.map((m) => m.text)).toEqual([h2]);
    expect(ms[0].modality).toBe('action');
    expect(ms[0].cue).toBe('推进');
  });

  it('the same heading line without section context is not a measure', () => {
    expect(run(h2).measures).toEqual([]);
  });

  it('in a 对策 section any clause starting with an action verb counts', () => {
    const body = '因为，北部湾城市在地理条件和资源上具有相似性，各地之间的产业布局难免发生冲突，客观环境要求对北部湾城市的产业发展进行统一布局，优化区域内的产业结构，发展特色产业优势，扶持潜力产业，以南宁作为城市群的核心，加强各省市之间的协同合作，在分工基础上形成优势互补的区域产业结构，提升区域内整体实力，增强对外竞争力。';
    expect(run(body).measures).toEqual([]);
    const doc = sectioned([{ heading: '北部湾城市群协同发展思路及对策^{①②}', level: 2, body: [body] }]);
    const ms = extractMeasures(doc, [], new Map());
    expect(ms).toHaveLength(1);
    expect(ms[0].cue).toBe('优化');
    expect(ms[0].modality).toBe('action');
  });

  it('a section on past practice (…取得的经验) has no measures, even verb-initial or with 要', () => {
    const doc = sectioned([
      { heading: experience, level: 2, body: [] },
      { heading: h1, level: 3, body: ['一是全面推进小城市规划的编制，把规划的修编当作加快小城市培育的基础性工作来抓。', '适度调整试点镇的行政区划，增强小城市的集聚能力。'] },
      { heading: '城市群发展的国际经验', level: 2, body: ['城市群的发展要积极利用自身区位优势。'] },
    ]);
    expect(extractMeasures(doc, [], new Map()).map((m) => m.text)).toEqual(['城市群的发展要积极利用自身区位优势。']);
  });

  it('the ；-pieces of one sentence make one measure spanning the sentence', () => {
    const text = '三是大力推进农业现代化，发展效益农业、生态农业、观光农业；推进耕地适度规模经营，提高农业效益。下一句没有措施。';
    const specs: Spec[] = [['农业现代化', 'CONCEPT', 'concept:农业现代化'], ['生态农业', 'INDUSTRY', 'industry:生态农业'], ['农业效益', 'INDUSTRY', 'industry:农业']];
    const { doc, measures } = run(text, specs);
    expect(doc.sentences.length).toBeGreaterThan(2);
    expect(measures).toHaveLength(1);
    expect(measures[0].text).toBe('三是大力推进农业现代化，发展效益农业、生态农业、观光农业；推进耕地适度规模经营，提高农业效益。');
    expect(doc.text.slice(measures[0].start, measures[0].end)).toBe(measures[0].text);
    expect(measures[0].targets).toEqual(['concept:农业现代化', 'industry:生态农业', 'industry:农业']);
  });

  it('a named place followed by a verb reports what it does (papers, news); 以X促Y is an imperative', () => {
    const places: Spec[] = [['泸州', 'PLACE', 'place:510500'], ['北部湾经济区', 'PLACE', 'place:广西北部湾经济区']];
    expect(run('泸州坚持绿色发展理念，打造绿色城市的生态风光。', places).measures).toEqual([]);
    expect(run('面对新形势新要求，北部湾经济区将继续推进同城化改革向纵深发展。', places).measures).toEqual([]);
    expect(one('以功能协同促发展。').modality).toBe('action');
  });

  it('a heading with an explicit modal is a measure anywhere', () => {
    expect(one('打造城市群需摒弃“高大全”思维^①').cue).toBe('需');
  });
});

describe('extractMeasures — invariants', () => {
  it('offsets, sentence ordinals and text agree on a multi-sentence corpus paragraph', () => {
    const text = [
      '新征程上,要进一步发展壮大城市群和都市圈,分类引导大中小城市发展方向和建设重点,形成疏密有致、分工协作、功能完善的城镇化空间格局。',
      '我国经济由高速增长阶段转向高质量发展阶段,对区域协调发展提出了新的要求。',
      '应把乡村振兴与城市群建设联系起来,充分考虑中心城市与周边城市及农村的发展定位,构建合作共赢的城市群。',
      '要在完善产权制度和要素优化配置基础上,促进并实现各类要素、人才在城乡间的双向流动,推进城乡融合发展。',
    ].join('');
    const specs: Spec[] = [
      ['城市群', 'CONCEPT', 'concept:城市群'],
      ['都市圈', 'CONCEPT', 'concept:都市圈'],
      ['乡村振兴', 'POLICY', 'policy:乡村振兴战略'],
    ];
    const { doc, measures } = run(text, specs);
    expect(measures.map((m) => m.sentence)).toEqual([0, 2, 3]);
    for (const m of measures) {
      const s = doc.sentences[m.sentence];
      expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      expect([s.start, s.end, s.text]).toEqual([m.start, m.end, m.text]);
      expect(m.text).toContain(m.cue);
    }
    expect(measures[0].targets).toEqual(['concept:城市群', 'concept:都市圈']);
    expect(measures[1].targets).toEqual(['policy:乡村振兴战略', 'concept:城市群']);
  });
});

/** A plan / policy text (DocMeta.kind 'policy'): imperative style without modals. */
describe('extractMeasures — policy and plan genre', () => {
  const policy = (parts: { heading: string; level: number; body: string[] }[], kind: 'policy' | 'report' | 'other' = 'policy') =>
    extractMeasures(sectioned(parts, kind), [], new Map());

  it('imperative sentences starting with (adverb +) action verb are action measures', () => {
    for (const [s, cue] of [
      ['有序推进农业转移人口市民化。', '推进'],
      ['稳步提高户籍人口城镇化率。', '提高'],
      ['积极培育中小城市和特色小城镇，大力发展县域经济。', '培育'],
      ['全面推行居住证制度，建立健全城乡统一的户口登记制度。', '推行'],
      ['深入实施新型城镇化战略，加快建设以人为核心的新型城镇化。', '实施'],
      ['分类引导大中小城市发展方向和建设重点。', '引导'],
      ['优化提升东部地区城市群，培育发展中西部地区城市群。', '优化'],
      ['坚持以人为本、优化布局、生态文明、文化传承的基本原则。', '坚持'],
      ['以城市群为主体形态，推动大中小城市和小城镇协调发展。', '推动'],
      ['支持中西部地区承接东部地区产业转移。', '支持'],
      ['鼓励社会资本参与城市基础设施投资和运营。', '鼓励'],
      ['严格控制超大城市人口规模。', '控制'],
      ['按照尊重意愿、自主选择，因地制宜、分步推进，存量优先、带动增量的原则，以农业转移人口为重点，推动农业转移人口享有城镇基本公共服务。', '推动'],
      ['各级人民政府加大对中小城市基础设施建设的投入。', '加大'],
      ['（一）指导思想。全面贯彻党的二十大精神，积极稳妥推进以人为核心的新型城镇化。', '贯彻'],
    ] as const) {
      const ms = policy([{ heading: '第二章 主要任务', level: 1, body: [s] }]);
      const m = ms.find((x) => x.text !== '第二章 主要任务');
      expect(m, s).toBeDefined();
      expect(m!.modality, s).toBe('action');
      expect(m!.cue, s).toBe(cue);
    }
  });

  it('verb-initial headings of a plan are measures (not in descriptive sections)', () => {
    const ms = policy([
      { heading: '第一章 发展现状', level: 1, body: [] },
      { heading: '第一节 推进户籍制度改革', level: 2, body: ['一年来，户籍制度改革全面推进。'] },
      { heading: '第二章 主要任务', level: 1, body: [] },
      { heading: '第三节 推进农业转移人口市民化', level: 2, body: [] },
      { heading: '（二）加快培育现代化都市圈', level: 2, body: [] },
    ]);
    expect(ms.map((m) => m.text)).toEqual(['第三节 推进农业转移人口市民化', '（二）加快培育现代化都市圈']);
    expect(ms.every((m) => m.modality === 'action')).toBe(true);
  });

  it('headings stay descriptive in papers (kind other)', () => {
    expect(policy([{ heading: '（二）加快培育现代化都市圈', level: 2, body: [] }], 'other')).toEqual([]);
  });

  it('descriptive, past and target sentences of a plan are not measures', () => {
    for (const s of [
      '改革开放以来，我国城镇化进程明显加快。',
      '城镇化取得了显著成就。',
      '据统计，全国共有城市658个。',
      '城镇化是现代化的必由之路。',
      '到2035年，常住人口城镇化率达到75%左右。',
      '实施新型城镇化战略以来，城镇化水平不断提高。',
      '推进城镇化是解决农业农村农民问题的重要途径。',
      '国务院印发了《关于进一步推进户籍制度改革的意见》。',
      '户籍制度改革已全面推进。',
    ]) {
      expect(policy([{ heading: '第二章 主要任务', level: 1, body: [s] }]).filter((m) => m.text === s), s).toEqual([]);
    }
  });
});

describe('extractMeasures — notices, principles, numbered and enumerated headings, news', () => {
  const withKind = (doc: SegmentedDoc, kind: SegmentedDoc['meta']['kind']) => {
    doc.meta.kind = kind;
    return extractMeasures(doc, [], new Map());
  };

  it('a notice\'s request (…,请认真贯彻执行。) is an action measure even after 已经; its lead-in is not', () => {
    const ms = withKind(sectioned([{ heading: '关于印发某市城镇化实施方案的通知', level: 1, body: [
      '为加快推进新型城镇化，结合本市实际，制定方案如下。',
      '《实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。',
      '方案实施中的重大事项按规定程序报批。',
    ] }]), 'policy');
    expect(ms.map((m) => [m.cue, m.modality])).toEqual([['请', 'action'], ['按规定程序报批', 'action']]);
  });

  it('the 请 of a book colophon is no measure (policy texts only)', () => {
    expect(withKind(makeDoc('本书如有印装质量问题，请与出版社发行部联系。'), 'book')).toEqual([]);
  });

  it('principle headings ——坚持X。 are action measures', () => {
    const ms = withKind(sectioned([{ heading: '二、基本原则', level: 1, body: ['——坚持规划引领。', '——坚持因地制宜。'] }]), 'policy');
    expect(ms.map((m) => m.cue)).toEqual(['坚持', '坚持']);
  });

  it('5.1 … under 5 对策建议 is in a countermeasure section even at the same heading level', () => {
    const ms = withKind(sectioned([
      { heading: '4 结果分析', level: 1, body: [] },
      { heading: '5 对策建议', level: 1, body: [] },
      { heading: '5.1 突破要素流动障碍，健全城乡统一的要素市场', level: 1, body: [] },
      { heading: '5.2 完善县城公共服务，提升县城承载能力', level: 1, body: [] },
    ]), 'journal-article');
    expect(ms.map((m) => m.cue)).toEqual(['突破', '完善']);
  });

  it('an enumerated verb-initial heading over a prescriptive body is a measure; a problem heading is not', () => {
    const doc = sectioned([
      { heading: '都市圈建设面临三大问题', level: 2, body: ['各城市之间分工不明确。'] },
      { heading: '一、强化中心城市功能，增强辐射带动能力', level: 2, body: ['首先，要提升中心城市的综合服务能力。', '其次，要完善城际交通网络。'] },
      { heading: '二、发挥产业优势，构建特色产业体系', level: 2, body: ['产业是城市发展的基础。'] },
    ]);
    const ms = withKind(doc, 'bulletin');
    expect(ms.map((m) => m.text)).toEqual(['一、强化中心城市功能，增强辐射带动能力', '首先，要提升中心城市的综合服务能力。', '其次，要完善城际交通网络。']);
  });

  it('news: imperative sentences relay policy content and are no measures; slogans and modals are', () => {
    expect(withKind(makeDoc('进一步深化户籍制度改革，积极推进农业转移人口落户。'), 'newspaper-article')).toEqual([]);
    expect(withKind(makeDoc('以产业协同促融合。'), 'newspaper-article').map((m) => m.cue)).toEqual(['促']);
    expect(withKind(makeDoc('城市群建设要避免同质化竞争。'), 'newspaper-article').map((m) => m.cue)).toEqual(['要']);
  });

  it('list items of a 以下几个结合 list (A与B相结合。) and lead clauses (从…出发, 依靠…) before a verb', () => {
    expect(one('城镇建设与产业发展相结合。').cue).toBe('相结合');
    expect(one('从各地实际出发，遵循城镇化规律，防止千城一面。').modality).toBe('action');
    expect(one('依靠中心城市的辐射功能，发挥其服务业的带动效应，推进都市圈一体化发展。').cue).toBe('发挥');
  });
});
