import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ok, useApi, walk } from './helpers.js';

describe('documents, sentences, citations, graph slices', () => {
  const api = useApi();
  let docs: { id: string; title: string; kind: string; year: number | null; sentenceCount: number }[];
  beforeAll(async () => {
    const res = ok(await api.gql('{ documents(first: 100) { totalCount edges { node { id title kind year authors source url sha256 ingestedAt sentenceCount } } } }'));
    docs = res.documents.edges.map((e: any) => e.node);
    expect(docs.length).toBe(res.documents.totalCount);
  });

  it('lists the corpus with bibliographic fields', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const d of docs) {
      expect(d.title).toBeTruthy();
      expect(d.sentenceCount).toBeGreaterThan(0);
    }
  });

  it('pages through a document\'s sentences in order, with offsets', async () => {
    const doc = docs.find((d) => d.year === 2024)!;
    const q = `query($id: ID!, $first: Int, $after: String) { document(id: $id) {
      sentences(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id text ordinal start end document { id } } } } } }`;
    const { nodes, totalCount } = await walk<any>(api, q, (d) => d.document.sentences, { id: doc.id }, 7);
    expect(totalCount).toBe(doc.sentenceCount);
    expect(nodes.map((s) => s.ordinal)).toEqual([...nodes.map((s) => s.ordinal)].sort((a, b) => a - b));
    expect(new Set(nodes.map((s) => s.id)).size).toBe(totalCount);
    for (const s of nodes) {
      expect(s.document.id).toBe(doc.id);
      expect(s.id).toBe(`${doc.id}#${s.ordinal}`);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it('loads a connection nested under a list with one query for all parents', async () => {
    const reads = vi.spyOn(api.db, 'read');
    try {
      const res = ok(await api.gql(`{ documents(first: 100) { edges { node { id sentenceCount
        sentences(first: 2) { totalCount edges { node { id } } } measures(first: 1) { totalCount }
        entities(first: 1, type: PLACE) { totalCount } } } } }`));
      // documents, then one query each for sentences, measures and entities: not one per document.
      expect(reads).toHaveBeenCalledTimes(4);
      for (const { node } of res.documents.edges) {
        expect(node.sentences.totalCount, node.id).toBe(node.sentenceCount);
        expect(node.sentences.edges.map((e: any) => e.node.id)).toEqual([`${node.id}#0`, `${node.id}#1`].slice(0, node.sentenceCount));
      }
    } finally {
      reads.mockRestore();
    }
  });

  it('shows citations with authors, kind and citing sentences', async () => {
    const res = ok(await api.gql(`{ documents(first: 100) { edges { node { id citations {
      id title authors venue year kind marker raw sentences { id text } citedBy { id } } } } } }`));
    const all = res.documents.edges.flatMap((e: any) => e.node.citations.map((c: any) => ({ ...c, doc: e.node.id })));
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(c.title).toBeTruthy();
      expect(Array.isArray(c.authors)).toBe(true);
      expect(c.citedBy.map((d: { id: string }) => d.id)).toContain(c.doc);
      for (const s of c.sentences) expect(s.id.startsWith(`${c.doc}#`)).toBe(true);
    }
    expect(all.some((c: any) => c.sentences.length > 0 || c.marker)).toBe(true);
  });

  it('keeps footnotes as notes linked from the sentences that carry their markers', async () => {
    const res = ok(await api.gql(`{ documents(first: 100) { edges { node { id notes {
      id marker text start end sentences { id text notes { id } } } } } } }`));
    const notes = res.documents.edges.flatMap((e: any) => e.node.notes.map((n: any) => ({ ...n, doc: e.node.id })));
    expect(notes.length).toBeGreaterThan(0);
    const linked = notes.filter((n: any) => n.sentences.length > 0);
    expect(linked.length).toBeGreaterThan(notes.length / 2);
    for (const n of linked) {
      expect(n.text.length).toBeGreaterThan(0);
      for (const s of n.sentences) {
        expect(s.id.startsWith(`${n.doc}#`)).toBe(true);
        expect(s.notes.map((x: { id: string }) => x.id)).toContain(n.id); // the link reads both ways
      }
    }
  });

  it('lists a document\'s entities by type, with mentions inside sentences', async () => {
    const doc = docs.find((d) => d.year === 2024)!;
    const { document } = ok(await api.gql(`query($id: ID!) { document(id: $id) {
      entities(type: INDUSTRY, first: 50) { totalCount edges { mentions node { id name type } } }
      sentences(first: 5) { edges { node { text mentions { surface start end entity { id type } } } } } } }`, { id: doc.id }));
    expect(document.entities.totalCount).toBeGreaterThan(0);
    for (const e of document.entities.edges) expect(e.node.type).toBe('INDUSTRY');
    for (const { node } of document.sentences.edges) for (const m of node.mentions) expect(node.text).toContain(m.surface);
  });

  it('answers theories per document in line with the hand-checked gold', async () => {
    // Gold THEORY names of each bundled document (tests/gold/dev) against what the API serves.
    let gold = 0;
    let found = 0;
    for (const d of docs) {
      const path = new URL(`../gold/dev/${d.id}.json`, import.meta.url);
      if (!existsSync(path)) continue;
      const g = JSON.parse(readFileSync(path, 'utf8')) as { sentences: { mentions: { type: string; name: string }[] }[] };
      const want = new Set(g.sentences.flatMap((s) => s.mentions.filter((m) => m.type === 'THEORY').map((m) => m.name)));
      if (!want.size) continue;
      const { document } = ok(await api.gql(`query($id: ID!) { document(id: $id) {
        entities(type: THEORY, first: 100) { edges { mentions node { name type } } } } }`, { id: d.id }));
      const served = new Set<string>();
      for (const e of document.entities.edges) {
        expect(e.node.type).toBe('THEORY');
        expect(e.mentions).toBeGreaterThan(0);
        served.add(e.node.name);
      }
      gold += want.size;
      found += [...want].filter((n) => served.has(n)).length;
    }
    expect(gold).toBeGreaterThan(5);
    expect(found / gold).toBeGreaterThanOrEqual(0.75);
  });

  it('returns null for an unknown document', async () => {
    expect(ok(await api.gql('{ document(id: "no-such-document") { id } }')).document).toBeNull();
  });

  it('serves a document\'s graph slice with provenance, paginated over edges', async () => {
    const bulletin = docs.find((d) => d.kind === 'bulletin') ?? docs[0];
    const q = `query($id: ID, $first: Int, $after: String) { graph(documentId: $id, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id label name type } edges { id type source target sentenceId docId } } }`;
    const page = ok(await api.gql(q, { id: bulletin.id, first: 200 }));
    const slice = page.graph;
    expect(slice.totalCount).toBeGreaterThan(0);
    const nodeIds = new Set(slice.nodes.map((n: { id: string }) => n.id));
    for (const e of slice.edges) {
      expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
      if (e.docId) expect(e.docId).toBe(bulletin.id);
    }
    const { nodes: edges, totalCount } = await walk<{ id: string }>(api, q, (d) => ({ ...d.graph, edges: d.graph.edges.map((e: any) => ({ node: e, cursor: '' })) }), { id: bulletin.id }, 25);
    expect(new Set(edges.map((e) => e.id)).size).toBe(totalCount);
    const missing = await api.gql('{ graph(documentId: "no-such-document") { totalCount } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
