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

  loadMany(keys: readonly string[]): Promise<V[]> {
    return Promise.all(keys.map((k) => this.load(k)));
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
