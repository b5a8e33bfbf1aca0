import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { testDb } from '../helpers/db.js';
import { removeDocument } from '../../ingest/service.js';

const db = testDb();
const dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
const ids = ['cli-gbk-note', 'cli-html-page'];
afterAll(async () => {
  for (const id of ids) await removeDocument(db, id);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI behind `npm run ingest -- …` as its own process, against the test run's Neo4j. */
function ingestCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword') },
      timeout: 120_000,
    }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe('npm run ingest (CLI)', () => {
  it('ingests a GBK text file and an HTML page with manifest metadata, and names the bad file', async () => {
    const gbk = '浙江省苍南县龙港镇是全国第一座农民城。\n\n县域地区应加快培育县域主导产业，推进产城融合。\n';
    writeFileSync(join(dir, 'note.txt'), iconv.encode(gbk, 'gbk'));
    writeFileSync(join(dir, 'page.html'), `<html><head><meta charset="utf-8"><title>钦州</title></head><body>
      <nav>首页 新闻 理论</nav><div class="share">分享到微信</div>
      <article><h1>钦州加快建设北部湾城市群重要节点</h1><p>广西壮族自治区钦州市要加快发展临港产业。</p></article>
      <div class="recommend">推荐阅读：无关的标题</div></body></html>`);
    writeFileSync(join(dir, 'broken.txt'), Buffer.concat([Buffer.from('城镇化\n第二行\n', 'utf8'), Buffer.from([0xe5, 0x9f, 0x0a])]));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: [
      { file: 'note.txt', id: 'cli-gbk-note', title: '龙港笔记', kind: 'report', year: 2024, authors: ['测试者'] },
      { file: 'page.html', id: 'cli-html-page', title: '钦州加快建设北部湾城市群重要节点', kind: 'web-article', year: 2024 },
      { file: 'broken.txt', id: 'cli-broken' },
    ] }));

    const r = await ingestCli([dir]);
    expect(r.code).toBe(1); // one file failed
    expect(r.stdout).toMatch(/documents: 2 \(created 2\), failed 1/);
    expect(r.stdout).toMatch(/sentences: \d+/);
    expect(r.stdout).toMatch(/entities: .*place \d+/);
    expect(r.stdout).toMatch(/failed: .*broken\.txt.*line 3/);
    expect(r.stderr).toMatch(/3\/3 page\.html created/); // files in name order: broken, note, page

    const docs = await db.query({
      cypher: `MATCH (d:Document) WHERE d.id IN $ids OPTIONAL MATCH (s:Sentence {docId: d.id})
               RETURN d.id AS id, d.title AS title, d.kind AS kind, collect(s.text) AS texts ORDER BY id`,
      params: { ids: [...ids, 'cli-broken'] },
    });
    expect(docs.map((d) => d.id)).toEqual(['cli-gbk-note', 'cli-html-page']);
    const [note, page] = docs as { title: string; kind: string; texts: string[] }[];
    expect(note).toMatchObject({ title: '龙港笔记', kind: 'report' });
    expect(note.texts.join('')).toContain('县域地区应加快培育县域主导产业'); // decoded from GBK
    expect(page.texts.join('')).toContain('钦州市要加快发展临港产业');
    expect(page.texts.join('')).not.toMatch(/分享|推荐阅读|首页/); // page chrome dropped

    // a second run changes nothing and says so
    const again = await ingestCli([join(dir, 'note.txt'), join(dir, 'page.html')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/documents: 2 \(unchanged 2\)/);
  });

  it('explains its usage', async () => {
    const r = await ingestCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run ingest -- <files or folders> \[--replace\]/);
  });
});
