import { describe, expect, it } from 'vitest';
import { linkNotes } from '../../ingest/extract/notes.js';
import { makeDoc } from '../helpers/make-doc.js';

/** A two-page PDF extraction: markers restart on each page, each page's notes follow it. */
const text = [
  '很多镇甚至不足5000人①。', // page 1, marker ①
  '① 数据来源：浙江省统计局。',
  '小城市培育试点镇的财政收入增长较快①，', // page 2, marker ① again
  '①',
  '② 李克强：《协调推进城镇化是实现现代化的重大战略选择》，《行政管理改革》，2012年第12期。',
  '其中中心镇的作用突出②。',
].join('\n');

function docWithNotes() {
  const doc = makeDoc(text);
  // makeDoc splits every line into a sentence; move the note lines into footnotes as structure does
  const isNote = (t: string) => /^[①-⑳]\s+/.test(t);
  doc.footnotes = doc.sentences.filter((s) => isNote(s.text)).map((s) => ({
    marker: s.text[0], text: s.text.slice(2), start: s.start + 2, end: s.end,
  }));
  doc.sentences = doc.sentences.filter((s) => !isNote(s.text)).map((s, i) => ({ ...s, ordinal: i }));
  return doc;
}

describe('linkNotes', () => {
  it('points each marker to the nearest following note with that marker', () => {
    const doc = docWithNotes();
    const notes = linkNotes(doc);
    expect(notes.map((n) => n.marker)).toEqual(['①', '②']);
    const byText = (t: string) => notes.find((n) => n.text.includes(t))!;
    // sentence 0 (page 1) → the first ①; page 2's ① has no note of its own in this fixture,
    // so it falls back to the nearest ① before it
    expect(byText('浙江省统计局').citedFrom).toEqual([0, 1]);
    // sentence 3 (②, after the note) falls back to the nearest ② before it
    expect(byText('行政管理改革').citedFrom).toContain(3);
  });

  it('a line holding only a marker annotates the sentence before it', () => {
    const doc = docWithNotes();
    doc.footnotes.push({ marker: '①', text: '第二页的注释。', start: doc.text.length, end: doc.text.length + 7 });
    doc.text += '第二页的注释。';
    const notes = linkNotes(doc);
    const page2 = notes.find((n) => n.text === '第二页的注释。')!;
    // sentence 1 carries ① itself; sentence 2 is the lone "①" line and also points back to sentence 1
    expect(page2.citedFrom).toEqual([1]);
    expect(notes.find((n) => n.text.includes('浙江省统计局'))!.citedFrom).toEqual([0]);
  });

  it('returns no notes for a document without footnotes', () => {
    expect(linkNotes(makeDoc('县域地区应加快发展主导产业。'))).toEqual([]);
  });
});
