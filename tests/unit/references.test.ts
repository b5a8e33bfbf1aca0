import { describe, expect, it } from 'vitest';
import { loadText } from '../../ingest/load/index.js';
import { normalize } from '../../ingest/normalize/index.js';
import { structure } from '../../ingest/structure/index.js';
import { authorSeparator, authorYearCites, extractCitations, markersIn, parseReference, splitAuthors, stripTranslation } from '../../ingest/extract/citations.js';
import { linkNotes } from '../../ingest/extract/notes.js';
import { testMeta } from '../helpers/make-doc.js';

/**
 * Reference lists of journal papers as OCR and PDF→Markdown converters deliver them: mixed or
 * wrong brackets ([1］, [2」), a bracketed English translation after every Chinese entry (on
 * the same line or on lines of its own), O for 0 in years. Examples written for these tests.
 */

const meta = testMeta({ id: 't', title: 't', kind: 'journal-article' });
const run = (text: string) => {
  const d = structure(normalize(loadText({ text, origin: 'test', meta })));
  return { d, cs: extractCitations(d), notes: linkNotes(d) };
};

describe('parseReference — OCR variants of GB/T 7714 entries', () => {
  it('mixed and wrong closing brackets give the ASCII marker', () => {
    expect(parseReference('[3］王小明,李华.绿洲城镇组群研究[J].地理科学,2015,35(4):401-408.').marker).toBe('[3]');
    expect(parseReference('[4」赵强.城市经济学[M].北京：商务印书馆,2008.').marker).toBe('[4]');
    expect(parseReference('【5】赵强.城市经济学［M」.北京：商务印书馆,2008.')).toMatchObject({ marker: '[5]', kind: 'M', venue: '商务印书馆' });
  });

  it('the bracketed English translation is ignored', () => {
    const r = parseReference('[3］王小明,李华,等.绿洲城镇组群空间联系研究[J].地理科学,2015,35（4）:401-408.[WANG Xiaoming,LI Hua,et al.Spatial linkage of oasis towns[J].Scientia Geographica Sinica,2015,35(4):401-408.]');
    expect(r).toMatchObject({ authors: ['王小明', '李华'], title: '绿洲城镇组群空间联系研究', venue: '地理科学', year: 2015, kind: 'J' });
    // even when the Chinese part lost its type code, the translation's [J] is not read
    const lost = parseReference('[8]孙某.新型城镇化研究.城市问题,2014,(3):10-15.[SUN Mou.Research on new urbanization[J].Urban Problems,2014,(3):10-15.]');
    expect(lost).toMatchObject({ authors: ['孙某'], title: '新型城镇化研究', venue: '城市问题', year: 2014 });
    expect(stripTranslation('[10]FANG C L. Oasis cities[J]. Arid Land, 2016.')).toBe('[10]FANG C L. Oasis cities[J]. Arid Land, 2016.');
  });

  it('O read for 0 in the year; a title starting with digits after the author block', () => {
    expect(parseReference('[14]王某,李某.城镇化与生态环境耦合研究[J].干旱区地理，2O17,40（2）:1-9.').year).toBe(2017);
    expect(parseReference('[5]周某,钱某.2020中国县域发展报告［R］.北京：社会科学文献出版社,2021.')).toMatchObject({
      authors: ['周某', '钱某'], title: '2020中国县域发展报告', venue: '社会科学文献出版社', year: 2021, kind: 'R',
    });
  });

  it('a language tag after an English title is dropped', () => {
    expect(parseReference('[13]LI M, WANG Q. Oasis towns and water（English）［J].Arid Land Research,2016,30(2):1-9.').title).toBe('Oasis towns and water');
  });

  it('Western initials with dots stay in the author block', () => {
    expect(parseReference('[6]SMITH J. A., JONES B. A study of oasis cities[J]. Urban Studies, 2010, 47(3): 1-20.')).toMatchObject({
      authors: ['SMITH J. A', 'JONES B'], title: 'A study of oasis cities', venue: 'Urban Studies', year: 2010,
    });
    expect(splitAuthors('Smith, J. A., Jones, B.')).toEqual(['Smith, J. A', 'Jones, B']);
    expect(authorSeparator('M.波特.竞争优势')).toBe(4);
  });

  it('online variants keep their code; a year inside a proceedings title is not the year field', () => {
    expect(parseReference('[12]某某.城市群发展的国际经验[J/OL].城市规划,2019.').kind).toBe('J/OL');
    const c = parseReference('[9]李某.城市规划六十年[C]//中国城市规划学会.规划六十年——2056城市规划年会论文集.北京：中国建筑工业出版社,2016:1-10.');
    expect(c).toMatchObject({ kind: 'C', year: 2016, venue: '规划六十年——2056城市规划年会论文集' });
  });
});

describe('reference list of a converted journal paper (normalize → structure → citations)', () => {
  const paper = [
    '# 绿洲城镇组群的空间联系研究',
    '',
    '王小明1,2，李华1(1某某大学地理学院,某市100000；2某某研究所,某市100000）',
    '',
    '绿洲城镇组群是干旱区城镇化的主要空间形式[1]，其空间联系受水资源约束[2-3]。',
    '',
    '已有研究多关注单个城市［4］，较少讨论组群内部的分工（Smith et al., 2010）。',
    '',
    '# 参考文献(References)',
    '',
    '[1］王小明,李华,等.绿洲城镇组群空间联系研究[J].地理科学,2015,35（4）:401-408.[WANG Xiaoming,LI Hua,et al.Spatial linkage of oasis towns[J].Scientia Geographica Sinica,2015,35(4):401-408.]',
    '[2]赵强.城市经济学[M].北京：商务印书馆,2008：55.［ZHAO Qiang.Urban economics[M].Beijing：The Commercial Press,2008:55.]',
    '[3］孙某.干旱区水资源与城镇化的协调 [J].干旱区地理,2O17,40（2）：1-9.',
    '',
    '[SUN Mou.Coordination between water resources and urbanization in arid areas: a long translated title that runs over the width of one line[J].Arid Land Geography,2017,40(2):1-9.]',
    '',
    '[4」刘某.喀什地区水资源研究[D].乌鲁木齐:新疆大学,2016.',
    '[5」SMITH J, JONES B. Oasis cities in Central Asia[J]. Urban Studies, 2010, 47(3): 1-20.',
  ].join('\n');

  it('reads every entry whatever its brackets, with translations on the same or their own line', () => {
    const { d, cs } = run(paper);
    expect(cs.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    expect(cs.map((c) => c.title)).toEqual(['绿洲城镇组群空间联系研究', '城市经济学', '干旱区水资源与城镇化的协调', '喀什地区水资源研究', 'Oasis cities in Central Asia']);
    expect(cs.map((c) => c.year)).toEqual([2015, 2008, 2017, 2016, 2010]);
    expect(cs.map((c) => c.venue)).toEqual(['地理科学', '商务印书馆', '干旱区地理', '新疆大学', 'Urban Studies']);
    // no entry or translation becomes a sentence
    expect(d.sentences.some((s) => /\[J\]|\[M\]|\[D\]|SUN Mou|Urban Studies/.test(s.text))).toBe(false);
  });

  it('links [n], [n-m], ［n］ and author–year to their works, not the byline digits', () => {
    const { d, cs } = run(paper);
    const at = (needle: string) => d.sentences.find((s) => s.text.includes(needle))!.ordinal;
    const cited = Object.fromEntries(cs.map((c) => [c.marker, c.citedFrom]));
    expect(cited['[1]']).toEqual([at('主要空间形式')]);
    expect(cited['[2]']).toEqual([at('主要空间形式')]);
    expect(cited['[3]']).toEqual([at('主要空间形式')]);
    expect(cited['[4]']).toEqual([at('单个城市')]);
    expect(cited['[5]']).toEqual([at('单个城市')]);
  });

  it('without a heading the same run is still the reference list (long translation lines included)', () => {
    const { d, cs } = run(paper.replace('# 参考文献(References)\n', ''));
    expect(cs.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    expect(d.sentences.some((s) => /\[J\]|SUN Mou/.test(s.text))).toBe(false);
  });
});

describe('reference list interrupted or unheaded', () => {
  const body = '# 某刊论文\n\n摘要：绿洲城镇是干旱区人类活动的中心。\n\n城镇扩张对水资源产生胁迫[1]，需要加强研究[3]。';
  it('a running page header (the journal name) inside the list does not end it', () => {
    const { d, cs } = run([
      body, '', '# 参考文献(References)', '',
      '[1]张甲,李乙.干旱区绿洲城镇化研究[J].地理学报,2013,28(1):46-53.[Zhang Jia,Li Yi.Oasis urbanization[J].Acta Geographica Sinica,2013,28(1):46-53.]',
      '[2]郑丙.绿洲城镇生态环境研究[J].经济地理,2014,34(12):55-61.[Zheng Bing.Eco-environment of oasis towns[J].Econom',
      '', '# 某刊', '',
      'ic Geography,2014,34(12): 55-61.] [3]冯丁.新疆城镇化道路[J].新疆财经,1995,7(4):25-26.[Feng Ding.Urbanization path[J].Finance & Economics in Xinjiang,1995,7(4):25-26.]',
      '', '[4]陈戊,卫己.城镇体系研究[J].城市规划汇刊,1996(1):49-52.[Chen',
      '', '# 某刊', '',
      'Wu,Wei Ji.Town systems[J].Urban Planning Forum,1996(1):49-52.]',
      '[5]褚庚.西北城镇化[J].干旱区地理,2002,25(2):189-192.',
    ].join('\n'));
    // the translation's second line ("Wu,Wei Ji.…") does not start an entry of its own
    expect(cs.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    expect(cs.map((c) => c.venue)).toEqual(['地理学报', '经济地理', '新疆财经', '城市规划汇刊', '干旱区地理']);
    expect(d.sentences.some((s) => /\[J\]|某刊$/.test(s.text))).toBe(false);
    expect(cs[2].citedFrom).toEqual([d.sentences.find((s) => s.text.includes('胁迫'))!.ordinal]);
  });

  it('an author–year list without a heading: entries kept apart, linked from （作者，年）', () => {
    const { d, cs } = run([
      '城市群是城镇化的主体形态（张甲，2014）。乙丙和丁戊（2015）讨论了研究方法。', '',
      '张甲. 2014. 中国城市群研究的进展[J]. 地理学报, 69(8): 1130-1144.',
      '乙丙, 丁戊. 2015. 城市地理学[M]. 北京: 科学出版社.',
      'FANG C L, YU D L. 2017. Urban agglomeration[J]. Landscape and Urban Planning, 162: 126-136.',
    ].join('\n'));
    expect(cs.map((c) => [c.authors[0], c.title, c.venue, c.year, c.kind])).toEqual([
      ['张甲', '中国城市群研究的进展', '地理学报', 2014, 'J'],
      ['乙丙', '城市地理学', '科学出版社', 2015, 'M'],
      ['FANG C L', 'Urban agglomeration', 'Landscape and Urban Planning', 2017, 'J'],
    ]);
    expect(d.sentences.map((s) => s.text)).toEqual(['城市群是城镇化的主体形态（张甲，2014）。', '乙丙和丁戊（2015）讨论了研究方法。']);
    expect(cs[0].citedFrom).toEqual([0]);
    expect(cs[1].citedFrom).toEqual([1]);
  });
});

describe('markersIn', () => {
  it('OCR brackets and lists; affiliation digits of a byline are not flattened superscripts', () => {
    expect(markersIn('见[2］与[3、5]及［6-7」、[8一9]。', new Set()).map((m) => m.marker)).toEqual(['[2]', '[3]', '[5]', '[6]', '[7]', '[8]', '[9]']);
    expect(markersIn('张某1,2，李某2', new Set([1, 2]))).toEqual([]);
    expect(markersIn('增长极理论解释了集聚的作用1。', new Set([1])).map((m) => m.marker)).toEqual(['[1]']);
  });
});

describe('authorYearCites', () => {
  it('reads several works in one parenthesis and the narrative forms', () => {
    expect(authorYearCites('已有研究（王小明，2015；Smith et al., 2010）表明，方创琳等（2016）与Fang et al. (2016)指出。')).toEqual([
      { name: '王小明', year: 2015, narrative: false },
      { name: 'Smith', year: 2010, narrative: false },
      { name: '方创琳', year: 2016, narrative: true },
      { name: 'Fang', year: 2016, narrative: true },
    ]);
  });
});
