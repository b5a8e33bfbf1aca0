import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { LoadError, MAX_BYTES, loadFile, loadText, markdownToText, scanUtf8 } from '../../ingest/load/index.js';
import { FILES as corpusFiles, corpusPath } from '../helpers/corpus.js';
import { testMeta } from '../helpers/make-doc.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

const meta = testMeta({ id: 't', title: '测试' });

/** Three lines of the Zhejiang paper, as the PDF extraction has them (spaces in numbers included). */
const PARAGRAPH = [
  '摘要：浙江省首批小城市培育试点镇的发展对我国加快推进新型城镇化战略有积极的借鉴意义。浙江省小城镇发展基础较',
  '',
  '当前，我国小城镇呈现出数量多、规模小、人气弱等特征，据统计，我国现有 1 . 9 万多个建制镇，平均人口约 7000 人，',
].join('\n');

/** A Traditional-Chinese rendering of a corpus sentence (the kind a Taiwan/HK source or a Big5 file has). */
const TRADITIONAL = '浙江省首批小城市培育試點鎮的發展對我國加快推進新型城鎮化戰略有積極的借鑒意義。這些中心鎮具有很強的發展潛力。';

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'load-test-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function loadError(fn: () => unknown): LoadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LoadError) return e;
    throw e;
  }
  throw new Error('expected a LoadError');
}

describe('loadFile on the corpus', () => {
  it.each(corpusFiles)('%s: UTF-8 text, byte count and text unchanged', (f) => {
    const path = corpusPath(f);
    const raw = loadFile(path);
    expect(raw.format).toBe('txt');
    expect(raw.encoding).toBe('UTF-8');
    expect(raw.bytes).toBe(statSync(path).size);
    expect(raw.text).toBe(readFileSync(path, 'utf8'));
    expect(raw.origin).toBe(path);
    expect(raw.meta.id).toBe(f.replace(/\.txt$/, ''));
  });

  it('takes a missing title from the first non-empty line, and given metadata wins', () => {
    const path = corpusPath('2016-qu-urbanization-collaborative-innovation.txt');
    expect(loadFile(path).meta.title).toBe('工业化、城镇化和农业现代化协调发展研究丛书');
    const raw = loadFile(path, { id: 'qu-2016', title: '城镇化健康发展协同创新理论与实践', year: 2016, kind: 'book', authors: ['曲峰庚', '董宇鸿'] });
    expect(raw.meta).toMatchObject({ id: 'qu-2016', title: '城镇化健康发展协同创新理论与实践', year: 2016, kind: 'book', authors: ['曲峰庚', '董宇鸿'] });
  });
});

describe('encodings', () => {
  it('decodes a GBK-encoded corpus paragraph back to the same text', () => {
    const bytes = iconv.encode(PARAGRAPH, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const path = join(tmp, 'gbk.txt');
    writeFileSync(path, bytes);
    const raw = loadFile(path);
    expect(raw.encoding).toBe('GB18030');
    expect(raw.text).toBe(PARAGRAPH);
    expect(raw.warnings.join(' ')).toMatch(/GB18030/);
  });

  it('decodes Big5 bytes (Traditional text) via chardet', () => {
    const raw = loadText({ bytes: iconv.encode(TRADITIONAL, 'big5'), origin: 'big5.txt', meta });
    expect(raw.encoding).toBe('Big5');
    expect(raw.text).toBe(TRADITIONAL);
  });

  it('strips a UTF-8 BOM and reads UTF-16LE with BOM', () => {
    const withBom = loadText({ bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PARAGRAPH)]), origin: 'bom.txt', meta });
    expect(withBom.text).toBe(PARAGRAPH);
    expect(withBom.warnings).toContain('stripped UTF-8 byte order mark');
    const utf16 = loadText({ bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PARAGRAPH, 'utf16le')]), origin: 'u16.txt', meta });
    expect(utf16.encoding).toBe('UTF-16LE');
    expect(utf16.text).toBe(PARAGRAPH);
  });

  it('honours an HTML <meta charset="gbk"> for GBK pages', () => {
    const html = `<html><head><meta charset="gbk"><title>测试</title></head><body><article><p>${TRADITIONAL.slice(0, 10)}城市群发展规划推动广西新跨越。</p></article></body></html>`;
    const raw = loadText({ bytes: iconv.encode(html, 'gbk'), format: 'html', origin: 'page.html', meta });
    expect(raw.encoding).toBe('GB18030');
    expect(raw.text).toContain('城市群发展规划推动广西新跨越。');
  });
});

describe('bad inputs', () => {
  it('rejects damaged UTF-8 naming the file and the line of the first bad byte', () => {
    const path = join(FIXTURES, 'bad/truncated-utf8.txt');
    const e = loadError(() => loadFile(path));
    expect(e.problem).toBe('encoding');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/line 4\b/);
    expect(scanUtf8(readFileSync(path)).invalid).toBe(1);
  });

  it('rejects binary input with NUL bytes and PDFs', () => {
    const bin = join(tmp, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const e = loadError(() => loadFile(bin));
    expect(e.problem).toBe('binary');
    expect(e.message).toContain(bin);
    const pdf = join(tmp, 'paper.txt');
    writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const p = loadError(() => loadFile(pdf));
    expect(p.problem).toBe('binary');
    expect(p.message).toMatch(/extract text from PDFs first/);
  });

  it('rejects a file over the size limit before reading it, naming the size', () => {
    const big = join(tmp, 'huge.txt');
    writeFileSync(big, '');
    truncateSync(big, MAX_BYTES + 1); // sparse: no 20 MB written
    const e = loadError(() => loadFile(big));
    expect(e.problem).toBe('size');
    expect(e.message).toContain(big);
    expect(e.message).toContain(`${MAX_BYTES + 1} bytes`);
    expect(e.message).toMatch(/20\.0 MB/);
    const small = loadError(() => loadText({ text: PARAGRAPH, origin: 'mutation:addDocument', meta, maxBytes: 100 }));
    expect(small.problem).toBe('size');
    expect(small.message).toMatch(/^mutation:addDocument: size/);
  });

  it('rejects unsupported extensions and ambiguous input', () => {
    const e = loadError(() => loadFile(join(tmp, 'paper.pdf')));
    expect(e.problem).toBe('format');
    expect(e.message).toMatch(/extract text from PDFs first/);
    expect(loadError(() => loadText({ text: 'a', html: '<p>a</p>', origin: 'x', meta })).problem).toBe('format');
  });
});

describe('HTML', () => {
  const page = join(FIXTURES, 'html/news-article.html');

  it('keeps the article and its headings, drops navigation, share buttons, ads, polls, recommendations, comments', () => {
    const raw = loadFile(page, { title: '' });
    expect(raw.format).toBe('html');
    expect(raw.meta.title).toBe('以协同创新引领城市群发展');
    const blocks = raw.text.split('\n\n');
    expect(blocks[0]).toBe('# 以协同创新引领城市群发展');
    expect(blocks).toContain('## 以功能协同促发展');
    expect(blocks).toContain('## 以空间协同促集聚');
    expect(blocks).toContain('城市群通过城市间地理空间邻近实现“1+1>2”，进而形成超越单一城市经济的集聚效能。');
    expect(raw.text).toContain('城市群已成为支撑我国经济增长的主要空间载体。');
    expect(raw.text).toContain('充分发挥中心城市的辐射带动作用。');
    for (const junk of ['首页', '分享到', '朋友圈', '广告', '您此时的心情', '感动', '推荐阅读', '思政课', '网友', '发表评论', '热点排行', '版权所有', '_hmt', 'float']) {
      expect(raw.text, junk).not.toContain(junk);
    }
  });
});

describe('Markdown', () => {
  it('keeps headings and table cell text, strips emphasis, links and images', () => {
    const md = [
      '---', 'title: 北部湾城市群', '---',
      '# 北部湾城市群发展概况', '',
      '2017年2月17日，**国家发改委**公布了[《北部湾城市群发展规划》](http://www.gov.cn/x.htm)。![图1](a.png)', '',
      '## 功能定位', '',
      '| 城市 | 功能定位 |', '|---|---|', '| 南宁 | 区域性国际城市 |', '',
      '- 钦州：*临港工业*', '',
      '注释见[^1]。', '', '[^1]: 冯娟. 基于城市功能分工的北部湾城市群发展[J]. 山东工商学院学报. 2017(2):47-54.',
    ].join('\n');
    const out = markdownToText(md);
    expect(out.title).toBe('北部湾城市群');
    expect(out.text.split('\n')).toEqual([
      '# 北部湾城市群发展概况', '',
      '2017年2月17日，国家发改委公布了《北部湾城市群发展规划》。', '',
      '## 功能定位', '',
      '城市 | 功能定位', '南宁 | 区域性国际城市', '',
      '钦州：临港工业', '',
      '注释见[1]。', '', '[1] 冯娟. 基于城市功能分工的北部湾城市群发展[J]. 山东工商学院学报. 2017(2):47-54.',
    ]);
    const raw = loadText({ text: md, format: 'md', origin: 'x.md', meta: { ...meta, title: '' } });
    expect(raw.meta.title).toBe('北部湾城市群');
  });
});
