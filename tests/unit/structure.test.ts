import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadFile, loadText } from '../../ingest/load/index.js';
import { normalize } from '../../ingest/normalize/index.js';
import { splitSentences, structure } from '../../ingest/structure/index.js';
import type { CleanDoc, StructuredDoc } from '../../ingest/types.js';
import { FILES as corpusFiles, corpusPath } from '../helpers/corpus.js';
import { testMeta } from '../helpers/make-doc.js';

const meta = testMeta({ id: 't', title: 't' });

const cache = new Map<string, StructuredDoc>();
function corpus(name: string): StructuredDoc {
  const file = corpusFiles.find((f) => f.includes(name))!;
  if (!cache.has(file)) cache.set(file, structure(normalize(loadFile(corpusPath(file)))));
  return cache.get(file)!;
}
function fromText(text: string): StructuredDoc {
  const doc: CleanDoc = { meta, origin: 'test', sha256: '', text, warnings: [] };
  return structure(doc);
}
const texts = (d: StructuredDoc) => d.sentences.map((s) => s.text);
/** splitSentences as strings. */
const split = (line: string) => splitSentences(line).map((s) => line.slice(s.start, s.end));

describe('offsets (every sentence of every corpus file)', () => {
  it.each(corpusFiles)('%s: spans are exact, ordered, inside their section', (f) => {
    const d = corpus(f);
    expect(d.sentences.length).toBeGreaterThan(10);
    let prevEnd = 0;
    d.sentences.forEach((s, i) => {
      expect(s.ordinal).toBe(i);
      expect(d.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
      expect(s.start).toBeGreaterThanOrEqual(prevEnd);
      prevEnd = s.end;
      const sec = d.sections[s.section];
      expect(sec.ordinal).toBe(s.section);
      expect(s.start).toBeGreaterThanOrEqual(sec.start);
      expect(s.end).toBeLessThanOrEqual(sec.end);
      if (i) expect(s.paragraph - d.sentences[i - 1].paragraph).toBeGreaterThanOrEqual(0);
    });
    for (const n of d.footnotes) expect(d.text.slice(n.start, n.end)).toBe(n.text);
    for (const r of d.referenceLines) expect(d.text.slice(r.start, r.end)).toBe(r.text);
    d.sections.forEach((s, i) => {
      expect(s.ordinal).toBe(i);
      if (i) expect(s.start).toBeGreaterThanOrEqual(d.sections[i - 1].end);
    });
  });
});

describe('headings and sections', () => {
  it('finds 一、 and （一） headings of the Zhejiang paper with their levels', () => {
    const d = corpus('yu-tang');
    const h = d.sections.map((s) => [s.level, s.heading]);
    expect(h).toContainEqual([2, '一、小城市培育在新型城镇化战略中的重要价值']);
    expect(h).toContainEqual([3, '（一）小城市培育是新型城镇化战略实施的重要突破点']);
    expect(h).toContainEqual([2, '五、进一步加快推进小城市培育的思考']);
    expect(d.sections.filter((s) => s.level === 2)).toHaveLength(5);
    expect(d.sections.filter((s) => s.level === 3)).toHaveLength(21);
    expect(d.sections[0]).toMatchObject({ ordinal: 0, heading: null, level: 0, start: 0 });
    // a heading line is its own sentence, in its own section
    const sent = d.sentences.find((s) => s.text === '（一）小城市培育是新型城镇化战略实施的重要突破点')!;
    expect(d.sections[sent.section].heading).toBe(sent.text);
  });

  it('finds 第一章 (title on the next line), 第一节, 一 and 1. headings of the book', () => {
    const d = corpus('qu-urbanization');
    const h = d.sections.map((s) => [s.level, s.heading]);
    expect(h).toContainEqual([1, '第一章 导论']);
    expect(h).toContainEqual([2, '第一节 写作动因']);
    expect(h).toContainEqual([2, '一 对农村发展的眷恋']);
    expect(h).toContainEqual([3, '（一）2002年提出了关于加快河南省城镇化发展若干问题的建议']);
    expect(h).toContainEqual([4, '1. 走以大中城镇带动小城镇发展的城镇网络群道路']);
    expect(h).toContainEqual([1, '前言']);
  });

  it('skips the table of contents', () => {
    const d = corpus('qu-urbanization');
    expect(texts(d).filter((t) => t.includes('第二章 城镇化协同创新相关理论'))).toEqual([]);
    expect(texts(d).some((t) => /\t/.test(t))).toBe(false);
    const b = corpus('gxlib');
    expect(texts(b).some((t) => t.includes('看看啥是“城市群” | 2'))).toBe(false);
    // data rows of a real table are kept, one sentence per row
    expect(texts(b)).toContain('防城港 | 全国唯一的沿海沿边港口城市 | 建成北部湾现代化主要港口城市；沿海制造业基地；西南沿海重要的新型能源基地；以海洋文化和边境贸易为特色的风景旅游城市');
  });

  it('takes Markdown headings from loaded HTML without the # marks in the sentence', () => {
    const raw = loadFile(join(import.meta.dirname, '../fixtures/html/news-article.html'));
    const d = structure(normalize(raw));
    expect(d.sections.map((s) => [s.level, s.heading])).toEqual([
      [1, '以协同创新引领城市群发展'], [2, '以功能协同促发展'], [2, '以空间协同促集聚'],
    ]);
    expect(texts(d)[0]).toBe('以协同创新引领城市群发展');
    expect(texts(d)).toContain('应把乡村振兴与城市群建设联系起来，充分发挥中心城市的辐射带动作用。');
    expect(texts(d).join('')).not.toContain('责任编辑');
  });
});

describe('footnotes and references', () => {
  it('collects the ①-footnotes of the Zhejiang paper and keeps them out of the sentences', () => {
    const d = corpus('yu-tang');
    expect(d.footnotes.map((n) => n.marker)).toEqual(['①', '②', '①', '②', '③', '④', '⑤', '①', '②']);
    expect(d.footnotes[0].text).toBe('李克强：《协调推进城镇化是实现现代化的重大战略选择》，《行政管理改革》，2012年第12期。');
    expect(d.footnotes[6].text).toMatch(/^部分数据来源浙江省发改委网站：《三年培育有7个试点镇成.*637358 html$/);
    expect(texts(d).filter((t) => t.includes('部分数据来源') || t.includes('李克强'))).toEqual([]);
    // the marker stays in the body sentence it annotates
    expect(texts(d)).toContain('占全省投资比重由2010年的4.65%提高到2013年的6.64%，提高了1.99个百分点①。');
  });

  it('collects the GB/T 7714 notes of the bulletin (^① style, [J], [N/OL], [EB/OL])', () => {
    const d = corpus('gxlib');
    expect(d.footnotes).toHaveLength(16);
    expect(d.footnotes.map((n) => n.text)).toContain('方创琳. 京津冀城市群协同发展的理论基础与规律性分析[J]. 地理科学进展. 2017(1):15-24.');
    const wrapped = d.footnotes.find((n) => n.text.startsWith('韩哲'))!;
    expect(wrapped.text).toMatch(/\[IN\/OL\].*<http:\/\/www\.bbtnews\.com\.cn\/2014\/0326\/52918\.shtml>\.$/);
    expect(texts(d).filter((t) => /\[(J|N\/OL|EB\/OL)\]/.test(t))).toEqual([]);
    // titles carrying note markers are headings
    expect(d.sections.map((s) => s.heading)).toContain('北部湾新型城市群发展概况');
  });

  it('reads a 参考文献 list: one entry per reference, wrapped lines joined, not sentences', () => {
    const text = [
      '城市群是新型城镇化的主体形态。',
      '',
      '参考文献',
      '',
      '[1] 方创琳. 京津冀城市群协同发展的理论基础与规律性分析[J]. 地理科学进展. 2017(1):15-24.',
      '[2] 王克础. 北部湾新型城市群蓄势腾飞 八桂大地迎来发展机遇[N/OL]. 广西新闻网-广西日报. 2017-04-20.',
      '<http://www.gxnews.com.cn/staticpages/20170420/newgx58f7e.shtml>.',
      '［3］冯娟. 基于城市功能分工的北部湾城市群发展[J]. 山东工商学院学报. 2017(2):47-54.',
      '张晓沛. 北部湾城市群的协同发展研究[J]. 港口经济. 2017(7):55-57.',
      '',
      '后记',
      '',
      '本书得到了许多同志的帮助。',
    ].join('\n');
    const d = fromText(text);
    expect(d.referenceLines.map((r) => r.text)).toEqual([
      '[1] 方创琳. 京津冀城市群协同发展的理论基础与规律性分析[J]. 地理科学进展. 2017(1):15-24.',
      '[2] 王克础. 北部湾新型城市群蓄势腾飞 八桂大地迎来发展机遇[N/OL]. 广西新闻网-广西日报. 2017-04-20.\n<http://www.gxnews.com.cn/staticpages/20170420/newgx58f7e.shtml>.',
      '［3］冯娟. 基于城市功能分工的北部湾城市群发展[J]. 山东工商学院学报. 2017(2):47-54.',
      '张晓沛. 北部湾城市群的协同发展研究[J]. 港口经济. 2017(7):55-57.',
    ]);
    expect(texts(d)).toEqual(['城市群是新型城镇化的主体形态。', '参考文献', '后记', '本书得到了许多同志的帮助。']);
    expect(d.sections.map((s) => s.heading)).toEqual([null, '参考文献', '后记']);
  });

  it('reads [1] and 注 notes after the body', () => {
    const d = fromText('县域是城镇化的重要载体[1]。\n\n[1] 常吉然. 县域主导产业带动新型城镇化发展研究[J]. 科学学研究, 2024, 42(6): 1179-1187.\n注：本文数据来源于《中国县域统计年鉴》。');
    expect(d.footnotes.map((n) => n.marker)).toEqual(['[1]', '注']);
    expect(texts(d)).toEqual(['县域是城镇化的重要载体[1]。']);
  });
});

describe('sentence splitting', () => {
  it('splits after 。！？ and keeps closing quotes and markers with their sentence', () => {
    expect(split('城市群是主体形态。它带动增长！为什么？“这是规律。”本书如此认为。')).toEqual([
      '城市群是主体形态。', '它带动增长！', '为什么？', '“这是规律。”本书如此认为。',
    ]);
    expect(split('很多镇甚至不足5000人①。小城镇的小而散状态成为依据。')).toEqual(['很多镇甚至不足5000人①。', '小城镇的小而散状态成为依据。']);
    expect(split('城镇化率达到56%。^①下一句。')).toEqual(['城镇化率达到56%。^①', '下一句。']);
  });

  it('does not split inside a short quotation, does inside a long one', () => {
    const speech = '“泸州港目前近可辐射川滇黔渝区域城市，远可通航欧洲、北美等远洋航线。”泸州港务公司负责人介绍。';
    expect(split(speech)).toEqual([speech]);
    const long = `“${'城市群是新型城镇化的主体形态，'.repeat(4)}要优化布局。要协同发展。”他说。`;
    expect(split(long).map((x) => x.slice(-4))).toEqual(['要优化布局。'.slice(-4), '要协同发展。”'.slice(-4), '他说。']);
    expect(split('国务院印发《关于深入推进新型城镇化建设的若干意见。附件》并要求落实。')).toHaveLength(1);
  });

  it('splits after ； only when the clause is at least 10 characters long', () => {
    expect(split('2013年27个试点镇共实施在建项目4878个、完成投资1341亿元；投资额占全省投资比重达6.64%；其中工业投入达580.6亿元。')).toEqual([
      '2013年27个试点镇共实施在建项目4878个、完成投资1341亿元；', '投资额占全省投资比重达6.64%；', '其中工业投入达580.6亿元。',
    ]);
    expect(split('规划；建设；管理都要加强。')).toEqual(['规划；建设；管理都要加强。']);
  });

  it('splits English after a full stop before a capital, not after abbreviations', () => {
    expect(split('Urbanization is driven by industry. See Vol. 42 of the journal. It matters.')).toEqual([
      'Urbanization is driven by industry.', 'See Vol. 42 of the journal.', 'It matters.',
    ]);
  });

  it('handles an ellipsis and keeps trailing text', () => {
    expect(split('城镇化、工业化、信息化……这些都是现代化的内容。还有未完')).toEqual(['城镇化、工业化、信息化……', '这些都是现代化的内容。', '还有未完']);
  });

  it('numbers paragraphs by blank-line blocks', () => {
    const d = fromText('第一句。第二句。\n\n第三句。\n\n\n第四句。');
    expect(d.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 2]);
    const raw = loadText({ text: '第一段。\n\n第二段。', origin: 'x', meta });
    expect(structure(normalize(raw)).sentences).toHaveLength(2);
  });
});

describe('reference lists end to end (normalize → structure → extractCitations)', async () => {
  const { extractCitations } = await import('../../ingest/extract/citations.js');
  const run = (text: string) => {
    const d = structure(normalize(loadText({ text, origin: 'test', meta })));
    return { d, cs: extractCitations(d) };
  };
  const body = [
    '县域城镇化与产业集聚研究',
    '一、引言',
    '新型城镇化是现代化的必由之路[1]。已有研究从增长极理论出发讨论了中心城市的作用[2-4]，也有学者关注城乡融合发展[1,3]。',
    '城市群是城镇化的主体形态［5］，县城是城镇化的重要载体^{[6]}。',
    'Krugman的新经济地理学解释了集聚的形成[7]。',
  ];
  const entries = [
    '[1] 李克强. 协调推进城镇化是实现现代化的重大战略选择[J]. 行政管理改革, 2012(11): 4-10.',
    '[2] 佩鲁. 新发展观[M]. 张宁, 丰子义, 译. 北京: 华夏出版社, 1987.',
    '[3] 魏后凯, 李玏, 年猛. “十四五”时期中国城镇化战略与政策[J]. 中共中央党校(国家行政学院)学报, 2020, 24(4):',
    '5-21.',
    '[4] 张晓. 县城城镇化建设补短板强弱项[N]. 人民日报, 2020-06-04(10).',
    '［5］ 方创琳. 中国城市群研究取得的重要进展与未来发展方向[J]. 地理学报, 2014, 69(8): 1130-1144.',
    '[6] 中国城市规划学会. 2019中国城市规划年会论文集[C]. 北京: 中国建筑工业出版社, 2019.',
    '[7] KRUGMAN P. Increasing returns and economic geography[J]. Journal of Political Economy, 1991, 99(3): 483-499.',
    '[8] 王明. 县域产业集聚与新型城镇化耦合研究[D]. 北京: 中国人民大学, 2019.',
    '[9] 中国社会科学院. 中国城市发展报告[R]. 北京: 社会科学文献出版社, 2021.',
    '[10] 中国城市规划设计研究院. 中国主要城市通勤监测报告[EB/OL]. (2021-07-01)[2023-05-10]. https://www.caupd.com/report/2021.html.',
  ];
  const expected = [
    { marker: '[1]', authors: ['李克强'], title: '协调推进城镇化是实现现代化的重大战略选择', venue: '行政管理改革', year: 2012, kind: 'J' },
    { marker: '[2]', authors: ['佩鲁'], title: '新发展观', venue: '华夏出版社', year: 1987, kind: 'M' },
    { marker: '[3]', authors: ['魏后凯', '李玏', '年猛'], year: 2020, kind: 'J' },
    { marker: '[4]', authors: ['张晓'], title: '县城城镇化建设补短板强弱项', venue: '人民日报', year: 2020, kind: 'N' },
    { marker: '[5]', authors: ['方创琳'], venue: '地理学报', year: 2014, kind: 'J' },
    { marker: '[6]', authors: ['中国城市规划学会'], title: '2019中国城市规划年会论文集', year: 2019, kind: 'C' },
    { marker: '[7]', authors: ['KRUGMAN P'], title: 'Increasing returns and economic geography', venue: 'Journal of Political Economy', year: 1991, kind: 'J' },
    { marker: '[8]', authors: ['王明'], venue: '中国人民大学', year: 2019, kind: 'D' },
    { marker: '[9]', authors: ['中国社会科学院'], venue: '社会科学文献出版社', year: 2021, kind: 'R' },
    { marker: '[10]', authors: ['中国城市规划设计研究院'], title: '中国主要城市通勤监测报告', year: 2021, kind: 'EB/OL' },
  ];
  const check = (heading: string | null, lines: string[], inline = false, glue = false) => {
    const refs = heading === null ? lines : inline ? [`${heading}${lines[0]}`, ...lines.slice(1)] : [heading, ...lines];
    const text = glue ? [...body.slice(0, -1), `${body.at(-1)}${refs[0]}`, ...refs.slice(1)] : [...body, ...refs];
    const { d, cs } = run(text.join('\n'));
    expect(cs.map((c) => c.marker)).toEqual(expected.map((e) => e.marker));
    cs.forEach((c, i) => expect(c, c.marker ?? undefined).toMatchObject(expected[i]));
    const sent = (needle: string) => d.sentences.findIndex((s) => s.text.includes(needle));
    const cited = Object.fromEntries(cs.map((c) => [c.marker, c.citedFrom]));
    expect(cited['[1]']).toEqual([sent('必由之路'), sent('已有研究')]);
    expect(cited['[2]']).toEqual([sent('已有研究')]);
    expect(cited['[3]']).toEqual([sent('已有研究')]);
    expect(cited['[4]']).toEqual([sent('已有研究')]);
    expect(cited['[5]']).toEqual([sent('主体形态')]);
    expect(cited['[6]']).toEqual([sent('主体形态')]);
    expect(cited['[7]']).toEqual([sent('Krugman')]);
    // no entry leaks into the running text
    expect(d.sentences.some((s) => /\[J\]|\[M\]/.test(s.text))).toBe(false);
    return d;
  };

  it.each(['参考文献', '参考文献：', '参考文献:', '[参考文献]', '【参考文献】', 'References', 'REFERENCES'])('heading %s on its own line', (h) => {
    const d = check(h, entries);
    expect(d.referenceLines).toHaveLength(10);
    expect(d.referenceLines[2].text.replace(/\s+/g, '')).toMatch(/24\(4\):5-21\.$/);
  });

  it('heading inline with the first entry (参考文献：[1] …)', () => {
    const d = check('参考文献：', entries, true);
    expect(d.sections.at(-1)?.heading).toBe('参考文献：');
  });

  it('numbered 1. entries wrapped over lines', () => {
    const numbered = entries.map((e) => e.replace(/^[\[［](\d+)[\]］]\s*/, '$1. '));
    check('参考文献', numbered);
  });

  it.each(['参考文献(References)', '参考文献（References）', '参 考 文 献', '主要参考文献', '【参考文献】', 'References:'])('heading variant %s', (h) => {
    const d = check(h, entries);
    expect(d.referenceLines).toHaveLength(10);
  });

  it('heading glued to the last sentence of the body (…主体形态［5］。参考文献)', () => {
    const d = check('参考文献', entries, false, true);
    expect(d.referenceLines).toHaveLength(10);
    expect(d.sentences.some((s) => s.text === '参考文献')).toBe(true);
  });

  it('heading and first entry glued to the body (…。参考文献：[1] 李克强. …)', () => {
    check('参考文献：', entries, true, true);
  });

  it('no heading at all: a run of GB/T 7714 entries at the end is the reference list', () => {
    const d = check(null, entries);
    expect(d.referenceLines).toHaveLength(10);
    expect(d.sections.some((s) => s.heading === null && s.ordinal > 0)).toBe(false);
  });

  it('no heading, numbered 1. entries', () => {
    check(null, entries.map((e) => e.replace(/^[\[［](\d+)[\]］]\s*/, '$1. ')));
  });

  it('no heading, every entry on one line (split back by the [n] markers)', () => {
    const d = check(null, [entries.join(' ')]);
    expect(d.referenceLines).toHaveLength(10);
    expect(d.referenceLines[0].text).toMatch(/^\[1\] 李克强.*4-10\.$/);
    expect(d.referenceLines[9].text).toMatch(/^\[10\] 中国城市规划设计研究院/);
  });

  it('no heading, entries wrapped over lines and followed by an appendix paragraph', () => {
    const wrapped = [
      '[1] 李克强. 协调推进城镇化是实现现代化的重大战略选择[J]. 行政',
      '管理改革, 2012(11): 4-10.',
      '[2] 佩鲁. 新发展观[M]. 张宁, 丰子义, 译. 北京: 华夏出版社,',
      '1987.',
      '[3] 张晓. 县城城镇化建设补短板强弱项[N]. 人民日报, 2020-06-04(10).',
      '',
      '附记：本文写作得到了县发展改革局的支持，谨致谢忱。',
    ];
    const { d, cs } = run([...body, ...wrapped].join('\n'));
    expect(cs.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]']);
    expect(cs[0]).toMatchObject({ venue: '行政管理改革', year: 2012, kind: 'J' });
    expect(d.sentences.some((s) => s.text.startsWith('附记'))).toBe(true);
  });

  it('does not take two cited notes or running text that mentions 参考文献 for a reference list', () => {
    const { d } = run([
      '县城建设可以参考文献[1]中的做法。学者列出参考文献[2]作为依据。',
      '1. 加快县城补短板强弱项，推进县城城镇化建设。',
      '2. 提升县城公共服务水平，增强县城综合承载能力。',
      '3. 深化户籍制度改革，促进农业转移人口市民化。',
      '',
      '[1] 李克强. 协调推进城镇化是实现现代化的重大战略选择[J]. 行政管理改革, 2012(11): 4-10.',
      '[2] 张晓. 县城城镇化建设补短板强弱项[N]. 人民日报, 2020-06-04(10).',
    ].join('\n'));
    expect(d.referenceLines).toHaveLength(0);
    expect(d.sentences.filter((s) => /县城|户籍/.test(s.text)).length).toBeGreaterThanOrEqual(4);
  });
});
