import { describe, expect, it } from 'vitest';
import { extractCueRelations } from '../../ingest/extract/cue-relations.js';
import type { Relation } from '../../ingest/types.js';
import { makeDoc } from '../helpers/make-doc.js';
import { mentionsFor, relationPairs as pairs, type MentionSpec } from '../helpers/corpus.js';

type Spec = MentionSpec;

function rels(text: string, specs: Spec[]): Relation[] {
  const doc = makeDoc(text);
  return extractCueRelations(doc, mentionsFor(doc, specs));
}

const COUNTY: Spec[] = [
  ['县域主导产业', 'INDUSTRY', 'industry:县域主导产业'],
  ['主导产业', 'INDUSTRY', 'industry:主导产业'],
  ['县域新型城镇化', 'CONCEPT', 'concept:县域新型城镇化'],
  ['新型城镇化', 'CONCEPT', 'concept:新型城镇化'],
  ['县域地区', 'CONCEPT', 'concept:县域'],
];

describe('extractCueRelations — DRIVES', () => {
  it('A对B具有一定带动作用', () => {
    const rs = rels('现阶段已经确定主导产业的地区中,主导产业对新型城镇化具有一定带动作用,但效果并不明显。', COUNTY);
    expect(rs).toEqual([{ type: 'DRIVES', from: 'industry:主导产业', to: 'concept:新型城镇化', sentence: 0 }]);
  });

  it('发挥A对B的带动作用; 推动B (no A in its clause) gives nothing more', () => {
    const rs = rels('为了充分发挥县域主导产业对新型城镇化的带动作用,县域地区可以根据自身实际情况,以主导产业发展中集聚化规模化发展、产业链完善和延伸、主导产业高质量发展带动相关产业发展三个阶段,对接新型城镇化发展要点,带动县域新型城镇化发展。', COUNTY);
    expect(pairs(rs)).toEqual(['industry:县域主导产业 DRIVES concept:新型城镇化']);
  });

  it('A成为推动B发展的途径', () => {
    const rs = rels('由于县域主导产业发展情况在一定程度上决定了城乡经济发展水平和居民生活质量,同时提高地区经济发展水平以及居民生活质量也是新型城镇化发展的内在要求,因此发展县域主导产业成为推动县域新型城镇化发展的重要途径之一。', COUNTY);
    expect(pairs(rs)).toEqual(['industry:县域主导产业 DRIVES concept:县域新型城镇化']);
  });

  it('以A引领B / 以A带动B', () => {
    expect(pairs(rels('以协同创新引领城市群发展', [
      ['协同创新', 'CONCEPT', 'concept:协同创新'],
      ['城市群', 'CONCEPT', 'concept:城市群'],
    ]))).toEqual(['concept:协同创新 DRIVES concept:城市群']);
    const rs = rels('江小城市培育的经验证明了小城市的发展方向，即以工业化带动城镇化发展，以城镇化提升工业化的发展动力和品质内涵，两', [
      ['工业化', 'CONCEPT', 'concept:工业化'],
      ['城镇化', 'CONCEPT', 'concept:城镇化'],
    ]);
    // 以城镇化提升工业化: 提升 is a SUPPORTS cue (guidelines); 双轮驱动 has no A in its clause
    expect(pairs(rs)).toEqual(['concept:工业化 DRIVES concept:城镇化', 'concept:城镇化 SUPPORTS concept:工业化']);
  });
});

describe('extractCueRelations — SUPPORTS / HINDERS', () => {
  it('A支撑B / A服务于B', () => {
    expect(pairs(rels('中心城市支撑城市群高质量发展。', [
      ['中心城市', 'CONCEPT', 'concept:中心城市'],
      ['城市群', 'CONCEPT', 'concept:城市群'],
    ]))).toEqual(['concept:中心城市 SUPPORTS concept:城市群']);
    expect(pairs(rels('北部湾港口群服务于西部陆海新通道建设。', [
      ['北部湾港口群', 'CONCEPT', 'concept:北部湾港口群'],
      ['西部陆海新通道', 'POLICY', 'policy:西部陆海新通道'],
    ]))).toEqual(['concept:北部湾港口群 SUPPORTS policy:西部陆海新通道']);
  });

  it('A制约B, A影响了B的发展; not 影响力', () => {
    const specs: Spec[] = [
      ['户籍制度', 'POLICY', 'policy:户籍制度'],
      ['新型城镇化', 'CONCEPT', 'concept:新型城镇化'],
      ['产业同构', 'CONCEPT', 'concept:产业同构'],
      ['城市群', 'CONCEPT', 'concept:城市群'],
    ];
    expect(pairs(rels('城乡分割的户籍制度制约新型城镇化发展。', specs))).toEqual(['policy:户籍制度 HINDERS concept:新型城镇化']);
    expect(pairs(rels('产业同构影响了城市群的协同发展。', specs))).toEqual(['concept:产业同构 HINDERS concept:城市群']);
    expect(rels('产业同构影响城市群的形象。', specs)).toEqual([]);
    expect(rels('城市群的影响力不断提升，新型城镇化稳步推进。', specs)).toEqual([]);
  });
});

describe('extractCueRelations — negatives and invariants', () => {
  it('A and the cue in different clauses', () => {
    const rs = rels('2016 年国务院批复的《促进中部地区崛起“十三五”规划》和《中原城市群发展规划》中，明确支持郑州建设国家中心城市。', [
      ['中原城市群发展规划', 'POLICY', 'policy:中原城市群发展规划'],
      ['郑州', 'PLACE', 'place:410100'],
    ]);
    expect(rs).toEqual([]);
  });

  it('negated cue', () => {
    expect(rels('主导产业未能带动新型城镇化发展。', COUNTY)).toEqual([]);
  });

  it('A too far before the cue', () => {
    expect(rels('主导产业在过去很长一段时期内由于种种复杂原因始终带动新型城镇化。', COUNTY)).toEqual([]);
  });

  it('ignores ineligible types (PERSON) and mentions of other sentences', () => {
    const text = '刘建兴推动了研究。新型城镇化带动主导产业。';
    const rs = rels(text, [['刘建兴', 'PERSON', 'person:刘建兴'], ...COUNTY]);
    expect(rs).toEqual([{ type: 'DRIVES', from: 'concept:新型城镇化', to: 'industry:主导产业', sentence: 1 }]);
  });

  it('one relation per (type, from, to, sentence)', () => {
    const rs = rels('主导产业带动新型城镇化，主导产业推动新型城镇化。', COUNTY);
    expect(rs).toHaveLength(1);
  });

  it('促进 is SUPPORTS, not DRIVES (guidelines)', () => {
    const rs = rels('主导产业带动新型城镇化，主导产业促进新型城镇化。', COUNTY);
    expect(rs.map((r) => r.type)).toEqual(['DRIVES', 'SUPPORTS']);
  });
});

describe('extractMembership — MEMBER_OF / CORE_OF stated in the text', async () => {
  const { extractMembership } = await import('../../ingest/extract/cue-relations.js');
  const PLACES: Spec[] = [
    ['北部湾城市群', 'PLACE', 'place:北部湾城市群'],
    ['成渝地区双城经济圈', 'PLACE', 'place:成渝地区双城经济圈'],
    ['长株潭都市圈', 'PLACE', 'place:长株潭都市圈'],
    ['南宁', 'PLACE', 'place:南宁市'], ['北海', 'PLACE', 'place:北海市'], ['钦州', 'PLACE', 'place:钦州市'],
    ['防城港', 'PLACE', 'place:防城港市'], ['长沙', 'PLACE', 'place:长沙市'], ['株洲', 'PLACE', 'place:株洲市'],
    ['湘潭', 'PLACE', 'place:湘潭市'], ['广西', 'PLACE', 'place:广西壮族自治区'],
  ];
  const mem = (text: string) => {
    const doc = makeDoc(text);
    const ents = new Map(PLACES.map(([, type, key]) => [key, { type, name: key.split(':')[1] }]));
    return pairs(extractMembership(doc, mentionsFor(doc, PLACES), ents));
  };

  it('<cluster>（<list>） parenthesised members, and not a bracket that is only a remark', () => {
    expect(mem('推动长株潭都市圈（长沙、株洲、湘潭）同城化发展。')).toEqual([
      'place:长沙市 MEMBER_OF place:长株潭都市圈', 'place:株洲市 MEMBER_OF place:长株潭都市圈',
      'place:湘潭市 MEMBER_OF place:长株潭都市圈',
    ]);
    expect(mem('长株潭都市圈（以长沙为主，兼顾周边）建设提速。')).not.toContain('place:株洲市 MEMBER_OF place:长株潭都市圈');
  });

  it('<list>等N个城市组成<cluster>', () => {
    expect(mem('长沙、株洲、湘潭等3个城市共同组成长株潭都市圈。')).toEqual([
      'place:长沙市 MEMBER_OF place:长株潭都市圈', 'place:株洲市 MEMBER_OF place:长株潭都市圈',
      'place:湘潭市 MEMBER_OF place:长株潭都市圈',
    ]);
  });

  it('<cluster>以X为中心，…，包括<list> (cluster as the sentence subject)', () => {
    const got = mem('北部湾城市群以南宁为核心，以沿海为轴线，包括北海、钦州（港口城市）、防城港等城市。');
    expect(got).toContain('place:南宁市 CORE_OF place:北部湾城市群');
    for (const c of ['北海市', '钦州市', '防城港市']) expect(got).toContain(`place:${c} MEMBER_OF place:北部湾城市群`);
    // a clause-level 包括 does not reach a cluster that is not the subject
    expect(mem('广西加快发展，包括南宁、北海，北部湾城市群建设提速。')).toEqual([]);
  });

  it('<cluster>包括<list>', () => {
    expect(mem('北部湾城市群范围包括南宁、北海、钦州、防城港等城市。')).toEqual([
      'place:南宁市 MEMBER_OF place:北部湾城市群', 'place:北海市 MEMBER_OF place:北部湾城市群',
      'place:钦州市 MEMBER_OF place:北部湾城市群', 'place:防城港市 MEMBER_OF place:北部湾城市群',
    ]);
  });

  it('<list>等…城市均被列入/纳入', () => {
    expect(mem('长沙、株洲和湘潭等3市纳入长株潭都市圈。')).toEqual([
      'place:长沙市 MEMBER_OF place:长株潭都市圈', 'place:株洲市 MEMBER_OF place:长株潭都市圈', 'place:湘潭市 MEMBER_OF place:长株潭都市圈',
    ]);
  });

  it('以<P>为核心 / <P>作为<C>的核心: CORE_OF and MEMBER_OF', () => {
    expect(mem('长株潭都市圈以长沙为核心，推动株洲、湘潭同城化发展。')).toEqual([
      'place:长沙市 MEMBER_OF place:长株潭都市圈', 'place:长沙市 CORE_OF place:长株潭都市圈',
    ]);
    expect(mem('规划明确南宁作为北部湾城市群的“核心城市”。')).toContain('place:南宁市 CORE_OF place:北部湾城市群');
  });

  it('metropolitan areas: <C>由<list>组成, 以<P>为核心; a province before the list is not a member', () => {
    expect(mem('长株潭都市圈由长沙、株洲、湘潭三市组成。')).toEqual([
      'place:长沙市 MEMBER_OF place:长株潭都市圈', 'place:株洲市 MEMBER_OF place:长株潭都市圈', 'place:湘潭市 MEMBER_OF place:长株潭都市圈',
    ]);
    const doc = makeDoc('北部湾城市群走红广西，南宁、北海等城市均被列入规划。');
    const ents = new Map(PLACES.map(([, type, key]) => [key, { type, name: key.split(':')[1], level: key.endsWith('自治区') ? 'province' : undefined }]));
    expect(pairs(extractMembership(doc, mentionsFor(doc, PLACES), ents))).toEqual([
      'place:南宁市 MEMBER_OF place:北部湾城市群', 'place:北海市 MEMBER_OF place:北部湾城市群',
    ]);
  });

  it('no membership without a stated link', () => {
    expect(mem('南宁、北海与北部湾城市群其他城市的联系日益紧密。')).toEqual([]);
    expect(mem('广西积极融入北部湾城市群建设。')).toEqual([]);
    expect(mem('南宁、北海、钦州等城市的港口吞吐量增长较快。')).toEqual([]);
  });
});

describe('extractCueRelations — coordinated objects', () => {
  it('制约 / 带动 reach every conjunct of the object list', () => {
    const specs: Spec[] = [
      ['户籍制度', 'CONCEPT', 'concept:户籍制度'], ['小城市', 'CONCEPT', 'concept:小城市'], ['小城镇', 'CONCEPT', 'concept:小城镇'],
    ];
    expect(pairs(rels('户籍制度制约了小城市、小城镇的人口集聚。', specs))).toEqual([
      'concept:户籍制度 HINDERS concept:小城市', 'concept:户籍制度 HINDERS concept:小城镇',
    ]);
  });
});

describe('extractCueRelations — adjacent clauses and frames', () => {
  const S: Spec[] = [
    ['物流业', 'INDUSTRY', 'industry:物流业'],
    ['都市圈', 'CONCEPT', 'concept:都市圈'],
    ['成都市', 'PLACE', 'place:成都市'],
    ['制造业', 'INDUSTRY', 'industry:制造业'],
    ['服务业', 'INDUSTRY', 'industry:服务业'],
    ['乡村振兴战略', 'POLICY', 'policy:乡村振兴战略'],
    ['县城', 'CONCEPT', 'concept:县城'],
    ['高质量发展', 'CONCEPT', 'concept:高质量发展'],
    ['产业集群', 'CONCEPT', 'concept:产业集群'],
  ];

  it('A…，(可以|能够|从而)带动B: A is the subject opening the previous clause', () => {
    expect(pairs(rels('成都市的物流业基础较好，可以有效带动都市圈的产业分工。', S))).toEqual(['industry:物流业 DRIVES concept:都市圈']);
    // one clause without mentions may stand between
    expect(pairs(rels('物流业起步较早，规模居全国前列，从而带动都市圈发展。', S))).toEqual(['industry:物流业 DRIVES concept:都市圈']);
  });

  it('a bare cue opening its clause takes the subject over clauses opening with a verb, not over a new subject', () => {
    expect(pairs(rels('物流业起步较早，带动都市圈发展。', S))).toEqual(['industry:物流业 DRIVES concept:都市圈']);
    expect(pairs(rels('物流业起步较早，培育了一批龙头企业，带动都市圈发展。', S))).toEqual(['industry:物流业 DRIVES concept:都市圈']);
    expect(rels('物流业起步较早，这样的格局还会持续，带动都市圈发展。', S)).toEqual([]);
    expect(rels('物流业起步较早，经济总量不断提升，支撑都市圈发展的能力增强。', S)).toEqual([]);
  });

  it('a subject not opening the clause, a recommending subject, a reporting clause: nothing from the earlier clause', () => {
    expect(rels('近年来发展物流业，可以带动都市圈发展。', S)).toEqual([]);
    expect(rels('成都市应抓住机遇，带动都市圈发展。', S)).toEqual([]);
    expect(rels('成都市提出发展物流业，带动都市圈发展。', S)).toEqual([]);
  });

  it('the object of an imperative right before a consequence cue (要突出A的功能，带动B); 以A为核心，辐射带动B', () => {
    expect(pairs(rels('要突出成都市的枢纽功能，带动都市圈一体化。', S))).toEqual(['place:成都市 DRIVES concept:都市圈']);
    expect(pairs(rels('要突出成都市的枢纽功能，促进产业集群发展。', S))).toEqual([]);
    expect(pairs(rels('东片区以成都市为核心，辐射带动周边县城。', S))).toEqual(['place:成都市 DRIVES concept:县城']);
    // a subject opening the clause is the driver itself
    expect(pairs(rels('都市圈以成都市为核心，辐射带动周边县城。', S))).toEqual(['concept:都市圈 DRIVES concept:县城']);
  });

  it('the object is the head of a glued modifier mention (带动成都市制造业)', () => {
    expect(pairs(rels('物流业带动成都市制造业的发展。', S))).toEqual(['industry:物流业 DRIVES industry:制造业']);
    expect(pairs(rels('以产业集群引领县城高质量发展。', S))).toEqual(['concept:产业集群 DRIVES concept:高质量发展']);
  });

  it('在A的推动下，B…: A DRIVES the subject of the next clause', () => {
    expect(pairs(rels('在乡村振兴战略的推动下，县城基础设施明显改善。', S))).toEqual(['policy:乡村振兴战略 DRIVES concept:县城']);
  });

  it('以A推B、以A促B', () => {
    expect(pairs(rels('坚持以制造业推服务业、以服务业促制造业。', S))).toEqual([
      'industry:制造业 DRIVES industry:服务业', 'industry:服务业 SUPPORTS industry:制造业',
    ]);
  });
});

describe('extractCueRelations — frames and filters (measures helper)', () => {
  const S: Spec[] = [
    ['县城', 'CONCEPT', 'concept:县城'],
    ['都市圈', 'CONCEPT', 'concept:都市圈'],
    ['新型城镇化', 'CONCEPT', 'concept:新型城镇化'],
    ['城镇化', 'CONCEPT', 'concept:城镇化'],
    ['工业化', 'CONCEPT', 'concept:工业化'],
    ['制造业', 'INDUSTRY', 'industry:制造业'],
    ['服务业', 'INDUSTRY', 'industry:服务业'],
    ['乡村振兴', 'CONCEPT', 'concept:乡村振兴'],
    ['协调发展', 'CONCEPT', 'concept:协调发展'],
    ['高质量发展', 'CONCEPT', 'concept:高质量发展'],
    ['成都市', 'PLACE', 'place:成都市'],
    ['我国', 'PLACE', 'place:中国'],
    ['省政府', 'ORGANIZATION', 'organization:省政府'],
    ['产业集群', 'CONCEPT', 'concept:产业集群'],
    ['特殊类型地区', 'CONCEPT', 'concept:特殊类型地区'],
    ['革命老区', 'CONCEPT', 'concept:革命老区'],
    ['边境地区', 'CONCEPT', 'concept:边境地区'],
  ];

  it('A带B发展; A和B…互为支撑 (both ways)', () => {
    expect(pairs(rels('推动制造业带服务业发展。', S))).toEqual(['industry:制造业 DRIVES industry:服务业']);
    expect(pairs(rels('县城和都市圈功能互补、互为支撑。', S))).toEqual(['concept:县城 SUPPORTS concept:都市圈', 'concept:都市圈 SUPPORTS concept:县城']);
  });

  it('发展A，…，有利于促进B: A SUPPORTS B; X以A与B为支撑; X需要A作为动力', () => {
    expect(pairs(rels('培育发展都市圈，有利于深化我国对外合作、促进协调发展，有利于推进新型城镇化。', S))).toEqual([
      'concept:都市圈 SUPPORTS concept:协调发展', 'concept:都市圈 SUPPORTS concept:新型城镇化',
    ]);
    expect(pairs(rels('城镇化是以工业化与制造业为支撑的。', S))).toEqual(['concept:工业化 SUPPORTS concept:城镇化', 'industry:制造业 SUPPORTS concept:城镇化']);
    expect(pairs(rels('县城的发展需要较强的制造业作为动力，完善的服务业作为支撑。', S))).toEqual([
      'industry:制造业 DRIVES concept:县城', 'industry:服务业 SUPPORTS concept:县城',
    ]);
  });

  it('…，成为…B的重要支撑: the carried-over subject (and its conjuncts) SUPPORTS B', () => {
    expect(pairs(rels('县城和都市圈成为经济增长的重要引擎，成为推动新型城镇化的重要支撑。', S))).toEqual([
      'concept:县城 SUPPORTS concept:新型城镇化', 'concept:都市圈 SUPPORTS concept:新型城镇化',
    ]);
  });

  it('nominal: A对B1、B2等C的辐射带动 (each B); X作为…，对B起着带动作用; not A的X对B', () => {
    expect(pairs(rels('加强都市圈对周边革命老区、边境地区等特殊类型地区发展的辐射带动。', S))).toEqual([
      'concept:都市圈 DRIVES concept:革命老区', 'concept:都市圈 DRIVES concept:边境地区', 'concept:都市圈 DRIVES concept:特殊类型地区',
    ]);
    expect(pairs(rels('成都市作为区域中心，对县城发展起着强劲的带动作用。', S))).toEqual(['place:成都市 DRIVES concept:县城']);
    expect(rels('都市圈的研究成果对新型城镇化起到了引领作用。', S)).toEqual([]);
  });

  it('conjoined drivers share the cue (A、B的发展带动了C)', () => {
    expect(pairs(rels('制造业、服务业的发展带动了县城的成长。', S))).toEqual(['industry:制造业 DRIVES concept:县城', 'industry:服务业 DRIVES concept:县城']);
  });

  it('no relation: cue in a title or event name, a noun use, A cut off by a comma list / preposition / verb', () => {
    for (const t of [
      '省政府印发《促进县城高质量发展的若干措施》。',
      '省政府召开推动县城高质量发展大会。',
      '都市圈通过核心城市的引领来发挥集聚效应。',
      '在县城规划、产业提升、乡村振兴等方面积累了经验。',
      '深化县城改革、促进新型城镇化和工业化协调发展。',
      '省政府围绕促进协调发展作出部署。',
      '从工业化和城镇化两个方面推动高质量发展。',
      '省政府需要突破阻碍县城发展的体制障碍。',
      '成都市引领与都市圈合作的新趋势。',
      '都市圈拉动我国经济快速增长。',
    ]) expect(rels(t, S), t).toEqual([]);
  });
});
