import { afterAll, describe, expect, it } from 'vitest';
import { testDb, graphCounts } from '../helpers/db.js';
import { listSources } from '../../ingest/sources.js';
import { ingestSources } from '../../ingest/ingest-many.js';
import { ingestDocument, removeDocument, IngestError } from '../../ingest/service.js';
import type { DocMeta } from '../../ingest/types.js';

const db = testDb();
afterAll(() => db.close());

const meta = (id: string, title = '测试文档'): DocMeta => ({ id, title, kind: 'other', year: 2024, authors: [], source: null, url: null });

describe('ingest against the real Neo4j', () => {
  it('ingested the whole bundled corpus, every sentence with provenance', async () => {
    const sources = listSources(['corpus']);
    const rows = await db.query({
      cypher: `MATCH (d:Document) WHERE d.id IN $ids
               OPTIONAL MATCH (s:Sentence {docId: d.id})
               RETURN d.id AS id, d.sentenceCount AS expected, count(s) AS sentences`,
      params: { ids: sources.map((s) => s.meta.id) },
    });
    expect(rows).toHaveLength(sources.length);
    for (const r of rows) {
      expect(r.sentences, String(r.id)).toBeGreaterThan(0);
      expect(r.sentences).toBe(r.expected);
    }
    const bad = await db.query({
      cypher: `MATCH (s:Sentence)-[m:MENTIONS]->(e:Entity)
               WHERE m.start < s.start OR m.end > s.end OR substring(s.text, m.start - s.start, m.end - m.start) <> m.surface
               RETURN count(*) AS n`,
    });
    expect(bad[0].n).toBe(0);
  });

  it('ingesting the corpus again changes no count', async () => {
    const before = await graphCounts(db);
    const summary = await ingestSources(db, listSources(['corpus']));
    expect(summary.byStatus.unchanged).toBe(summary.documents);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('forced rewrite of the corpus (--replace) leaves the same counts', async () => {
    const before = await graphCounts(db);
    const summary = await ingestSources(db, listSources(['corpus']), { force: true });
    expect(summary.byStatus.replaced).toBe(summary.documents);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('new content under the same id replaces the facts; removal restores the graph exactly', async () => {
    const before = await graphCounts(db);
    const id = 'it-replace-doc';
    const v1 = '浙江省苍南县龙港镇是小城市培育试点。县域地区应加快发展县域主导产业。';
    const v2 = '广西壮族自治区钦州市加快发展临港产业。地方政府要推进产城融合。';
    expect((await ingestDocument(db, { meta: meta(id), text: v1, origin: 'test' })).status).toBe('created');
    expect((await ingestDocument(db, { meta: meta(id), text: v1, origin: 'test' })).status).toBe('unchanged');
    expect((await ingestDocument(db, { meta: meta(id, '新标题'), text: v1, origin: 'test' })).status).toBe('metadata-updated');
    expect((await ingestDocument(db, { meta: meta(id), text: v2, origin: 'test' })).status).toBe('replaced');
    const texts = await db.query({ cypher: 'MATCH (s:Sentence {docId: $id}) RETURN s.text AS t ORDER BY s.ordinal', params: { id } });
    expect(texts.map((r) => r.t).join('')).toBe(v2);
    expect(await removeDocument(db, id)).toBe(true);
    expect(await removeDocument(db, id)).toBe(false);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('removing a document takes back the aliases and names it gave entities other documents keep', async () => {
    const snapshot = async () => db.query({
      cypher: `MATCH (e:Entity) OPTIONAL MATCH (n:Name)-[:NAMES]->(e)
        WITH e, collect(n.value) AS names RETURN e.id AS id, e.aliases AS aliases, e.aliasText AS aliasText, names ORDER BY id`,
    }).then((rows) => rows.map((r) => ({
      id: r.id as string, aliases: r.aliases as string[], aliasText: r.aliasText, names: [...(r.names as string[])].sort(),
    })));
    const before = await snapshot();
    const id = 'it-alias-doc';
    const text = '浙江省发展改革委和国家发改委联合发文。八桂大地的钦州、北海与桂林加快发展。';
    await ingestDocument(db, { meta: meta(id), text, origin: 'test' });
    const during = await snapshot();
    const grown = during.filter((e) => {
      const old = before.find((b) => b.id === e.id);
      return old && e.aliases.length > old.aliases.length;
    });
    expect(grown.length).toBeGreaterThan(0); // the text did add aliases to shared entities
    await removeDocument(db, id);
    expect(await snapshot()).toEqual(before);
  });

  it('removing one document while another that shares an entity is written keeps what the other gave', async () => {
    const org = 'organization:浙江省发展和改革委员会';
    const state = async () => (await db.query({
      cypher: `MATCH (e:Entity {id: $org}) OPTIONAL MATCH (n:Name {value: '浙江省发展改革委'})-[:NAMES]->(e)
        RETURN e.aliases AS aliases, count(n) AS named, COUNT { (:Document {id: 'it-share-b'})-[:HAS_ENTITY]->(e) } AS fromB`,
      params: { org },
    }))[0];
    for (let round = 0; round < 3; round++) {
      await ingestDocument(db, { meta: meta('it-share-a'), text: '浙江省发展改革委和国家发改委联合发文。', origin: 'test' });
      await Promise.all([
        removeDocument(db, 'it-share-a'),
        ingestDocument(db, { meta: meta('it-share-b'), text: `浙江省发展改革委推进小城市培育（第${round}轮）。`, origin: 'test' }),
      ]);
      const after = await state();
      expect(after.aliases).toContain('浙江省发展改革委');
      expect(after.named).toBe(1);
      expect(after.fromB).toBe(1);
      await removeDocument(db, 'it-share-b');
    }
  });

  it('concurrent writers of one id: one create wins, the other gets CONFLICT; replacements never interleave', async () => {
    const id = 'it-race-doc';
    const v1 = '浙江省苍南县龙港镇是小城市培育试点。县域地区应加快发展县域主导产业。';
    const v2 = '广西壮族自治区钦州市加快发展临港产业。地方政府要推进产城融合。政府应完善基础设施。';
    try {
      const adds = await Promise.allSettled([v1, v2].map((text) => ingestDocument(db, { meta: meta(id), text, origin: 'race' }, { mustBeNew: true })));
      expect(adds.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = adds.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(IngestError);
      expect((lost.reason as IngestError).code).toBe('CONFLICT');
      await Promise.all([v1, v2, v1].map((text) => ingestDocument(db, { meta: meta(id), text, origin: 'race' })));
      const [row] = await db.query({
        cypher: `MATCH (d:Document {id: $id}) OPTIONAL MATCH (s:Sentence {docId: $id})
          RETURN d.sentenceCount AS n, count(s) AS stored, collect(s.text) AS texts`,
        params: { id },
      });
      expect(row.stored).toBe(row.n);
      const joined = (row.texts as string[]).join('');
      expect([v1, v2].some((v) => [...joined].sort().join('') === [...v].sort().join(''))).toBe(true);
    } finally {
      await removeDocument(db, id);
    }
  });

  it('bad input is refused with a message naming the problem, and nothing stored changes', async () => {
    const before = await graphCounts(db);
    await expect(ingestDocument(db, { meta: meta('it-empty'), text: '   \n ', origin: 'empty.txt' })).rejects.toThrow(/empty\.txt.*empty/);
    const bin = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01, 0x02]);
    await expect(ingestDocument(db, { meta: meta('it-bin'), bytes: bin, format: 'txt', origin: 'scan.txt' })).rejects.toBeInstanceOf(IngestError);
    expect(await graphCounts(db)).toEqual(before);
  });
});

describe('one transaction per document', () => {
  it('a failure in the middle of a write leaves nothing of the document', async () => {
    const { writeDocument } = await import('../../ingest/write/index.js');
    const before = await graphCounts(db);
    const doc = { id: 'it-broken', title: 't', kind: 'other', year: null, authors: [], source: null, url: null,
      sha256: 'x', contentKey: 'x', chars: 1, sentenceCount: 1, lexiconVersion: 'x', origin: 'test' };
    const payload = {
      doc: doc as never,
      sections: [{ id: 'it-broken#s0', ordinal: 0, heading: null, level: 1 }],
      sentences: [{ id: 'it-broken#0', sectionId: 'it-broken#s0', ordinal: 0, text: '县域地区应加快发展。', start: 0, end: 10, section: 0, paragraph: 0 }],
      entities: [],
      mentions: [],
      // a map is not a valid property value: Neo4j rejects this statement after sections and sentences were written
      measures: [{ id: 'it-broken#m0', sentenceId: 'it-broken#0', sentence: 0, text: { not: 'a string' } as never, modality: 'should', cue: '应', targets: [], actor: null }],
      reference: [], stated: [], notes: [], works: [],
    };
    await expect(writeDocument(db, payload)).rejects.toThrow();
    expect(await graphCounts(db)).toEqual(before);
  });
});
