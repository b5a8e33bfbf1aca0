import { describe, expect, it } from 'vitest';
import { extractPeople, isPersonName } from '../../ingest/extract/people.js';
import type { Candidate } from '../../ingest/extract/candidate.js';
import type { Citation, SegmentedDoc } from '../../ingest/types.js';
import { makeDoc } from '../helpers/make-doc.js';

function people(text: string, citations: Citation[] = []): { doc: SegmentedDoc; cands: Candidate[] } {
  const doc = makeDoc(text);
  const cands = extractPeople(doc, citations);
  for (const c of cands) {
    // offsets invariants
    expect(doc.text.slice(c.start, c.end)).toBe(c.surface);
    const s = doc.sentences[c.sentence];
    expect(s.start <= c.start && c.end <= s.end).toBe(true);
    expect(c.type).toBe('PERSON');
  }
  return { doc, cands };
}

const names = (cs: Candidate[]) => cs.map((c) => c.name);

function citation(authors: string[], start: number, end: number): Citation {
  return { marker: null, authors, title: 't', venue: null, year: 2017, kind: 'J', raw: 'r', start, end, citedFrom: [] };
}

describe('isPersonName', () => {
  it('surname + 1–2 characters, compound surnames', () => {
    for (const n of ['刘勇', '刘建兴', '欧阳修文', '司马光']) expect(isPersonName(n), n).toBe(true);
    for (const n of ['张力', '高度', '周边', '王国', '许多', '城市', '刘', '刘建兴国家', '李在']) expect(isPersonName(n), n).toBe(false);
  });
});

describe('extractPeople — bylines', () => {
  it('book title page: 总编◎…, …◎著, 著 者 / …, CIP …/…著。', () => {
    const text = [
      '工业化、城镇化和农业现代化协调发展研究丛书',
      '',
      '总编◎李小建 仇建涛',
      '',
      '城镇化健康发展 协同创新理论与实践',
      '',
      '曲峰庚 董宇鸿◎著',
      '城镇化健康发展协同创新理论与实践/曲峰庚，董宇鸿著。',
      '著 者 / 曲峰庚 董宇鸿',
      '责任编辑 / 陈凤玲 楚洋洋',
    ].join('\n');
    const { cands } = people(text);
    expect(names(cands)).toEqual(['李小建', '仇建涛', '曲峰庚', '董宇鸿', '曲峰庚', '董宇鸿', '曲峰庚', '董宇鸿', '陈凤玲', '楚洋洋']);
    expect(cands.every((c) => c.priority === 3)).toBe(true);
  });

  it('web article: 作者:徐晓明(…研究员) and [ 责编:徐倩阳 ]', () => {
    const { cands } = people(['  作者:徐晓明(中央党校(国家行政学院)习近平新时代中国特色社会主义思想研究中心研究员)', '[ 责编:徐倩阳 ]'].join('\n'));
    expect(names(cands)).toEqual(['徐晓明', '徐倩阳']);
  });

  it('journal page: 通讯作者: 常吉然', () => {
    expect(names(people('  • 通讯作者: 常吉然').cands)).toEqual(['常吉然']);
  });

  it('names under a title, footnote digit stripped: 俞云峰 唐勇1', () => {
    const text = [' 浙江省的小城市培育： ', '', '新型城镇化战略的路径创新 ', '', '俞云峰 唐勇1 '].join('\n');
    const { cands } = people(text);
    expect(names(cands)).toEqual(['俞云峰', '唐勇']);
    expect(cands[1].surface).toBe('唐勇');
  });

  it('spaced two-character names keep their surface (主 编：韦 江); an invalid surname is skipped', () => {
    const text = ['主 编：韦 江', '副 主 编：黄 艳', '编 委：洗育华 马小红'].join('\n');
    const { cands } = people(text);
    expect(names(cands)).toEqual(['韦江', '黄艳', '马小红']);
    expect(cands[0].surface).toBe('韦 江');
  });
});

describe('extractPeople — title words in sentences', () => {
  it('<title><name> followed by 指出/认为/建议', () => {
    const text = ['国务院发展研究中心发展战略和区域经济研究部研究员刘建兴指出，北部湾经济区总体经济实力还不强，工业化、城镇化水平较低，高新技术产业薄弱，缺乏大型骨干企业和中心城市带动，创新软环境也有待改善，对高端创新要素吸引力不够。', '为此，国务院发展研究中心发展战略和区域经济研究部研究员刘勇认为，北部湾城市群完全可以承担起建立区域协同发展机制先行先试的重任，为我国增长潜力较大的地区的快速发展，避免“中等收入'].join('\n');
    expect(names(people(text).cands)).toEqual(['刘建兴', '刘勇']);
    expect(names(people('”国家发展和改革委员会宏观经济研究院研究员、国家发展和改革委员会国土开发与地区经济研究所原所长肖金成建议，城市间应加强合作形成合理分工，将垂直分工逐步转化为水平分工，变单个城市的竞争力为整体竞争力。').cands)).toEqual(['肖金成']);
  });

  it('<name><title>', () => {
    expect(names(people('据河南大学李小建教授介绍，中原经济区“三化”协调发展研究已取得阶段性成果。').cands)).toEqual(['李小建']);
    expect(names(people('习近平总书记进一步推进马克思主义基本原理同中国具体实际、同中华优秀传统文化相结合,创造性回答了关系党和国家事业发展的重大问题,形成一系列原创性理论成果。').cands)).toEqual(['习近平']);
  });

  it('no names out of context: 许多学者, 本书作者, 相关负责人, 高度/周边', () => {
    for (const t of [
      '任职期间列席过郑州市市长办公会，参与决策了郑州城市发展相关问题。',
      '小城镇的小而散状态成为许多学者反对发展小城镇的依据，按照城市集聚理论，城镇的人口数量需',
      '本书作者历经二十多年的城镇化理论学习与实践研究，深知城镇化发展的复杂性。',
      '泸州市经信委相关负责人说，“我们将大数据产业的范围进行了进一步拓展，扩大到包含大数据在内的电子信息产业。',
      '城市群是指以 1 个超大城市或特大城市为核心，由至少 3 个以上大城市为基本单元，依托发达的基础设施网络，形成经济联系紧密、空间组织紧凑、并最终实现同城化和高度一体化的城市群体。',
      '应把乡村振兴与城市群建设联系起来,充分考虑中心城市与周边城市及农村的发展定位,构建合作共赢的城市群。',
      '北部湾新型城市群发展概况 | 3 |',
    ]) {
      expect(people(t).cands, t).toEqual([]);
    }
  });
});

describe('extractPeople — citation authors', () => {
  it('authors found in running text become candidates; authors only in the note do not', () => {
    const note = '^②方创琳. 京津冀城市群协同发展的理论基础与规律性分析[J]. 地理科学进展. 2017(1):15-24.';
    const text = `方创琳（2017）认为，京津冀城市群协同发展具有内在规律。\n北部湾城市群的协同发展研究。\n${note}`;
    const at = text.indexOf(note);
    const { cands } = people(text, [citation(['方创琳'], at, at + note.length), citation(['张晓沛', '国务院'], at, at + note.length)]);
    expect(names(cands)).toEqual(['方创琳']);
    expect(cands[0]).toMatchObject({ start: 0, end: 3, sentence: 0, priority: 2 });
  });
});

describe('extractPeople — people named in running text by what they did', () => {
  const names = (text: string) => people(text).cands.map((c) => c.name);

  it('transliterated foreign names before 等人/提出/发表/曾经预言', () => {
    expect(names('这方面的开创性工作主要是由贝尔曼提出的动态规划和庞特里亚金等人提出最大值原理。')).toEqual(['贝尔曼', '庞特里亚金']);
    expect(names('这方面的先期工作应该追溯到维纳等人奠基的控制论。')).toEqual(['维纳']);
    expect(names('1948年维纳发表了题为《控制论》的论文。')).toEqual(['维纳']);
    expect(names('美国诺贝尔经济学奖得主斯蒂格利茨曾经预言：影响当今世界的两件大事一是中国的城镇化。')).toEqual(['斯蒂格利茨']);
  });

  it('a Chinese name before a dated work (钱学森1954年所著)', () => {
    expect(names('钱学森1954年所著的《工程控制论》直接促进了最优控制理论的发展。')).toEqual(['钱学森']);
  });

  it('foreign places and ordinary words are not people', () => {
    expect(names('巴西提出了新的城市化方案。')).toEqual([]);
    expect(names('意大利等国提出了类似的做法。')).toEqual([]);
    expect(names('城镇化提出了新的要求，政府等人员发表意见。')).toEqual([]);
  });
});

describe('extractPeople — speakers and later mentions', () => {
  const names = (text: string) => people(text).cands.map((c) => c.surface);

  it('a name found once with a title is found again without it', () => {
    expect(names('研究院院长周立群向记者介绍。在周立群看来，关键在县城。周立群说。')).toEqual(['周立群', '周立群', '周立群']);
  });

  it('a three-character name opening a clause before a verb of saying', () => {
    expect(names('对此，陈志明表示，县城要补短板。')).toEqual(['陈志明']);
    // a surname with a title, or a word that is no name, is not a speaker
    expect(names('对此，王教授认为，县城要补短板。')).toEqual([]);
    expect(names('该报告认为，县城要补短板。')).toEqual([]);
  });
});
