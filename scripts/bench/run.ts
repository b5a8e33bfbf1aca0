/**
 * npm run bench — performance figures for the pipeline, ingest and the GraphQL API.
 *
 *   1. pipeline (no database): each corpus document through `analyze` (1 warm-up + 5 runs), per-stage
 *      medians, chars/s, peak memory; the corpus ×10 as one document to show how time scales;
 *   2. ingest into a fresh private Neo4j (temporary data folder, free port; or NEO4J_URI, with a
 *      warning): migrate, first ingest, unchanged re-ingest, forced rewrite;
 *   3. the API over real HTTP on 127.0.0.1: fixed queries (3 warm-ups + 30 sequential each), then
 *      200 requests over the mix with concurrency 8.
 *
 * Prints figures as it goes and a Markdown summary table at the end (for the README), writes every
 * figure to out/bench.json. It never asserts timings: exit 0 unless something failed to run.
 * Everything it starts (server, Neo4j, temp folder) is stopped/removed at the end, on error, on
 * Ctrl-C, and after BENCH_TIMEOUT_S seconds (default 600) as a last resort.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { listSources } from '../../ingest/sources.js';
import { STAGES } from '../../ingest/pipeline.js';
import { benchPipeline, type PipelineFigures } from './pipeline.js';
import { benchIngest, openNeo4j, type IngestFigures } from './ingest.js';
import { benchApi, CONCURRENCY, LOAD_REQUESTS, SEQUENTIAL, WARMUP, type ApiFigures } from './api.js';
import { int, mb, ms, ratio, secs } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'out/bench.json');
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S || 600);

const log = (m: string) => console.log(m);

// ---------- clean-up: last started, first stopped; run once whatever happens ----------

const cleanups: { what: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    while (cleanups.length) {
      const c = cleanups.pop()!;
      try {
        await c.run();
        log(`  stopped ${c.what}`);
      } catch (e) {
        console.error(`bench: could not stop ${c.what}: ${(e as Error).message}`);
      }
    }
  })());
}
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    interrupted = true;
    console.error(`\nbench: ${sig}, cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  });
}
setTimeout(() => {
  console.error(`bench: still running after ${TIMEOUT_S} s (BENCH_TIMEOUT_S), giving up`);
  void cleanup().finally(() => process.exit(1));
}, TIMEOUT_S * 1000).unref();

// ---------- environment ----------

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function environment() {
  const cpus = os.cpus();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = (git(['status', '--porcelain']) ?? '') !== '';
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memory: os.totalmem(),
    /** 1-minute load average when the run started and ended: above the CPU count, other work competed */
    loadAvg: { start: Math.round(os.loadavg()[0] * 100) / 100, end: NaN },
    commit: commit ? `${commit}${dirty ? '+dirty' : ''}` : null,
  };
}

// ---------- summary ----------

type Env = ReturnType<typeof environment>;

function summaryTable(env: Env, p?: PipelineFigures, neo?: { where: string; external: boolean; startMs: number | null }, ing?: IngestFigures, api?: ApiFigures): string {
  const rows: [string, string, string][] = [];
  if (p) {
    const c = p.corpus;
    rows.push(['Pipeline', `corpus: ${p.docs.length} docs, ${int(c.chars)} chars, ${int(c.sentences)} sentences (median of ${p.runs} runs, summed)`,
      `${ms(c.medianMs.total)} ms → ${int(c.charsPerSecond)} chars/s`]);
    rows.push(['Pipeline', `per stage, ms: ${STAGES.join(' / ')}`, STAGES.map((s) => ms(c.medianMs[s])).join(' / ')]);
    rows.push(['Pipeline', 'peak RSS / heap used (sampled after each run)', `${mb(p.memory.peakRss)} / ${mb(p.memory.peakHeapUsed)}`]);
    rows.push(['Pipeline', 'first call (cold: loads jieba dictionaries)', `${ms(p.docs[0]?.warmupMs ?? NaN)} ms`]);
    const s = p.scale;
    rows.push(['Scale', `corpus ×${s.copies} as one doc: ${int(s.chars)} chars, ${int(s.sentences)} sentences (median of ${s.runs})`,
      `${ms(s.medianMs.total)} ms → ${int(s.charsPerSecond)} chars/s`]);
    const r = (x: typeof s.ratio) => `${ratio(x.total)} (${STAGES.map((k) => ratio(x[k])).join(' / ')})`;
    rows.push(['Scale', `time per char vs the ${p.docs.length} single docs: total (${STAGES.join(' / ')})`, r(s.ratio)]);
    rows.push(['Scale', `… vs the corpus ×1 as one doc (${ms(s.oneDoc.medianMs.total)} ms): document length alone`, r(s.ratioVsOneDoc)]);
    rows.push(['Scale', 'peak RSS / heap used', `${mb(s.memory.peakRss)} / ${mb(s.memory.peakHeapUsed)}`]);
  }
  if (neo) {
    rows.push(['Ingest', neo.external ? 'Neo4j: external (NEO4J_URI)' : 'Neo4j 5 start (private, temp data dir)', neo.startMs === null ? '—' : secs(neo.startMs)]);
  }
  if (ing) {
    const st = (b: Record<string, number>) => Object.entries(b).map(([k, n]) => `${n} ${k}`).join(', ');
    rows.push(['Ingest', 'migrate', secs(ing.migrateMs)]);
    rows.push(['Ingest', `first ingest (${st(ing.first.byStatus)}${ing.firstNotCold ? '; NOT cold: documents were already stored' : ''})`, secs(ing.first.ms)]);
    rows.push(['Ingest', `re-ingest unchanged (${st(ing.unchanged.byStatus)})`, `${secs(ing.unchanged.ms)} (${ratio(ing.unchanged.ratioVsFirst)} first)`]);
    rows.push(['Ingest', `forced rewrite, --replace (${st(ing.forced.byStatus)})`, `${secs(ing.forced.ms)} (${ratio(ing.forced.ratioVsFirst)} first)`]);
  }
  if (api) {
    for (const o of api.ops) {
      rows.push(['API', `${o.label} — p50 / p95 / max ms`, o.error && !o.samples.length ? `ERROR: ${o.error.slice(0, 60)}` : `${ms(o.p50)} / ${ms(o.p95)} / ${ms(o.max)}`]);
    }
    const l = api.load;
    rows.push(['API', `${l.requests} requests over the mix, concurrency ${l.concurrency}${l.errors ? ` (${l.errors} errors)` : ''}`,
      `${l.requestsPerSecond} req/s (p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms)`]);
  }
  const esc = (x: string) => x.replace(/\|/g, '\\|');
  const busy = Math.max(env.loadAvg.start, env.loadAvg.end) > env.cpus;
  return [
    `Benchmark ${new Date().toISOString().slice(0, 10)} · Node ${env.node} · ${env.cpus} × ${env.cpuModel} · commit ${env.commit ?? 'n/a'}` +
      ` · load avg ${env.loadAvg.start} → ${env.loadAvg.end}${busy ? ' (other work competed: figures may be inflated)' : ''}`,
    '',
    '| Area | Measure | Result |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

// ---------- main ----------

async function main(): Promise<number> {
  const t0 = performance.now();
  const env = environment();
  if (env.loadAvg.start > env.cpus) {
    log(`NOTE: 1-minute load average is ${env.loadAvg.start} on ${env.cpus} CPUs: other processes compete, timings may be inflated.\n`);
  }
  const config = loadConfig();
  const sources = listSources([join(ROOT, 'corpus')]);
  if (sources.length === 0) throw new Error('corpus/ holds no documents');

  let pipeline: PipelineFigures | undefined;
  let neo: { where: string; external: boolean; startMs: number | null } | undefined;
  let ingest: IngestFigures | undefined;
  let api: ApiFigures | undefined;
  let error: string | null = null;
  try {
    log(`1. Pipeline (no database): ${sources.length} documents, 1 warm-up + runs each`);
    pipeline = benchPipeline(sources, log);

    log('\n2. Ingest');
    const handle = await openNeo4j(config, log, (what, run) => cleanups.push({ what, run }));
    neo = { where: handle.where, external: handle.external, startMs: handle.startMs };
    log(`  Neo4j: ${handle.where}${handle.startMs === null ? '' : `, ready in ${secs(handle.startMs)}`}`);
    ingest = await benchIngest(handle.db, sources, log);
    if (ingest.first.failed.length) throw new Error(`corpus ingest failed: ${ingest.first.failed.map((f) => f.error).join('; ')}`);

    log(`\n3. API (${WARMUP} warm-ups + ${SEQUENTIAL} sequential requests per query, then ${LOAD_REQUESTS} at concurrency ${CONCURRENCY})`);
    const r = await benchApi(config, handle.db, log);
    cleanups.push({ what: 'GraphQL server', run: r.close });
    api = r.figures;
  } catch (e) {
    error = interrupted ? 'interrupted' : (e as Error).stack ?? String(e);
    if (!interrupted) console.error(`\nbench: ${(e as Error).message}`);
  } finally {
    log('\nCleaning up');
    await cleanup();
  }

  env.loadAvg.end = Math.round(os.loadavg()[0] * 100) / 100;
  const table = summaryTable(env, pipeline, neo, ingest, api);
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  console.log(`\n${table}\n`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify({
    generatedAt: new Date().toISOString(), seconds, environment: env, error,
    pipeline, neo4j: neo, ingest, api, summaryMarkdown: table,
  }, null, 2)}\n`);
  console.log(`Figures written to ${relative(process.cwd(), OUT) || OUT}; whole run ${seconds} s.`);
  return error ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`bench: ${(e as Error).message}`);
    await cleanup();
    process.exit(1);
  },
);
