/**
 * Section 1: the pure pipeline (no database). Each corpus document goes through `analyze` once to
 * warm up (the first call also loads jieba's dictionaries) and then RUNS times; per-stage medians
 * are summed over the corpus. The scale test feeds the whole corpus ×10 as one document.
 */
import { loadFile } from '../../ingest/load/index.js';
import { analyze, STAGES, type Stage } from '../../ingest/pipeline.js';
import type { Source } from '../../ingest/sources.js';
import type { RawDoc } from '../../ingest/types.js';
import { MemPeak, median, round, sum } from './stats.js';

export const RUNS = 5;
/** the ×10 document is analyzed this many times (no extra warm-up: the stages are warm by then) */
export const SCALE_RUNS = 3;
export const SCALE_COPIES = 10;

type StageMs = Record<Stage, number>;

export interface DocFigures {
  id: string;
  /** characters of the loaded text (input to normalize) */
  chars: number;
  /** characters after normalize (what structure/segment/extract work on) */
  normalizedChars: number;
  sentences: number;
  /** first analyze of this document (the very first one includes jieba's dictionary load) */
  warmupMs: number;
  medianMs: Totalled;
}

/** Per-stage milliseconds (or µs per char) plus their total. */
type Totalled = StageMs & { total: number };

/** What one timed text (the corpus, its ×10 copy, the one-document control) measures. */
interface TextRun {
  chars: number;
  normalizedChars: number;
  sentences: number;
  medianMs: Totalled;
  /** µs of each stage per normalized character */
  usPerChar: Totalled;
}

type Memory = { peakRss: number; peakHeapUsed: number; maxRssOs: number };

export interface PipelineFigures {
  runs: number;
  docs: DocFigures[];
  /** medianMs: sums of the per-document medians */
  corpus: TextRun & { charsPerSecond: number };
  memory: Memory;
  scale: TextRun & {
    copies: number;
    runs: number;
    input: string;
    charsPerSecond: number;
    /** (time per normalized char at ×10) / (time per normalized char over the single documents); 1 = linear */
    ratio: Totalled;
    /** control: the corpus ×1 as one document (same text as the single documents, one doc instead of five) */
    oneDoc: TextRun & { ratioVsSingles: Totalled };
    /** (time per char at ×10) / (time per char at ×1 as one document): growth with document length alone */
    ratioVsOneDoc: Totalled;
    memory: Memory;
  };
}

const withTotal = (t: StageMs) => ({ ...t, total: sum(STAGES.map((s) => t[s])) });

function stageMedians(samples: StageMs[]): StageMs {
  const out = {} as StageMs;
  for (const s of STAGES) out[s] = median(samples.map((x) => x[s] ?? 0));
  return out;
}

function perChar(t: Totalled, chars: number) {
  const out = {} as Totalled;
  for (const k of [...STAGES, 'total'] as const) out[k] = round((t[k] * 1000) / chars, 3);
  return out;
}

export function benchPipeline(sources: Source[], log: (m: string) => void): PipelineFigures {
  const raws: RawDoc[] = sources.map((s) => loadFile(s.path, s.meta));
  const mem = new MemPeak();
  mem.sample();
  const docs: DocFigures[] = [];
  const normalizedTexts: string[] = [];
  for (const raw of raws) {
    const t0 = performance.now();
    const first = analyze(raw);
    const warmupMs = performance.now() - t0;
    mem.sample();
    const samples: StageMs[] = [];
    for (let i = 0; i < RUNS; i++) {
      samples.push(analyze(raw).timings);
      mem.sample();
    }
    const med = withTotal(stageMedians(samples));
    normalizedTexts.push(first.doc.text);
    docs.push({
      id: raw.meta.id, chars: raw.text.length, normalizedChars: first.doc.text.length,
      sentences: first.doc.sentences.length, warmupMs: round(warmupMs), medianMs: roundStages(med),
    });
    log(`  ${raw.meta.id}: ${raw.text.length} chars, ${first.doc.sentences.length} sentences, median ${med.total.toFixed(1)} ms`);
  }
  const chars = sum(docs.map((d) => d.chars));
  const normalizedChars = sum(docs.map((d) => d.normalizedChars));
  const corpusMs = {} as StageMs;
  for (const s of STAGES) corpusMs[s] = sum(docs.map((d) => d.medianMs[s]));
  const corpusTotal = withTotal(corpusMs);
  const memory = { peakRss: mem.rss, peakHeapUsed: mem.heapUsed, maxRssOs: MemPeak.maxRss() };

  // Scale test. The raw texts cannot simply be pasted together: normalize cuts everything after a
  // web article's end stamp ("[ 责编:… ]" in one corpus text), which would drop ~94% of a naive
  // concatenation. The normalized texts have no such stamp, so they are what is repeated.
  const one = normalizedTexts.join('\n\n');
  const makeDoc = (copies: number): RawDoc => {
    const text = Array.from({ length: copies }, () => one).join('\n\n');
    return {
      meta: { ...raws[0].meta, id: `bench-corpus-x${copies}`, title: `bench: corpus ×${copies}` },
      origin: `bench:corpus×${copies}`, format: 'txt', encoding: 'UTF-8',
      bytes: Buffer.byteLength(text, 'utf8'), text, warnings: [],
    };
  };
  const runMany = (doc: RawDoc, label: string, mem?: MemPeak) => {
    const samples: StageMs[] = [];
    let normalized = 0;
    let sentences = 0;
    for (let i = 0; i < SCALE_RUNS; i++) {
      const a = analyze(doc);
      samples.push(a.timings);
      normalized = a.doc.text.length;
      sentences = a.doc.sentences.length;
      mem?.sample();
      log(`  ${label} run ${i + 1}/${SCALE_RUNS}: ${(sum(STAGES.map((s) => a.timings[s])) / 1000).toFixed(2)} s`);
    }
    return { chars: doc.text.length, normalized, sentences, ms: withTotal(stageMedians(samples)) };
  };
  const ratioOf = (a: { ms: Totalled; normalized: number }, b: { ms: Totalled; normalized: number }) => {
    const out = {} as Totalled;
    for (const k of [...STAGES, 'total'] as const) out[k] = round((a.ms[k] / a.normalized) / (b.ms[k] / b.normalized), 3);
    return out;
  };
  // Control: the same corpus as ONE document (×1), which separates "one document instead of five"
  // from "ten times the text".
  const x1 = runMany(makeDoc(1), 'corpus ×1 as one doc');
  const scaleMem = new MemPeak();
  const big = makeDoc(SCALE_COPIES);
  const x10 = runMany(big, `corpus ×${SCALE_COPIES}`, scaleMem);
  const singles = { ms: corpusTotal, normalized: normalizedChars };
  const scaleMs = x10.ms;
  return {
    runs: RUNS,
    docs,
    corpus: {
      chars, normalizedChars, sentences: sum(docs.map((d) => d.sentences)),
      medianMs: roundStages(corpusTotal), charsPerSecond: Math.round(chars / (corpusTotal.total / 1000)), usPerChar: perChar(corpusTotal, normalizedChars),
    },
    memory,
    scale: {
      copies: SCALE_COPIES, runs: SCALE_RUNS,
      input: `normalized corpus texts joined, repeated ${SCALE_COPIES}× as one document`,
      chars: x10.chars, normalizedChars: x10.normalized, sentences: x10.sentences,
      medianMs: roundStages(scaleMs), charsPerSecond: Math.round(x10.chars / (scaleMs.total / 1000)),
      usPerChar: perChar(scaleMs, x10.normalized), ratio: ratioOf(x10, singles),
      oneDoc: {
        chars: x1.chars, normalizedChars: x1.normalized, sentences: x1.sentences, medianMs: roundStages(x1.ms),
        usPerChar: perChar(x1.ms, x1.normalized), ratioVsSingles: ratioOf(x1, singles),
      },
      ratioVsOneDoc: ratioOf(x10, x1),
      memory: { peakRss: scaleMem.rss, peakHeapUsed: scaleMem.heapUsed, maxRssOs: MemPeak.maxRss() },
    },
  };
}

function roundStages<T extends Record<string, number>>(t: T): T {
  const out = {} as Record<string, number>;
  for (const [k, v] of Object.entries(t)) out[k] = round(v);
  return out as T;
}
