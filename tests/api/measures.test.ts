import { beforeAll, describe, expect, it } from 'vitest';
import { ok, useApi, walk } from './helpers.js';

const MEASURE_FIELDS = `id text modality cue
  document { id title year kind }
  sentence { id text ordinal start end }
  targets { id name type }
  actor { id name type }`;

/** Words that make a sentence a recommendation (a subset of schema/lexicons/measure-cues.tsv). */
const CUE = /应|要|需|必须|建议|加快|推进|推动|促进|加强|提高|坚持|鼓励|支持|完善|实施|培育|发挥|重视|确定|强化|优化|引导|拘泥|不宜|不能/;

interface Measure {
  id: string;
  text: string;
  cue: string | null;
  document: { id: string; title: string; year: number | null; kind: string | null };
  sentence: { id: string; text: string; ordinal: number; start: number; end: number };
  targets: { id: string; name: string; type: string }[];
  actor: { id: string; name: string } | null;
}

describe('measures(target:)', () => {
  const api = useApi();
  let article: { id: string; title: string };
  let hits: Measure[];
  let resolved: Set<string>;

  beforeAll(async () => {
    // The 2024 journal article on county leading industries, found by listing documents.
    const docs = await walk<{ id: string; title: string; year: number | null; kind: string }>(
      api, 'query($first: Int, $after: String) { documents(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title year kind } } } }',
      (d) => d.documents, {}, 10,
    );
    const found = docs.nodes.filter((d) => d.year === 2024 && d.kind === 'journal-article');
    expect(found, JSON.stringify(docs.nodes)).toHaveLength(1);
    article = found[0];
    const res = ok(await api.gql(`{ measures(target: "县域主导产业", first: 100) {
      totalCount resolution { strategy head qualifier entities { id name } }
      edges { cursor node { ${MEASURE_FIELDS} } } } }`));
    hits = res.measures.edges.map((e: { node: Measure }) => e.node);
    resolved = new Set(res.measures.resolution.entities.map((e: { id: string }) => e.id));
    expect(res.measures.totalCount).toBe(hits.length);
  });

  it('answers 县域主导产业 with recommendations from the 2024 article', () => {
    expect(hits.length).toBeGreaterThan(0);
    for (const m of hits) {
      expect(m.document.id).toBe(article.id);
      expect(m.document.title).toBe(article.title);
      expect(m.sentence.text.length).toBeGreaterThan(0);
      expect(m.sentence.text).toMatch(CUE);
      if (m.cue) expect(m.sentence.text).toContain(m.cue);
      expect(m.sentence.id).toBe(`${article.id}#${m.sentence.ordinal}`);
      expect(m.sentence.end).toBeGreaterThan(m.sentence.start);
    }
  });

  it('returns only measures about 县域主导产业 (or narrower), never ones that merely mention 产业', async () => {
    // Each hit targets 县域主导产业 itself, or its head 主导产业 addressed to 县域 (actor or text).
    for (const m of hits) {
      const exact = m.targets.some((t) => resolved.has(t.id));
      const qualifiedHead = m.targets.some((t) => t.name.includes('主导产业')) && (m.actor?.name.includes('县域') || m.text.includes('县域'));
      expect(exact || qualifiedHead, m.text).toBe(true);
    }
    for (const id of resolved) expect(id).not.toMatch(/:产业$/);
    // Every measure in the corpus that mentions 产业 but is not about 县域主导产业 must be absent.
    const docs = ok(await api.gql(`{ documents(first: 100) { edges { node { id measures(first: 200) { edges { node { ${MEASURE_FIELDS} } } } } } } }`));
    const all: Measure[] = docs.documents.edges.flatMap((d: any) => d.node.measures.edges.map((e: { node: Measure }) => e.node));
    const hitIds = new Set(hits.map((m) => m.id));
    const mereMentions = all.filter((m) => m.text.includes('产业') && !m.targets.some((t) => t.name.includes('主导产业')));
    expect(mereMentions.length, 'the corpus has measures that mention 产业 without targeting 县域主导产业').toBeGreaterThan(0);
    for (const m of mereMentions) expect(hitIds.has(m.id), m.text).toBe(false);
  });

  it('orders by document then sentence ordinal', () => {
    const keys = hits.map((m) => [m.document.id, m.sentence.ordinal] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });

  it('resolves an alias or name exactly and reports how', async () => {
    const res = ok(await api.gql('{ measures(target: "县域主导产业") { resolution { strategy entities { name } } } }'));
    expect(res.measures.resolution.strategy).toBe('EXACT');
    expect(res.measures.resolution.entities.map((e: { name: string }) => e.name)).toContain('县域主导产业');
  });

  it('includes narrower targets: 主导产业 also returns the 县域主导产业 measures', async () => {
    const res = ok(await api.gql('{ measures(target: "主导产业", first: 200) { totalCount edges { node { id } } } }'));
    const ids = new Set(res.measures.edges.map((e: { node: { id: string } }) => e.node.id));
    for (const m of hits) expect(ids.has(m.id)).toBe(true);
  });

  it('decomposes a compound it does not know into qualifier + head, never OR-ing words', async () => {
    const res = ok(await api.gql(`{ measures(target: "浙江小城市", first: 200) {
      totalCount resolution { strategy head qualifier } edges { node { ${MEASURE_FIELDS} } } } }`));
    const r = res.measures.resolution;
    if (r.strategy === 'DECOMPOSED') {
      expect(r.qualifier + r.head).toBe('浙江小城市');
      expect(r.qualifier.length).toBeGreaterThanOrEqual(2);
    }
    for (const m of res.measures.edges.map((e: { node: Measure }) => e.node) as Measure[]) {
      expect(m.targets.some((t) => t.name.includes('小城市') || t.name === r.head), m.text).toBe(true);
    }
  });

  it('returns nothing for a phrase naming nothing', async () => {
    const res = ok(await api.gql('{ measures(target: "火星殖民地") { totalCount edges { node { id } } resolution { strategy } } }'));
    expect(res.measures.totalCount).toBe(0);
    expect(res.measures.resolution.strategy).toBe('NONE');
  });

  it('rejects an empty target', async () => {
    const res = await api.gql('{ measures(target: "  ") { totalCount } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
