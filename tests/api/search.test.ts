import { describe, expect, it } from 'vitest';
import { ok, useApi, walk } from './helpers.js';

const SEARCH = `query($q: String!, $types: [EntityType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor exact score node { id name type aliases } } } }`;

describe('search and pagination', () => {
  const api = useApi();

  it('puts exact name/alias matches first', async () => {
    const { search } = ok(await api.gql(SEARCH, { q: '钦州' }));
    expect(search.edges[0].exact).toBe(true);
    expect(search.edges[0].node.name).toBe('钦州市');
  });

  it('filters by entity type', async () => {
    const all = ok(await api.gql(SEARCH, { q: '城市', first: 200 }));
    const types = new Set(all.search.edges.map((e: any) => e.node.type));
    expect(types.size).toBeGreaterThan(1);
    const places = ok(await api.gql(SEARCH, { q: '城市', types: ['PLACE'], first: 200 }));
    expect(places.search.totalCount).toBeGreaterThan(0);
    expect(places.search.totalCount).toBeLessThan(all.search.totalCount);
    for (const e of places.search.edges) expect(e.node.type).toBe('PLACE');
    const two = ok(await api.gql(SEARCH, { q: '城市', types: ['PLACE', 'CONCEPT'], first: 200 }));
    for (const e of two.search.edges) expect(['PLACE', 'CONCEPT']).toContain(e.node.type);
  });

  it('finds one-character queries by substring', async () => {
    const { search } = ok(await api.gql(SEARCH, { q: '州', types: ['PLACE'], first: 50 }));
    expect(search.totalCount).toBeGreaterThan(0);
    for (const e of search.edges) expect([e.node.name, ...e.node.aliases].some((n: string) => n.includes('州'))).toBe(true);
  });

  it('treats Lucene syntax in user input as text', async () => {
    for (const q of ['城镇化 AND', '"城镇化', 'a:b*', '(+-)', '\\']) {
      const res = await api.gql(SEARCH, { q });
      expect(res.errors, q).toBeUndefined();
    }
  });

  it('walks all pages with first/after: totalCount distinct nodes', async () => {
    const { nodes, totalCount, pages } = await walk<{ id: string }>(api, SEARCH, (d) => d.search, { q: '城' }, 3);
    expect(totalCount).toBeGreaterThan(3);
    expect(pages).toBe(Math.ceil(totalCount / 3));
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
  });

  it('reports pageInfo and accepts first: 0', async () => {
    const first = ok(await api.gql(SEARCH, { q: '城', first: 2 }));
    expect(first.search.pageInfo.hasPreviousPage).toBe(false);
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    expect(first.search.pageInfo.endCursor).toBe(first.search.edges[1].cursor);
    const next = ok(await api.gql(SEARCH, { q: '城', first: 2, after: first.search.pageInfo.endCursor }));
    expect(next.search.pageInfo.hasPreviousPage).toBe(true);
    expect(next.search.edges[0].node.id).not.toBe(first.search.edges[1].node.id);
    const none = ok(await api.gql(SEARCH, { q: '城', first: 0 }));
    expect(none.search.edges).toEqual([]);
    expect(none.search.totalCount).toBe(first.search.totalCount);
  });

  it('rejects bad paging arguments with BAD_USER_INPUT', async () => {
    for (const vars of [{ first: -1 }, { first: 100000 }, { after: 'not-a-cursor' }, { after: Buffer.from('o:-5').toString('base64') }]) {
      const res = await api.gql(SEARCH, { q: '城', ...vars });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
    const empty = await api.gql(SEARCH, { q: '   ' });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
