import { afterAll, describe, expect, it } from 'vitest';
import { codes, ok, startApi, TOKEN, useApi } from './helpers.js';

const DOC_ID = `api-test-${process.pid}-${Date.now()}`;

const ADD = `mutation($input: AddDocumentInput!) { addDocument(input: $input) {
  id title kind year authors source sentenceCount sha256 ingestedAt } }`;
const REMOVE = 'mutation($id: ID!) { removeDocument(id: $id) }';
const DOC = `query($id: ID!) { document(id: $id) {
  id title year sentenceCount
  sentences(first: 50) { totalCount edges { node { id text } } }
  measures(first: 50) { totalCount edges { node { text cue targets { name type } actor { name } } } }
  entities(first: 100) { totalCount edges { mentions node { id name type documents(first: 0) { totalCount } } } } } }`;

/** Entities no other document holds (mentioned or implied): removing the document deletes them. */
const onlyHere = (document: any): string[] =>
  document.entities.edges.filter((e: any) => e.node.documents.totalCount === 1).map((e: any) => e.node.id);

const TEXT_V1 = [
  '阿勒泰市的新型城镇化试点。',
  '阿勒泰市应加快推进新型城镇化建设，推动特色小镇发展。',
  '地方政府要加强基础设施建设。',
].join('\n\n');
const TEXT_V2 = [
  '塔城市的城乡融合发展。',
  '塔城市应积极推进城乡融合发展，促进县域经济增长。',
].join('\n\n');

describe('librarian mutations', () => {
  const api = useApi();
  afterAll(async () => {
    // Whatever a failed test left behind (runs before useApi closes the server).
    await api.gql(REMOVE, { id: DOC_ID }, TOKEN);
  });

  it('refuses mutations without the librarian token (no header, wrong token)', async () => {
    const input = { id: DOC_ID, title: 't', text: TEXT_V1 };
    for (const token of [undefined, 'wrong-token', '']) {
      const add = await api.gql(ADD, { input }, token);
      expect(codes(add), String(token)).toEqual(['UNAUTHENTICATED']);
      const rm = await api.gql(REMOVE, { id: 'anything' }, token);
      expect(codes(rm)).toEqual(['UNAUTHENTICATED']);
    }
    expect(ok(await api.gql(DOC, { id: DOC_ID })).document).toBeNull();
  });

  it('refuses mutations when the server has no librarian token configured', async () => {
    const closed = await startApi({ LIBRARIAN_TOKEN: '' });
    try {
      const res = await closed.gql(ADD, { input: { id: DOC_ID, title: 't', text: TEXT_V1 } }, TOKEN);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await closed.close();
    }
  });

  it('rejects bad input with BAD_USER_INPUT', async () => {
    const bad = [
      { id: DOC_ID, title: 't', text: TEXT_V1, html: '<p>x</p>' },
      { id: DOC_ID, title: 't' },
      { id: DOC_ID, title: 't', text: '   ' },
      { id: DOC_ID, title: '  ', text: TEXT_V1 },
      { id: 'bad#id', title: 't', text: TEXT_V1 },
      { id: DOC_ID, title: 't', text: TEXT_V1, kind: 'poem' },
    ];
    for (const input of bad) {
      const res = await api.gql(ADD, { input }, TOKEN);
      expect(codes(res), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
    expect(ok(await api.gql(DOC, { id: DOC_ID })).document).toBeNull();
  });

  let uniqueEntities: string[] = [];

  it('adds a document that is queryable as soon as the mutation returns', async () => {
    const added = ok(await api.gql(ADD, {
      input: { id: DOC_ID, title: '阿勒泰市城镇化测试', text: TEXT_V1, kind: 'report', year: 2025, authors: ['测试者'], source: 'api test' },
    }, TOKEN)).addDocument;
    expect(added).toMatchObject({ id: DOC_ID, title: '阿勒泰市城镇化测试', kind: 'report', year: 2025, authors: ['测试者'] });
    expect(added.sentenceCount).toBeGreaterThanOrEqual(3);

    const { document } = ok(await api.gql(DOC, { id: DOC_ID }));
    const texts = document.sentences.edges.map((e: any) => e.node.text).join('');
    expect(texts).toContain('阿勒泰市应加快推进新型城镇化建设');
    expect(document.measures.totalCount).toBeGreaterThan(0);
    const measure = document.measures.edges.map((e: any) => e.node).find((m: any) => m.text.includes('阿勒泰市应'));
    expect(measure, JSON.stringify(document.measures)).toBeTruthy();
    expect(measure.targets.length).toBeGreaterThan(0);
    const entities = document.entities.edges.map((e: any) => ({ ...e.node, mentions: e.mentions }));
    expect(entities.some((e: any) => e.type === 'PLACE' && e.name.includes('阿勒泰'))).toBe(true);
    uniqueEntities = onlyHere(document);
    expect(uniqueEntities.length).toBeGreaterThan(0);

    const listed = ok(await api.gql('{ documents(first: 200) { edges { node { id } } } }'));
    expect(listed.documents.edges.map((e: any) => e.node.id)).toContain(DOC_ID);
  });

  it('refuses to overwrite when replace is false (CONFLICT)', async () => {
    const res = await api.gql(ADD, { input: { id: DOC_ID, title: 'x', text: TEXT_V2, replace: false } }, TOKEN);
    expect(codes(res)).toEqual(['CONFLICT']);
  });

  it('replaces the document when the id is given again', async () => {
    const replaced = ok(await api.gql(ADD, { input: { id: DOC_ID, title: '塔城市测试', text: TEXT_V2 } }, TOKEN)).addDocument;
    expect(replaced.title).toBe('塔城市测试');
    const { document } = ok(await api.gql(DOC, { id: DOC_ID }));
    const texts = document.sentences.edges.map((e: any) => e.node.text).join('\n');
    expect(texts).toContain('塔城市应积极推进城乡融合发展');
    expect(texts).not.toContain('阿勒泰');
    expect(document.sentences.totalCount).toBe(document.sentenceCount);
    for (const { node } of document.measures.edges) expect(node.text).not.toContain('阿勒泰');
    const entities = document.entities.edges.map((e: any) => e.node.name);
    expect(entities.some((n: string) => n.includes('阿勒泰'))).toBe(false);
  });

  it('removes the document and the entities only it supported', async () => {
    const { document } = ok(await api.gql(DOC, { id: DOC_ID }));
    const unique = onlyHere(document);
    expect(ok(await api.gql(REMOVE, { id: DOC_ID }, TOKEN)).removeDocument).toBe(true);
    expect(ok(await api.gql(DOC, { id: DOC_ID })).document).toBeNull();
    for (const id of [...unique, ...uniqueEntities]) {
      expect(ok(await api.gql('query($id: ID) { entity(id: $id) { id } }', { id })).entity, id).toBeNull();
    }
    const again = await api.gql(REMOVE, { id: DOC_ID }, TOKEN);
    expect(codes(again)).toEqual(['NOT_FOUND']);
  });

  it('accepts an HTML page and keeps only its content', async () => {
    const html = `<html><head><title>页面</title></head><body><nav>首页 &gt; 理论频道</nav>
      <article><h1>县域发展</h1><p>测试县应加快培育主导产业，推进新型城镇化。</p></article></body></html>`;
    const added = ok(await api.gql(ADD, { input: { id: `${DOC_ID}-html`, title: 'HTML 测试', html } }, TOKEN)).addDocument;
    try {
      const { document } = ok(await api.gql(DOC, { id: added.id }));
      const texts = document.sentences.edges.map((e: any) => e.node.text).join('\n');
      expect(texts).toContain('测试县应加快培育主导产业');
      expect(texts).not.toMatch(/<p>|<\/p>/);
    } finally {
      expect(ok(await api.gql(REMOVE, { id: added.id }, TOKEN)).removeDocument).toBe(true);
    }
  });

  it('derives a stable id from title and content when none is given', async () => {
    const input = { title: '无编号测试文档', text: '测试县应加快发展主导产业。' };
    const first = ok(await api.gql(ADD, { input }, TOKEN)).addDocument;
    try {
      expect(first.id).toMatch(/^doc-/);
      const second = ok(await api.gql(ADD, { input }, TOKEN)).addDocument;
      expect(second.id).toBe(first.id);
    } finally {
      expect(ok(await api.gql(REMOVE, { id: first.id }, TOKEN)).removeDocument).toBe(true);
    }
  });
});
