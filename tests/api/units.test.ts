// Pure pieces of the API layer: no server, no database.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isLibrarian, bearerToken } from '../../src/auth.js';
import { headCandidates, luceneQuery, measureQueries, needsSubstringScan, searchQueries } from '../../src/graph/index.js';
import { decodeCursor, encodeCursor, toConnection, toPage } from '../../src/pagination.js';
import { operationCost } from '../../src/plugins/cost-limit.js';
import { selectionDepth } from '../../src/plugins/depth-limit.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe('pagination', () => {
  it('round-trips opaque cursors and rejects forged ones', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(codeOf(() => decodeCursor('nope'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(Buffer.from('o:-1').toString('base64')))).toBe('BAD_USER_INPUT');
  });
  it('defaults first to 20 and enforces the maximum', () => {
    expect(toPage({}, 200)).toEqual({ skip: 0, limit: 20 });
    expect(toPage({ first: 5, after: encodeCursor(9) }, 200)).toEqual({ skip: 10, limit: 5 });
    expect(codeOf(() => toPage({ first: 201 }, 200))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => toPage({ first: -1 }, 200))).toBe('BAD_USER_INPUT');
  });
  it('builds Relay connections with absolute cursors', () => {
    const c = toConnection({ skip: 10, limit: 2 }, ['a', 'b'], 13);
    expect(c.edges.map((e) => decodeCursor(e.cursor))).toEqual([10, 11]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(c.totalCount).toBe(13);
  });
});

describe('auth', () => {
  it('accepts only the configured bearer token', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(isLibrarian('Bearer s3cret', { librarianToken: 's3cret' })).toBe(true);
    expect(isLibrarian('Bearer s3cre', { librarianToken: 's3cret' })).toBe(false);
    expect(isLibrarian('s3cret', { librarianToken: 's3cret' })).toBe(false);
    expect(isLibrarian(null, { librarianToken: 's3cret' })).toBe(false);
    expect(isLibrarian('Bearer anything', { librarianToken: null })).toBe(false);
  });
});

describe('search and measure Cypher', () => {
  it('escapes Lucene syntax and makes each term a phrase', () => {
    expect(luceneQuery('城镇化')).toBe('"城镇化"');
    expect(luceneQuery(' 北部湾  城市群 ')).toBe('"北部湾" AND "城市群"');
    expect(luceneQuery('a:b*"(')).toBe('"a\\:b\\*\\"\\("');
    expect(needsSubstringScan('市')).toBe(true);
    expect(needsSubstringScan('钦州')).toBe(false);
  });
  it('passes user input as parameters only', () => {
    const q = searchQueries.entities("x' OR 1=1 //", ['PLACE'], { skip: 0, limit: 5 });
    expect(q.cypher).not.toContain('1=1');
    expect(q.params).toMatchObject({ q: "x' OR 1=1 //", types: ['PLACE'], skip: 0, limit: 5 });
    const m = measureQueries.exactTargets('县域主导产业');
    expect(m.cypher).not.toContain('县域主导产业');
    expect(m.params).toEqual({ phrase: '县域主导产业' });
  });
  it('splits a compound phrase into qualifier (2+ chars) + head, longest head first', () => {
    expect(headCandidates('浙江小城市')).toEqual(['小城市', '城市']);
    expect(headCandidates('县域主导产业')).toEqual(['主导产业', '导产业', '产业']);
    expect(headCandidates('小城')).toEqual([]);
  });
});

describe('limits', () => {
  it('measures depth through fragments, ignoring introspection', () => {
    const doc = parse('query { a { b { ...F } } __schema { types { name } } } fragment F on B { c { d } }');
    const op = doc.definitions[0] as any;
    const frags = new Map(doc.definitions.slice(1).map((d: any) => [d.name.value, d]));
    expect(selectionDepth(op.selectionSet, (n) => frags.get(n) as any)).toBe(4);
  });
  it('multiplies nested page sizes, with variables', () => {
    const doc = parse('query($n: Int) { documents(first: $n) { edges { node { sentences(first: 10) { totalCount } } } } }');
    expect(operationCost(doc, null, { n: 5 })).toBe(5 + 50);
    expect(operationCost(doc, null, {})).toBe(20 + 200);
  });
});
