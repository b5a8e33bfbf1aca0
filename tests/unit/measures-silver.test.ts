import { describe, expect, it } from 'vitest';
import { extractMeasures } from '../../ingest/extract/measures.js';
import { extractCueRelations } from '../../ingest/extract/cue-relations.js';
import type { SegmentedDoc } from '../../ingest/types.js';
import { makeDoc, sectionedDoc as sectioned } from '../helpers/make-doc.js';
import { entitiesOf, mentionsFor, relationPairs, type MentionSpec } from '../helpers/corpus.js';

/** Rules found by reading the extractor on fresh (silver) texts; example sentences written for the tests. */

function measuresOf(doc: SegmentedDoc, specs: MentionSpec[] = []) {
  return extractMeasures(doc, mentionsFor(doc, specs), entitiesOf(specs));
}

function ofKind(text: string, kind: SegmentedDoc['meta']['kind']): SegmentedDoc {
  const doc = makeDoc(text);
  doc.meta.kind = kind;
  return doc;
}

const texts = (doc: SegmentedDoc, specs: MentionSpec[] = []) => measuresOf(doc, specs).map((m) => m.text);

describe('measures — covering notices and lead-ins', () => {
  it('请结合实际，认真组织实施: the request runs on after a comma', () => {
    const ms = measuresOf(ofKind('经县政府同意，现将《某县城镇化规划》印发给你们，请结合本地实际，认真组织实施。', 'policy'));
    expect(ms.map((m) => [m.cue, m.modality])).toEqual([['请', 'action']]);
  });

  it('为…，结合实际，制定本方案。 and 特编制《…》。 are lead-ins, not measures', () => {
    expect(measuresOf(ofKind('为落实省里的部署，稳步提高城镇化质量，结合本县实际，制定本实施方案。', 'policy'))).toEqual([]);
    expect(measuresOf(ofKind('为推动全县城乡融合发展，特编制《某县城乡融合发展规划》。', 'policy'))).toEqual([]);
  });

  it('a document title line starting with a place is not a task heading', () => {
    const doc = sectioned([
      { heading: '某省加快推进农业转移人口市民化实施方案', level: 1, body: [] },
      { heading: '（一）加快推进农业转移人口市民化', level: 2, body: [] },
    ], 'policy');
    expect(texts(doc, [['某省', 'PLACE', 'place:某省']])).toEqual(['（一）加快推进农业转移人口市民化']);
  });
});

describe('measures — news relay reported words', () => {
  it('a modal after 认为/要求/提到 is reported content', () => {
    for (const s of [
      '某研究院院长王某认为，中小城市要加快完善公共服务。',
      '《通知》提到，今年要加快实施都市圈规划。',
      '会议要求，各地要进一步提高对城镇化工作的认识。',
    ]) expect(measuresOf(ofKind(s, 'newspaper-article')), s).toEqual([]);
  });

  it('a sentence going on from a reported one, and a quotation, are reported too; the writer\'s 因此 is not', () => {
    const doc = ofKind('王某指出，大城市要优化积分落户政策。\n中小城市则要全面放开落户限制。\n“城市需要人才，更需要推动公共服务均等化。”\n统计显示，仍有大量人口尚未落户。\n因此，需要推动各类城市放宽落户限制。', 'newspaper-article');
    expect(texts(doc)).toEqual(['因此，需要推动各类城市放宽落户限制。']);
  });

  it('an op-ed sentence after an unreported one keeps its modal', () => {
    const doc = ofKind('党的报告强调“促进区域协调发展”。\n近年来，城市群发展很快。\n新阶段，要进一步发展壮大城市群。', 'newspaper-article');
    expect(texts(doc)).toEqual(['新阶段，要进一步发展壮大城市群。']);
  });
});

describe('measures — descriptions that look like prescriptions', () => {
  it('a verb-phrase subject with an evaluative predicate (事关, 具有…意义) is no measure', () => {
    expect(measuresOf(ofKind('实施区域协调发展战略，事关现代化建设全局。', 'journal-article'))).toEqual([]);
    expect(measuresOf(ofKind('加快培育中小城市，对扩大内需具有重要的现实意义。', 'policy'))).toEqual([]);
  });

  it('a verb phrase heading a meta noun (…的思考, …的必要步骤之一) is a noun phrase', () => {
    expect(measuresOf(ofKind('全面推进县域城镇化的必要步骤之一。', 'journal-article'))).toEqual([]);
  });

  it('a section on other countries\' practice is no countermeasure section, even when its heading says 路径', () => {
    const doc = sectioned([
      { heading: '一、发达国家城镇化的实施路径', level: 1, body: [] },
      { heading: '（一）注重规划先行', level: 2, body: ['于是某国颁布了城镇规划法，一方面加大对乡村景观的保护力度，另一方面支持建设小城镇。'] },
    ], 'journal-article');
    expect(measuresOf(doc)).toEqual([]);
  });

  it('a case told in a countermeasure section (案例：…形成了…) is a report', () => {
    const doc = sectioned([
      { heading: '二、县域经济发展的路径', level: 1, body: [
        '案例：某县依托当地资源，大力发展竹木加工业，形成了完整的产业链。',
        '培育特色产业：加快发展特色优势产业，提高县域经济竞争力。',
      ] },
    ], 'web-article');
    expect(texts(doc)).toEqual(['培育特色产业：加快发展特色优势产业，提高县域经济竞争力。']);
  });
});

describe('measures — modal reach and plan tasks', () => {
  it('要在…的基础上，开展…: the modal carries over the prepositional clause', () => {
    const ms = measuresOf(ofKind('下一步，要在现有评价的基础上，开展典型城市的实地调研。', 'journal-article'));
    expect(ms.map((m) => m.modality)).toEqual(['should']);
  });

  it('a short first predicate, then an imperative clause (我们要认真学习，全面贯彻落实…)', () => {
    expect(measuresOf(ofKind('对会议精神，我们要认真学习领会，全面贯彻落实。', 'other')).map((m) => m.cue)).toEqual(['要']);
  });

  it('有必要 with a verb such as 评价; 可以考虑 proposes an action without an actor', () => {
    expect(measuresOf(ofKind('因此有必要综合评价小城镇的社会经济效益。', 'journal-article')).map((m) => m.modality)).toEqual(['need']);
    expect(measuresOf(ofKind('今后可以考虑推动城镇化与生态环境耦合研究。', 'journal-article')).map((m) => m.cue)).toEqual(['可以考虑']);
  });

  it('可要做到… (“but to achieve …”) is no modal', () => {
    expect(measuresOf(ofKind('字面上看很简单，可要做到有序推进却非常艰巨。', 'journal-article'))).toEqual([]);
  });

  it('plan tasks carry dates and targets; papers\' verb-initial sentences with figures stay reports', () => {
    const task = '加强地下管网建设，开工建设地下综合管廊100公里以上。';
    const doc = sectioned([{ heading: '（四）推进城乡区域协调发展', level: 2, body: [task, '修订《某省户口登记管理办法》。'] }], 'policy');
    expect(texts(doc)).toEqual(['（四）推进城乡区域协调发展', task, '修订《某省户口登记管理办法》。']);
    expect(measuresOf(ofKind(task, 'journal-article'))).toEqual([]);
  });

  it('说明X在…过程中，应…: the place opening the topic clause is the actor', () => {
    const specs: MentionSpec[] = [['西南地区', 'PLACE', 'place:西南地区']];
    const ms = measuresOf(ofKind('说明西南地区在推进城镇化的过程中，应因地制宜地协调数量与质量的关系。', 'journal-article'), specs);
    expect(ms.map((m) => m.actor)).toEqual(['place:西南地区']);
  });

  it('an enumerated item heading over one prescriptive sentence is a measure; 不能误认为 is no reporting verb', () => {
    const doc = sectioned([
      { heading: '1. 突出产业特色', level: 3, body: ['特色产业是小城镇的核心。', '在规划时，应立足本地资源禀赋。'] },
    ], 'web-article');
    expect(texts(doc)).toEqual(['1. 突出产业特色', '在规划时，应立足本地资源禀赋。']);
    expect(measuresOf(ofKind('国家支持某市建设中心城市，不能误认为该市已成中心城市，而是要努力去建设。', 'journal-article')).map((m) => m.cue)).toEqual(['要']);
  });
});

describe('cue relations — significance and role statements', () => {
  const specs: MentionSpec[] = [
    ['都市圈', 'CONCEPT', 'concept:都市圈'],
    ['共同富裕', 'CONCEPT', 'concept:共同富裕'],
    ['区域协调发展', 'CONCEPT', 'concept:区域协调发展'],
    ['新型城镇化', 'CONCEPT', 'concept:新型城镇化'],
    ['某市', 'PLACE', 'place:某市'],
    ['西南地区', 'PLACE', 'place:西南地区'],
    ['城市群', 'CONCEPT', 'concept:城市群'],
    ['区域协调发展战略', 'POLICY', 'policy:区域协调发展战略'],
  ];
  const pairs = (text: string) => {
    const doc = makeDoc(text);
    return relationPairs(extractCueRelations(doc, mentionsFor(doc, specs)));
  };

  it('推动A发展，对促进B、推进C具有重要意义 → A SUPPORTS B (推进 is no cue)', () => {
    expect(pairs('加快培育都市圈，对加快促进区域协调发展、推进新型城镇化具有重要意义。')).toEqual(['concept:都市圈 SUPPORTS concept:区域协调发展']);
  });

  it('深入实施A，是促进B的重要任务 → A SUPPORTS B', () => {
    expect(pairs('深入推进新型城镇化，是促进共同富裕的重要任务。')).toEqual(['concept:新型城镇化 SUPPORTS concept:共同富裕']);
  });

  it('X作为…，是推动B发展的重要引擎 → X DRIVES B; 推动和实施…战略 implements a policy', () => {
    expect(pairs('某市作为省域中心城市，是推动西南地区发展的重要引擎。')).toEqual(['place:某市 DRIVES place:西南地区']);
    expect(pairs('城市群成为推动和实施区域协调发展战略的重要支撑。')).toEqual([]);
  });
});
