import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../ingest/load/index.js';
import { checkGold } from '../../scripts/eval/check-gold.js';
import { goldFiles, itemOf } from '../../scripts/eval/items.js';
import type { GoldDoc } from '../../scripts/eval/score.js';

const text = '县域地区应培育县域主导产业。钦州市位于广西。';
const doc = (over: Partial<GoldDoc['sentences'][number]> = {}): GoldDoc => ({
  document: 'x',
  sentences: [{
    quote: '县域地区应培育县域主导产业。',
    mentions: [
      { surface: '县域地区', type: 'CONCEPT', name: '县域地区' },
      { surface: '县域主导产业', type: 'INDUSTRY', name: '县域主导产业' },
    ],
    measure: { actor: '县域地区', targets: ['县域主导产业'], modality: 'should' },
    relations: [],
    ...over,
  }],
  citations: [],
});
const errors = (g: GoldDoc, t: string | null = text) => checkGold(g, t).filter((f) => f.level === 'error').map((f) => f.problem);

describe('gold checker', () => {
  it('accepts a well-formed file', () => {
    expect(checkGold(doc(), text)).toEqual([]);
  });

  it('names surfaces listed out of order, unknown actors and relation ends', () => {
    const d = doc({
      mentions: [
        { surface: '县域主导产业', type: 'INDUSTRY', name: '县域主导产业' },
        { surface: '县域地区', type: 'CONCEPT', name: '县域地区' },
      ],
      measure: { actor: '县级政府', targets: ['县域主导产业'], modality: 'should' },
      relations: [{ type: 'DRIVES', from: '县域主导产业', to: '新型城镇化' }],
    });
    expect(errors(d)).toEqual([
      'surfaces not found in order in the quote: 县域地区',
      'actor "县级政府" is not a mention name of the sentence',
      'DRIVES end "新型城镇化" is not a mention name of the sentence',
    ]);
  });

  it('reports a quote that is not in the text and a missing text', () => {
    expect(errors(doc({ quote: '县域地区应培育特色产业。', mentions: [], measure: null }))[0]).toMatch(/quote not found/);
    expect(errors(doc(), null)).toEqual(['no source text found (manifest entry / texts folder)']);
  });

  it('finds no error in the gold files of the repository', () => {
    for (const path of [...goldFiles('dev'), ...goldFiles('test')]) {
      const split = path.includes('/test/') ? 'test' : 'dev';
      const item = itemOf(path, split);
      const t = item.textPath ? decodeBytes(readFileSync(item.textPath), item.textPath).text : null;
      expect({ path, errors: errors(item.gold, t) }).toEqual({ path, errors: [] });
    }
  });
});
