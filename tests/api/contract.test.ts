import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useApi } from './helpers.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHECKER = resolve(PROJECT_ROOT, '../shared/contract/check.mjs');

/** Runs a node script asynchronously (the server under test lives in this process). */
function runNode(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((done) => child.on('close', (code) => done({ code, out })));
}

describe('served schema and routes', () => {
  const api = useApi();

  it('passes the public contract checker', async () => {
    expect(existsSync(CHECKER), CHECKER).toBe(true);
    const { code, out } = await runNode([CHECKER, api.url]);
    expect(out).toMatch(/contract: (\d+)\/\1 checks hold/);
    expect(code, out).toBe(0);
  });

  it('reports Neo4j on /health', async () => {
    const res = await fetch(api.url.replace(/\/graphql$/, '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, neo4j: 'up' });
  });

  it('serves GraphiQL at /graphql and no landing page elsewhere', async () => {
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
    const other = await fetch(api.url.replace(/\/graphql$/, '/'), { headers: { accept: 'text/html' } });
    expect(other.status).toBe(404);
  });
});
