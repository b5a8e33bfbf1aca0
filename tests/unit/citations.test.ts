import { describe, expect, it } from 'vitest';
import { extractCitations, isPolicyTitle, parseReference, splitAuthors, splitMarker } from '../../ingest/extract/citations.js';
import type { Footnote, StructuredDoc } from '../../ingest/types.js';
import { makeDoc } from '../helpers/make-doc.js';

/** Footnote/reference-list lines copied from the corpus (bulletin footnotes use GB/T 7714). */
const BB_FANG = '^②方创琳. 京津冀城市群协同发展的理论基础与规律性分析[J]. 地理科学进展. 2017(1):15-24.';
const BB_GOV = '^①一图看懂中国城市群[EB/OL]. http://www.gov.cn/xinwen/2016-05/12/content_5072822.htm, 2017-10-26.';
const BB_WANG = '^①王克础. 北部湾新型城市群蓄势腾飞 八桂大地迎来发展机遇[N/OL]. 广西新闻网-广西日报. 2017-04-20. <http://www.gxnews.com.cn/staticpages/20170420/newgx58f7ea34-16116872.shtml>.';
const BB_LUZHOU = '^①泸州 全力建设成渝城市群南部区域中心城市[N/OL]. 四川日报. 2017-01-16(010).';
const BB_HAN = '^②韩哲,赵毅波. 他国的“京津冀”是如何一体化的[IN/OL].北京商报网-北京商报.2014-03-26.';
const BB_LIU = '^①刘怀丕. 郑州：建设“中心”的底气从哪里来[J/OL]. 瞭望东方周刊. 2017-03-09. http://www.lwdf.cn/article_3053_2.html.';
const BB_WU = '^①吴学安.打造城市群需摒弃“高大全”思维[N/OL].证券时报网-证券时报.2017-11-16.';
const BB_LI = '^①李俊玮. 城市群发展的国际经验[J]. 中国集体经济. 2015 (22): 162-163.';
const YT_LI = '① 李克强：《 协调推进城镇化是实现现代化的重大战略选择》 ，《 行政管理改革》 ，2012 年第 12 期。 '.trim();
const YT_LU = '② 陆立军：《我国小城市建设的战略意义和对策建议》 ，《 甘肃社会科学》 ，2012 第 9 期。 '.trim();
const YT_WEB = '① 部分数据来源浙江省发改委网站：《 2013 年小城市试点镇有效投资总量大、增速快、质量好》 ，2014 年 3 月 18 日，'.trim();

describe('parseReference — GB/T 7714 from the corpus', () => {
  it('[J] with venue after a period', () => {
    expect(parseReference(BB_FANG)).toEqual({
      marker: '②',
      authors: ['方创琳'],
      title: '京津冀城市群协同发展的理论基础与规律性分析',
      venue: '地理科学进展',
      year: 2017,
      kind: 'J',
      raw: BB_FANG.trim(),
    });
    const li = parseReference(BB_LI);
    expect([li.venue, li.year, li.kind]).toEqual(['中国集体经济', 2015, 'J']);
  });

  it('[EB/OL] without author or date: no year (not from the URL path, not the access date)', () => {
    const r = parseReference(BB_GOV);
    expect(r.marker).toBe('①');
    expect(r.authors).toEqual([]);
    expect(r.title).toBe('一图看懂中国城市群');
    expect(r.kind).toBe('EB/OL');
    expect(r.year).toBeNull();
    expect(r.venue).toBeNull();
  });

  it('[N/OL]: title with an inner space, venue, year', () => {
    const r = parseReference(BB_WANG);
    expect(r.authors).toEqual(['王克础']);
    expect(r.title).toBe('北部湾新型城市群蓄势腾飞 八桂大地迎来发展机遇');
    expect(r.venue).toBe('广西新闻网-广西日报');
    expect([r.year, r.kind]).toEqual([2017, 'N/OL']);
  });

  it('[N/OL] with no author at all', () => {
    const r = parseReference(BB_LUZHOU);
    expect(r.authors).toEqual([]);
    expect(r.title).toBe('泸州 全力建设成渝城市群南部区域中心城市');
    expect([r.venue, r.year]).toEqual(['四川日报', 2017]);
  });

  it('two authors split on a half-width comma; OCR tag [IN/OL] read as N/OL', () => {
    const r = parseReference(BB_HAN);
    expect(r.authors).toEqual(['韩哲', '赵毅波']);
    expect(r.kind).toBe('N/OL');
    expect(r.year).toBe(2014);
  });

  it('[J/OL] keeps its printed type; no spaces after periods', () => {
    expect(parseReference(BB_LIU).kind).toBe('J/OL');
    const wu = parseReference(BB_WU);
    expect([wu.authors, wu.title, wu.venue, wu.year]).toEqual([['吴学安'], '打造城市群需摒弃“高大全”思维', '证券时报网-证券时报', 2017]);
  });
});

describe('parseReference — GB/T 7714 lines of each kind', () => {
  it('[J] numbered, three authors, comma venue, volume(issue)', () => {
    const r = parseReference('[1] 李小建, 罗庆, 樊新生. 农区专业村的形成与演化机理研究[J]. 地理研究, 2009, 28(3): 759-766.');
    expect(r).toMatchObject({ marker: '[1]', authors: ['李小建', '罗庆', '樊新生'], title: '农区专业村的形成与演化机理研究', venue: '地理研究', year: 2009, kind: 'J' });
  });

  it('等 and full-width brackets', () => {
    const r = parseReference('［2］方创琳，宋吉涛，张蔷，等．中国城市群结构体系的组成与空间分异格局［J］．地理学报，2005，60（5）：827-840．');
    expect(r).toMatchObject({ marker: '[2]', authors: ['方创琳', '宋吉涛', '张蔷'], venue: '地理学报', year: 2005, kind: 'J' });
  });

  it('[N] newspaper', () => {
    const r = parseReference('[3] 郭铁成. 城市群协同发展需要制度创新[N]. 经济日报, 2016-02-03(14).');
    expect(r).toMatchObject({ authors: ['郭铁成'], venue: '经济日报', year: 2016, kind: 'N' });
  });

  it('[M] book: venue is the publisher', () => {
    const r = parseReference('[4] 曲峰庚, 董宇鸿. 城镇化健康发展协同创新理论与实践[M]. 北京: 社会科学文献出版社, 2016.');
    expect(r).toMatchObject({ authors: ['曲峰庚', '董宇鸿'], title: '城镇化健康发展协同创新理论与实践', venue: '社会科学文献出版社', year: 2016, kind: 'M' });
  });

  it('[D] thesis: venue is the university', () => {
    const r = parseReference('[5] 王振坡. 城市群协同发展的机制研究[D]. 天津: 天津大学, 2015.');
    expect(r).toMatchObject({ venue: '天津大学', year: 2015, kind: 'D' });
  });

  it('[EB/OL] policy keeps its printed type; year from the publication date, not the access date', () => {
    const r = parseReference(
      '[6] 国务院. 国务院关于深入推进新型城镇化建设的若干意见[EB/OL]. (2016-02-06)[2017-10-26]. http://www.gov.cn/zhengce/content/2016-02/06/content_5039947.htm.',
    );
    expect(r).toMatchObject({ authors: ['国务院'], title: '国务院关于深入推进新型城镇化建设的若干意见', year: 2016, kind: 'EB/OL' });
  });

  it('English authors and et al.', () => {
    const r = parseReference('[7] FRIEDMANN J, WOLFF G, et al. World city formation: an agenda for research and action[J]. International Journal of Urban and Regional Research, 1982, 6(3): 309-344.');
    expect(r.authors).toEqual(['FRIEDMANN J', 'WOLFF G']);
    expect(r.title).toBe('World city formation: an agenda for research and action');
    expect([r.venue, r.year]).toEqual(['International Journal of Urban and Regional Research', 1982]);
  });
});

describe('parseReference — footnote style', () => {
  it('作者：《题名》，《刊名》，2012 年第 12 期 (corpus)', () => {
    expect(parseReference(YT_LI)).toMatchObject({
      marker: '①',
      authors: ['李克强'],
      title: '协调推进城镇化是实现现代化的重大战略选择',
      venue: '行政管理改革',
      year: 2012,
      kind: 'J',
    });
    expect(parseReference(YT_LU)).toMatchObject({ authors: ['陆立军'], venue: '甘肃社会科学', year: 2012, kind: 'J' });
  });

  it('website source: no author, year of the page date, not of the title', () => {
    expect(parseReference(YT_WEB)).toMatchObject({ authors: [], venue: '浙江省发改委网站', year: 2014, kind: 'EB/OL' });
  });

  it('book with 年版 and 主编', () => {
    expect(parseReference('李小建主编：《农户地理论》，科学出版社，2009 年版，第 35 页。')).toMatchObject({
      authors: ['李小建'],
      title: '农户地理论',
      venue: '科学出版社',
      year: 2009,
      kind: 'M',
    });
    expect(parseReference('曲峰庚、董宇鸿：《城镇化健康发展协同创新理论与实践》，社会科学文献出版社，2016 年版。').authors).toEqual(['曲峰庚', '董宇鸿']);
  });

  it('a bare newspaper issue', () => {
    expect(parseReference('《人民日报》2016年2月3日')).toMatchObject({ title: '人民日报', venue: '人民日报', year: 2016, kind: 'N' });
  });

  it('a policy document', () => {
    expect(parseReference('参见《国务院关于深入推进新型城镇化建设的若干意见》（国发〔2016〕8号）。')).toMatchObject({ kind: 'policy', year: 2016, authors: [] });
    expect(isPolicyTitle('国家新型城镇化规划（2014—2020年）')).toBe(true);
    expect(isPolicyTitle('城市群发展的国际经验')).toBe(false);
    expect(isPolicyTitle('城镇化研究方法')).toBe(false);
  });

  it('helpers: markers and author lists', () => {
    expect(splitMarker('^{③}x').marker).toBe('③');
    expect(splitMarker('12. 题名').marker).toBe('[12]');
    expect(splitMarker('2017年').marker).toBeNull();
    expect(splitAuthors('曲峰庚 董宇鸿著')).toEqual(['曲峰庚', '董宇鸿']);
    expect(splitAuthors('韦 江')).toEqual(['韦江']);
    expect(splitAuthors('[美]刘易斯著')).toEqual(['刘易斯']);
  });
});

/** Builds a doc and registers `notes` (substrings of text) as footnotes / reference lines. */
function withNotes(text: string, notes: { marker: string; text: string }[], as: 'footnotes' | 'references'): StructuredDoc {
  const doc = makeDoc(text);
  let from = 0;
  for (const n of notes) {
    const start = text.indexOf(n.text, from);
    if (start < 0) throw new Error(`not in text: ${n.text}`);
    from = start + n.text.length;
    const end = start + n.text.length;
    if (as === 'footnotes') doc.footnotes.push({ marker: n.marker, text: n.text, start, end } satisfies Footnote);
    else doc.referenceLines.push({ text: n.text, start, end });
  }
  return doc;
}

describe('extractCitations', () => {
  it('bulletin: ^{①②} in a heading cites both footnotes that follow; offsets are the notes', () => {
    const text = ['啥是“城市群”？^{①②}', '城市群是指以 1 个超大城市或特大城市为核心，由至少 3 个以上大城市为基本单元，依托发达的基础设施网络，形成经济联系紧密、空间组织紧凑、并最终实现同城化和高度一体化的城市群体。', BB_GOV, BB_FANG].join('\n');
    const doc = withNotes(text, [{ marker: '①', text: BB_GOV }, { marker: '②', text: BB_FANG }], 'footnotes');
    const cs = extractCitations(doc);
    expect(cs.map((c) => c.marker)).toEqual(['①', '②']);
    for (const c of cs) {
      expect(text.slice(c.start, c.end)).toBe(c.raw);
      expect(c.citedFrom).toEqual([0]);
    }
    // the note bodies themselves (which start with ^① / ^②) cite nothing
    expect(cs.flatMap((c) => c.citedFrom)).toEqual([0, 0]);
  });

  it('circled markers restart per page: each ① maps to the next footnote ①', () => {
    const s1 = '很多镇甚至不足 5000 人';
    const s2 = '上市企业由 2010 年的 18 家增加到 23 家';
    const n1 = YT_LI;
    const n2 = '① 部分数据来源浙江省发改委网站：《 2013 年我省小城市培育试点“五手”齐抓取得“五快”成效》 ，http : / / www zjdpc '.trim();
    const text = [`${s1}①。`, n1, `${s2}①。`, n2].join('\n');
    const doc = withNotes(text, [{ marker: '①', text: n1 }, { marker: '①', text: n2 }], 'footnotes');
    const cs = extractCitations(doc);
    expect(cs).toHaveLength(2);
    expect(cs[0].citedFrom).toEqual([0]);
    expect(cs[1].citedFrom).toEqual([2]);
  });

  it('a marker alone on its line (PDF) cites for the sentence before it', () => {
    const text = ['当前，我国小城镇呈现出数量多、规模小、人气弱等特征，据统计，我国现有 1 . 9 万多个建制镇，平均人口约 7000 人，' + '很多镇甚至不足 5000 人', '①', ' 。', YT_LI].join('\n');
    const doc = withNotes(text, [{ marker: '①', text: YT_LI }], 'footnotes');
    const [c] = extractCitations(doc);
    const first = doc.sentences.find((s) => s.text.includes('很多镇甚至不足'))!;
    expect(c.citedFrom).toEqual([first.ordinal]);
  });

  it('numbered reference list: [1], ［2］, [1,3], [2-3] and author–year', () => {
    const refs = [
      '[1] 李小建, 罗庆, 樊新生. 农区专业村的形成与演化机理研究[J]. 地理研究, 2009, 28(3): 759-766.',
      '[2] 方创琳. 京津冀城市群协同发展的理论基础与规律性分析[J]. 地理科学进展, 2017(1): 15-24.',
      '[3] 郭铁成. 城市群协同发展需要制度创新[N]. 经济日报, 2016-02-03(14).',
    ];
    const text = [
      '专业村是农区发展的重要形式[1]。',
      '城市群协同发展有其规律性［2］。',
      '已有研究讨论了制度创新[1,3]。',
      '相关讨论见[2-3]。',
      '李小建（2009）认为专业村带动农区发展。',
      '城市群协同发展的理论基础已有系统论述（方创琳，2017）。',
      '参考文献',
      ...refs,
    ].join('\n');
    const doc = withNotes(text, refs.map((r) => ({ marker: '', text: r })), 'references');
    const cs = extractCitations(doc);
    expect(cs.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]']);
    expect(cs[0].citedFrom).toEqual([0, 2, 4]);
    expect(cs[1].citedFrom).toEqual([1, 3, 5]);
    expect(cs[2].citedFrom).toEqual([2, 3]);
  });

  it('footnotes that are not citations are skipped', () => {
    const note = '① 本文为国家社会科学基金项目“小城市培育研究”的阶段性成果。';
    const doc = withNotes(`正文①。\n${note}`, [{ marker: '①', text: note }], 'footnotes');
    expect(extractCitations(doc)).toEqual([]);
  });
});
