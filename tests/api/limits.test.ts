import { describe, expect, it } from 'vitest';
import { useApi } from './helpers.js';

/** `{ place(name) { partOf { partOf … { name } } } }` with `n` nested fields in all. */
const nested = (n: number) => `{ place(name: "钦州市") { ${'partOf { '.repeat(n - 2)}name${' }'.repeat(n - 2)} } }`;

describe('query limits', () => {
  const api = useApi({ QUERY_MAX_DEPTH: '8', PAGE_MAX: '50' });

  it('accepts a query at the depth limit', async () => {
    const res = await api.gql(nested(8));
    expect(res.errors).toBeUndefined();
  });

  it('refuses a query deeper than QUERY_MAX_DEPTH, before running it', async () => {
    const res = await api.gql(nested(9));
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].message).toMatch(/depth 9 exceeds the limit of 8/);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts depth through fragments', async () => {
    const res = await api.gql(`query { place(name: "钦州市") { ...P } }
      fragment P on Place { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { name } } } } } } } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not count introspection', async () => {
    const res = await api.gql('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }');
    expect(res.errors).toBeUndefined();
  });

  it('refuses page sizes above PAGE_MAX and nested pages whose product is too large', async () => {
    const big = await api.gql('{ documents(first: 51) { totalCount } }');
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // 50 documents × 50 sentences × 50 mentions-pages of each entity: far beyond 250 × PAGE_MAX.
    const costly = await api.gql(`query($n: Int) { documents(first: $n) { edges { node {
      entities(first: $n) { edges { node { mentions(first: $n) { totalCount } } } } } } } }`, { n: 50 });
    expect(costly.errors?.[0].message).toMatch(/cost/i);
    expect(costly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
