import type { PageResult } from '../graph/index.js';
import type { Page } from '../pagination.js';

/**
 * A tiny per-request batch loader (the DataLoader idea without the package): `load(key)` calls
 * made while one resolver wave runs are collected and fetched with ONE batch query, and each
 * key is fetched at most once per request.
 */
export class Loader<V> {
  private readonly cache = new Map<string, Promise<V>>();
  private queue: { key: string; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly batch: (keys: string[]) => Promise<Map<string, V>>,
    private readonly missing: V,
  ) {}

  load(key: string): Promise<V> {
    let p = this.cache.get(key);
    if (!p) {
      p = new Promise<V>((resolve, reject) => {
        this.queue.push({ key, resolve, reject });
        // setImmediate runs after the current promise jobs, so sibling resolvers join the batch.
        if (this.queue.length === 1) setImmediate(() => void this.flush());
      });
      this.cache.set(key, p);
    }
    return p;
  }

  private async flush(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    try {
      const found = await this.batch([...new Set(queue.map((q) => q.key))]);
      for (const q of queue) q.resolve(found.has(q.key) ? (found.get(q.key) as V) : this.missing);
    } catch (e) {
      for (const q of queue) {
        this.cache.delete(q.key);
        q.reject(e);
      }
    }
  }
}

/**
 * A batch loader for a connection field: every parent asking for the same page (`first`,
 * `after`) and filter in one resolver wave shares ONE query (`UNWIND $ids` in src/graph), so a
 * connection nested under a list costs one query per request, not one per parent.
 */
export class PageLoader<T, F = null> {
  private readonly loader: Loader<PageResult<T>>;

  constructor(fetch: (ids: string[], page: Page, filter: F) => Promise<Map<string, PageResult<T>>>) {
    this.loader = new Loader(async (keys) => {
      const groups = new Map<string, { page: Page; filter: F; ids: string[] }>();
      for (const key of keys) {
        const [skip, limit, filter, id] = JSON.parse(key) as [number, number, F, string];
        const group = JSON.stringify([skip, limit, filter]);
        if (!groups.has(group)) groups.set(group, { page: { skip, limit }, filter, ids: [] });
        groups.get(group)!.ids.push(id);
      }
      const out = new Map<string, PageResult<T>>();
      await Promise.all([...groups.values()].map(async (g) => {
        const pages = await fetch(g.ids, g.page, g.filter);
        for (const id of g.ids) out.set(JSON.stringify([g.page.skip, g.page.limit, g.filter, id]), pages.get(id) ?? { total: 0, items: [] });
      }));
      return out;
    }, { total: 0, items: [] });
  }

  load(id: string, page: Page, filter: F): Promise<PageResult<T>> {
    return this.loader.load(JSON.stringify([page.skip, page.limit, filter, id]));
  }
}
