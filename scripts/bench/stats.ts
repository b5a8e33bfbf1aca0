/** Small numeric and formatting helpers for the benchmark (no timing assertions anywhere). */

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100): p95 of 30 samples is the 29th smallest. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Rounds to `d` decimals (for JSON: keeps the file readable). */
export const round = (x: number, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/** Milliseconds for the table: 3 significant digits below 100, whole numbers above. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

export const secs = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
export const int = (x: number) => Math.round(x).toLocaleString('en-US');
export const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');

/** Memory high-water marks, sampled by the caller after each unit of work. */
export class MemPeak {
  rss = 0;
  heapUsed = 0;
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heapUsed) this.heapUsed = m.heapUsed;
  }
  /** the OS's own high-water mark of resident memory for the whole process so far (bytes) */
  static maxRss(): number {
    return process.resourceUsage().maxRSS * 1024;
  }
}
