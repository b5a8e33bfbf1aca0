import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/executor.js';

/** How long /health waits for Neo4j before reporting it down. */
const PROBE_MS = 2000;

/**
 * `GET /health` → `{ ok, neo4j: "up" | "down" }`, 200 when Neo4j answers, 503 otherwise.
 * (yoga's built-in liveness check is moved to /healthz by the server.)
 */
export function useHealth(db: Db, path = '/health'): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== path || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      let timer: NodeJS.Timeout | undefined;
      const up = await Promise.race([
        db.verify().then(() => true, () => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), PROBE_MS))),
      ]);
      clearTimeout(timer);
      endResponse(fetchAPI.Response.json({ ok: up, neo4j: up ? 'up' : 'down' }, { status: up ? 200 : 503 }));
    },
  };
}
