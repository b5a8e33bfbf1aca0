// Error paths against real failures: a real driver pointed at a port nothing listens on
// (Neo4j down), and the real server asked for a database that does not exist (an unexpected error).
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Db } from '../../src/db/executor.js';
import { createApp } from '../../src/server.js';
import { freePort } from '../../scripts/neo4j/local.js';

const opened: Db[] = [];
function appOn(db: Db) {
  opened.push(db);
  return createApp({ config: loadConfig({ PORT: '0', LIBRARIAN_TOKEN: 'test-token' }), db });
}
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
});

async function post(app: ReturnType<typeof createApp>, query: string) {
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('error masking', () => {
  it('maps an unreachable Neo4j to UNAVAILABLE, without driver details', async () => {
    const app = appOn(new Db({ uri: `bolt://127.0.0.1:${await freePort()}` }));
    const { body } = await post(app, '{ documents { totalCount } }');
    expect(body.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|executor\.ts|stack/);
  });

  it('masks unexpected errors without stack traces', async () => {
    const app = appOn(new Db({ uri: inject('neo4jUri'), database: 'no-such-database' }));
    const { body } = await post(app, '{ documents { totalCount } }');
    expect(body.errors?.[0].message).toBe('Unexpected error.');
    expect(body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/no-such-database|stack|\.ts/);
  });

  it('reports /health as down when Neo4j does not answer', async () => {
    const app = appOn(new Db({ uri: `bolt://127.0.0.1:${await freePort()}` }));
    const res = await app.fetch('http://localhost/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false });
  });
});
