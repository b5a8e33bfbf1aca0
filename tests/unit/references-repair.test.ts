import { describe, expect, it } from 'vitest';
import { extractCitations, referenceEntries, splitAuthors } from '../../ingest/extract/citations.js';
import { makeDoc } from '../helpers/make-doc.js';

// A reference list broken by the PDF conversion (several entries on a line, a page range cut before
// its end, a lost opening bracket, a title broken by a blank line) is read again as a numbered
// sequence. The entries are made up for the test.

/** lines of `text` (one per \n), as the structure stage gives reference lines */
function lines(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let at = 0;
  for (const l of text.split('\n')) {
    if (l.trim()) out.push({ text: l, start: at, end: at + l.length });
    at += l.length + 1;
  }
  return out;
}

const LIST = [
  '[1]张三,李四.城镇化与产业发展研究[J].地理研究,2015,34(2):101-',
  '118.[ZHANG San,LI Si.Urbanization and industry[J].Geographical Research,2015,34(2):101-118.] [2］王五.小城镇建设的路径[J].经济地理,2016,36(1):12-18.[WANG Wu.Small towns[J].Economic Geography,2016.] [3］赵六,钱七.县域经济与新型城',
  '',
  '镇化协同发展[J].城市问题,2017(5):20-26.',
  '4］孙八,周九,etal.城市群空间结构演化[J].地理学报,2018,73(4):1-12.',
].join('\n');

describe('reference lists broken by the conversion', () => {
  it('cuts entries at the next number, joins a page range and a title broken by a blank line', () => {
    const got = referenceEntries(LIST, lines(LIST));
    expect(got.map((e) => e.marker)).toEqual(['[1]', '[2]', '[3]', '[4]']);
    expect(got[0].text).toContain('101-118.');
    expect(got[2].text).toContain('县域经济与新型城镇化协同发展[J]');
  });

  it('extractCitations reads the repaired entries (marker, authors, title, year)', () => {
    const doc = { ...makeDoc(LIST), sentences: [], referenceLines: lines(LIST) };
    const cites = extractCitations(doc);
    expect(cites.map((c) => [c.marker, c.authors, c.title, c.year])).toEqual([
      ['[1]', ['张三', '李四'], '城镇化与产业发展研究', 2015],
      ['[2]', ['王五'], '小城镇建设的路径', 2016],
      ['[3]', ['赵六', '钱七'], '县域经济与新型城镇化协同发展', 2017],
      ['[4]', ['孙八', '周九'], '城市群空间结构演化', 2018],
    ]);
  });

  it('a list that follows its numbering is left as it is', () => {
    const ok = '[1]张三.城镇化研究[J].地理研究,2015(2):1-9.\n[2]王五.小城镇研究[J].经济地理,2016(1):2-8.\n[3]赵六.县域研究[J].城市问题,2017(5):3-7.';
    const doc = { ...makeDoc(ok), sentences: [], referenceLines: lines(ok) };
    expect(extractCitations(doc).map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]']);
  });

  it('etal (OCR of et al.) is dropped like 等, not a name ending in it', () => {
    expect(splitAuthors('SMITH J,JONES K,etal')).toEqual(['SMITH J', 'JONES K']);
    expect(splitAuthors('BROWN A,METAL')).toEqual(['BROWN A', 'METAL']);
  });
});
