import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { loadFile, loadText } from '../../ingest/load/index.js';
import {
  dropWebWidgets,
  fixNumberSpacing, foldWidth, isTraditional, joinWrappedLines, normalize, normalizeText, removeCjkSpaces, widenCjkPunctuation,
} from '../../ingest/normalize/index.js';
import type { CleanDoc } from '../../ingest/types.js';
import { FILES as corpusFiles, corpusPath } from '../helpers/corpus.js';
import { testMeta } from '../helpers/make-doc.js';

const meta = testMeta({ id: 't', title: 't' });

const clean = new Map<string, CleanDoc>();
function corpus(name: string): CleanDoc {
  const file = corpusFiles.find((f) => f.includes(name))!;
  if (!clean.has(file)) clean.set(file, normalize(loadFile(corpusPath(file))));
  return clean.get(file)!;
}
const yu = () => corpus('yu-tang');
const qu = () => corpus('qu-urbanization');
const xu = () => corpus('xu-collaborative');
const bulletin = () => corpus('gxlib');
const chang = () => corpus('chang-county');

describe('PDF extraction artefacts (corpus)', () => {
  it('joins numbers the PDF spaced out', () => {
    expect(yu().text).toContain('我国现有1.9万多个建制镇，平均人口约7000人');
    expect(yu().text).toContain('2016年新春伊始');
    expect(yu().text).toContain('投资额占全省投资比重达6.64%，高出全省2个百分点');
    expect(qu().text).toContain('ISBN 978-7-5097-8565-2');
    expect(yu().text).not.toMatch(/\d \. \d/);
  });

  it('joins a number split across two PDF lines ("高出全省平均 8 . " / "5 个百分点")', () => {
    expect(yu().text).toContain('高出全省平均8.5个百分点');
    expect(yu().text).toContain('最多的柳市镇达187.6亿元');
  });

  it('joins wrapped lines of a paragraph, across the blank line after every PDF line', () => {
    // "…浙江省小城镇发展基础较" / "好，通过三年的小城市培育行动…"
    expect(yu().text).toContain('浙江省小城镇发展基础较好，通过三年的小城市培育行动');
    // qu: a paragraph split at a page break: "“50 后”历经了" / "共和国的发展历程"
    expect(qu().text).toContain('“50后”历经了共和国的发展历程');
    // bulletin: "…国务院批复同意" / "北部湾城市群发展规划，…"
    expect(bulletin().text).toContain('2017年年初国务院批复同意北部湾城市群发展规划，');
    // headings stay on their own line
    expect(yu().text).toContain('\n\n一、小城市培育在新型城镇化战略中的重要价值\n\n（一）小城市培育是新型城镇化战略实施的重要突破点\n\n');
    expect(qu().text).toContain('\n\n第一节 写作动因\n\n');
  });

  it('moves page-bottom footnotes and the page number out of the sentence they interrupted', () => {
    const t = yu().text;
    expect(t).toContain('按每个小城市到2020年新增10万常住人口的发展目标');
    const para = t.indexOf('按每个小城市到2020年');
    const note = t.indexOf('① 李克强：《协调推进城镇化是实现现代化的重大战略选择》');
    expect(note).toBeGreaterThan(para);
    expect(t.slice(para, note)).toMatch(/必然要求。\n\n$/);
    // "医疗服务质量进一步提升。平" / ⑤ note + URL / "安社会建设…"
    expect(t).toContain('医疗服务质量进一步提升。平安社会建设进一步加强');
    expect(t.split('\n').filter((l) => /^\d+$/.test(l))).toEqual([]);
  });

  it('attaches a marker that stood on its own line to the text it annotates', () => {
    expect(yu().text).toContain('很多镇甚至不足5000人①。小城镇的小而散状态');
    expect(yu().text).toContain('提高了1.99个百分点①。');
    expect(yu().text.split('\n')).not.toContain('①');
  });

  it('glues broken note URLs back onto their note', () => {
    const note = yu().text.split('\n').find((l) => l.startsWith('⑤'))!;
    expect(note).toMatch(/2014年3月18日，http.*637358 html$/);
  });

  it('removes spaces inside Chinese text and next to Chinese punctuation', () => {
    expect(yu().text).toContain('国务院下发《关于深人推进新型城镇化建设的若干意见》，提出');
    expect(qu().text).toContain('\n\n目录\n\n');
    expect(removeCjkSpaces('浙江 省的小城市培育试点镇。')).toBe('浙江省的小城市培育试点镇。');
    expect(removeCjkSpaces('浙江 省')).toBe('浙江省');
    expect(removeCjkSpaces('可采取 TOT 、BOT 、PPP 等融资方式。')).toBe('可采取 TOT、BOT、PPP 等融资方式。');
    expect(removeCjkSpaces('smart growth 与 new urbanism')).toBe('smart growth 与 new urbanism');
    expect(removeCjkSpaces('总编◎李小建 仇建涛')).toBe('总编◎李小建 仇建涛');
    expect(removeCjkSpaces('第一节 写作动因')).toBe('第一节 写作动因');
    expect(fixNumberSpacing('ISBN 978 - 7 - 5097 - 8565 - 2')).toBe('ISBN 978-7-5097-8565-2');
    expect(fixNumberSpacing('达 111 . 9 亿元')).toBe('达111.9亿元');
  });

  it('is idempotent on every corpus file and keeps blank-line runs to one', () => {
    for (const f of corpusFiles) {
      const doc = corpus(f);
      expect(normalizeText(doc.text), f).toBe(doc.text);
      expect(doc.text, f).not.toMatch(/\n\n\n/);
      expect(doc.sha256).toBe(createHash('sha256').update(doc.text).digest('hex'));
    }
  });
});

describe('web capture noise (经济日报 capture)', () => {
  it('drops share buttons, breadcrumb, mood poll and the recommended-articles list', () => {
    const t = xu().text;
    for (const widget of ['点击右上角微信好友', '请使用浏览器分享功能进行分享', '正在阅读', '首页>', '推荐阅读', '责编', '您此时的心情', '开心', '加载更多', '思政课']) {
      expect(t, widget).not.toContain(widget);
    }
    expect(t.split('\n')).not.toContain('朋友圈');
    expect(t.startsWith('以协同创新引领城市群发展\n\n来源：经济日报2023-04-12 09:51')).toBe(true);
    expect(t).toContain('以制度协同促共治。');
    expect(xu().warnings.join('\n')).toMatch(/web widget/);
  });

  it('turns ASCII punctuation between Chinese characters into full-width', () => {
    expect(xu().text).toContain('作出一系列重要部署，强调“以城市群、都市圈为依托构建大中小城市协调发展格局”。');
    expect(xu().text).toContain('作者：徐晓明（中央党校（国家行政学院）习近平');
    expect(widenCjkPunctuation('来源:经济日报2023-04-12 09:51')).toBe('来源：经济日报2023-04-12 09:51');
    expect(widenCjkPunctuation('增长10.3%,占国内生产总值')).toBe('增长10.3%，占国内生产总值');
    expect(widenCjkPunctuation('Abstract: The plan (2016)')).toBe('Abstract: The plan (2016)');
  });

  it('drops navigation lines of the journal page', () => {
    expect(chang().text).not.toContain('上一篇');
    expect(chang().text).toContain('摘要：党的十九届五中全会');
  });

  it('drops polls, 【纠错】, 责任编辑 lines and running headers repeated on every page', () => {
    const page = (n: number, body: string) => `城市规划学刊 2016年第3期\n\n${body}\n\n${n}\n`;
    const text = [
      page(12, '第一段正文。'), page(13, '第二段正文。'), page(14, '第三段正文。'),
      '感动 同情 无聊 愤怒 搞笑 难过 高兴 路过', '【纠错】', '责任编辑：张三', '正文后面的一句话。【纠错】',
    ].join('\n');
    const warnings: string[] = [];
    expect(normalizeText(text, (w) => warnings.push(w))).toBe('第一段正文。\n\n第二段正文。\n\n第三段正文。\n\n正文后面的一句话。');
    expect(warnings.join('\n')).toMatch(/城市规划学刊 2016年第3期/);
  });
});

describe('characters and scripts', () => {
  it('folds full-width letters and digits, keeps Chinese punctuation', () => {
    expect(foldWidth('２０１６年ＧＤＰ增长６．５％')).toBe('2016年GDP增长6.5%');
    expect(foldWidth('。，、；：？！“”《》（）')).toBe('。，、；：？！“”《》（）');
  });

  it('converts a Big5 Traditional passage to Simplified, with a warning', () => {
    const trad = '浙江省首批小城市培育試點鎮的發展對我國加快推進新型城鎮化戰略有積極的借鑒意義。這些中心鎮具有很強的發展潛力。';
    const raw = loadText({ bytes: iconv.encode(trad, 'big5'), origin: 'big5.txt', meta });
    const doc = normalize(raw);
    expect(doc.text).toBe('浙江省首批小城市培育试点镇的发展对我国加快推进新型城镇化战略有积极的借鉴意义。这些中心镇具有很强的发展潜力。');
    expect(doc.warnings.join('\n')).toMatch(/converted from Traditional Chinese/);
    expect(isTraditional(trad)).toBe(true);
  });

  it('leaves Simplified texts alone, even when they quote a Traditional name', () => {
    for (const f of corpusFiles) expect(corpus(f).warnings.join('\n'), f).not.toMatch(/Traditional/);
    expect(normalizeText('台湾地区的“臺灣”写法见于港台文献。')).toBe('台湾地区的“臺灣”写法见于港台文献。');
  });

  it('keeps footnote markers and never throws on odd text', () => {
    expect(normalizeText('据统计①，城镇化率达到56%[1]。')).toBe('据统计①，城镇化率达到56%[1]。');
    for (const odd of ['', '\u0000\u0001', '\n\n\n', '。。。', '①', '| |', '\uD800', 'a'.repeat(10_000)]) {
      expect(() => normalizeText(odd)).not.toThrow();
    }
    expect(normalizeText('abc\r\n\r\n\r\n\r\ndef')).toBe('abc\n\ndef');
  });

  it('does not glue a heading or a short title onto the paragraph before it', () => {
    const text = '区域经济发展快慢将充分体现在城镇的竞争能力之上而不是别的什么地方的\n\n搭起城市群框架\n\n（一）美国东部的大西洋沿岸城市群\n\n美国大西洋沿岸城市群又名波士华城市群。';
    expect(joinWrappedLines(text).split('\n\n')).toHaveLength(4);
  });
});

describe('the web article end stamp', () => {
  it('drops teasers after [ 责编:… ] but keeps a second article that follows them', () => {
    const text = [
      '城市群是新型城镇化的主体形态。',
      '[ 责编:张三 ]',
      '阅读剩余全文(',
      '县城建设提速',
      '高质量构建县城公共服务体系要聚焦目标、效果和特色，着力破解县城建设中的重点、难点和关键问题，带动深层变革。',
      '2024-03-18 10:28',
      '第二篇文章的正文：县域地区应加快培育主导产业，推进产城融合，完善公共服务设施，提升县城综合承载能力。',
      '同时，各地要因地制宜，分类引导县城发展方向，防止盲目扩张和大拆大建，守住安全底线和耕地红线。',
    ].join('\n\n');
    const warnings: string[] = [];
    const out = dropWebWidgets(text, (w) => warnings.push(w));
    expect(out).toContain('城市群是新型城镇化的主体形态。');
    expect(out).not.toMatch(/责编|县城建设提速|2024-03-18|高质量构建/); // a teaser's summary is prose too
    expect(out).toContain('县域地区应加快培育主导产业');
    expect(out).toContain('分类引导县城发展方向');
    expect(warnings.join()).toMatch(/dropped 5 line/);
  });
});
