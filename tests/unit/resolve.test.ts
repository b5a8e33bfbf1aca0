import { describe, expect, it } from 'vitest';
import { resolve } from '../../ingest/resolve/index.js';
import type { Candidate } from '../../ingest/extract/candidate.js';

const c = (over: Partial<Candidate>): Candidate => ({
  type: 'INDUSTRY', surface: '主导产业', start: 0, end: 4, sentence: 0, name: '主导产业', priority: 2, ...over,
});

describe('resolve', () => {
  it('keeps the longest of overlapping spans in a sentence', () => {
    // 发展县域主导产业: 县域主导产业 [2,8) beats 主导产业 [4,8) and the concept 县域 [2,4)
    const r = resolve([
      c({ surface: '主导产业', start: 4, end: 8 }),
      c({ surface: '县域主导产业', name: '县域主导产业', start: 2, end: 8 }),
      c({ type: 'CONCEPT', surface: '县域', name: '县域', start: 2, end: 4, priority: 3 }),
    ]);
    expect(r.mentions.map((m) => m.surface)).toEqual(['县域主导产业']);
    expect([...r.entities.keys()]).toEqual(['industry:县域主导产业']);
  });

  it('breaks equal-length ties by priority', () => {
    const r = resolve([
      c({ type: 'CONCEPT', surface: '城市群', name: '城市群', start: 0, end: 3, priority: 1 }),
      c({ type: 'PLACE', surface: '城市群', name: '城市群', start: 0, end: 3, priority: 3 }),
    ]);
    expect(r.mentions[0].type).toBe('PLACE');
  });

  it('merges candidates of one entity and collects surfaces as aliases', () => {
    const r = resolve([
      c({ type: 'PLACE', surface: '钦州', name: '钦州市', code: '450700', start: 0, end: 2, level: 'prefecture', partOf: 'place:450000' }),
      c({ type: 'PLACE', surface: '钦州市', name: '钦州市', code: '450700', start: 0, end: 3, sentence: 1 }),
    ]);
    const e = r.entities.get('place:450700')!;
    expect(e).toMatchObject({ name: '钦州市', level: 'prefecture', code: '450700', aliases: ['钦州'] });
    expect(r.mentions).toHaveLength(2);
    expect(r.parents.get('place:450700')).toBe('place:450000');
  });

  it('does not drop the same span in different sentences', () => {
    const r = resolve([c({ sentence: 0 }), c({ sentence: 1, start: 10, end: 14 })]);
    expect(r.mentions).toHaveLength(2);
  });
});
