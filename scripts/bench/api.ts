/**
 * Section 3: the GraphQL API over real HTTP on loopback. A fixed set of operations, each sent
 * WARMUP times and then SEQUENTIAL times one after another; then LOAD_REQUESTS requests over the
 * mix from CONCURRENCY workers. Every loop has a fixed count and every request a timeout.
 */
import type { Config } from '../../src/config.js';
import type { Db } from '../../src/db/executor.js';
import { startServer } from '../../src/server.js';
import { median, percentile, round, sum } from './stats.js';

export const WARMUP = 3;
export const SEQUENTIAL = 30;
export const LOAD_REQUESTS = 200;
export const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 30_000;

export interface Op {
  name: string;
  /** short label for the table */
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  /** a one-line description of what came back, to show the query did real work */
  describe(data: any): string;
}

export function operations(docId: string): Op[] {
  return [
    {
      name: 'measures',
      label: 'measures(target:"县域主导产业")',
      query: `query Measures { measures(target: "县域主导产业", first: 20) {
        totalCount resolution { strategy head qualifier }
        edges { node { id text modality cue sentence { id text ordinal } document { id title } targets { id name type } } } } }`,
      describe: (d) => `${d.measures.edges.length}/${d.measures.totalCount} measures (${d.measures.resolution?.strategy})`,
    },
    {
      name: 'search',
      label: 'search(query:"城市群", first:20)',
      query: `query Search { search(query: "城市群", first: 20) { totalCount edges { score exact node { id name type documentCount } } } }`,
      describe: (d) => `${d.search.edges.length}/${d.search.totalCount} entities`,
    },
    {
      name: 'place',
      label: 'place(name:"钦州") partOf ancestors',
      query: `query Place { place(name: "钦州") { id name level code partOf { id name level } ancestors { id name level } } }`,
      describe: (d) => (d.place ? `${d.place.name} → ${d.place.ancestors.map((a: { name: string }) => a.name).join(' → ') || '(no ancestors)'}` : 'null'),
    },
    {
      name: 'document',
      label: 'document(largest) sentences/entities/citations',
      query: `query Doc($id: ID!) { document(id: $id) { id title sentenceCount
        sentences(first: 100) { totalCount edges { node { text } } }
        entities(first: 100) { totalCount edges { mentions node { id name type } } }
        citations { id title authors year kind marker } } }`,
      variables: { id: docId },
      describe: (d) => (d.document
        ? `${d.document.sentences.edges.length} sentences, ${d.document.entities.edges.length} entities, ${d.document.citations.length} citations`
        : 'null'),
    },
    {
      name: 'graph',
      label: 'graph(documentId: largest, first:200)',
      query: `query Graph($id: ID!) { graph(documentId: $id, first: 200) {
        totalCount nodes { id } edges { id type source target sentenceId } } }`,
      variables: { id: docId },
      describe: (d) => `${d.graph.nodes.length} nodes, ${d.graph.edges.length}/${d.graph.totalCount} edges`,
    },
    {
      name: 'entity',
      label: 'entity(name:"国家发改委"){ name }',
      query: `query Entity { entity(name: "国家发改委") { name } }`,
      describe: (d) => (d.entity ? d.entity.name : 'null'),
    },
  ];
}

interface Reply { ms: number; bytes: number; data: any; errors?: { message: string }[]; status: number }

async function send(url: string, op: Op): Promise<Reply> {
  const body = JSON.stringify({ query: op.query, variables: op.variables ?? {} });
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text(); // the whole body is part of the latency
  const ms = performance.now() - t0;
  let parsed: { data?: any; errors?: { message: string }[] } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: `HTTP ${res.status}: not JSON: ${text.slice(0, 200)}` }] };
  }
  return { ms, bytes: Buffer.byteLength(text), data: parsed.data, errors: parsed.errors, status: res.status };
}

export interface OpFigures {
  name: string;
  label: string;
  result: string;
  responseBytes: number;
  error: string | null;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  samples: number[];
}

export interface ApiFigures {
  url: string;
  documentId: string;
  warmup: number;
  sequential: number;
  ops: OpFigures[];
  load: {
    requests: number;
    concurrency: number;
    ops: string[];
    seconds: number;
    requestsPerSecond: number;
    errors: number;
    p50: number;
    p95: number;
    max: number;
  };
}

/** The largest stored document (by normalized characters), asked through the API itself. */
async function largestDocument(url: string): Promise<string> {
  const r = await send(url, {
    name: 'documents', label: '', describe: () => '',
    query: 'query Docs { documents(first: 100) { edges { node { id chars sentenceCount } } } }',
  });
  if (r.errors?.length || !r.data) throw new Error(`documents query failed: ${JSON.stringify(r.errors)}`);
  const nodes = r.data.documents.edges.map((e: { node: { id: string; chars: number | null } }) => e.node);
  if (!nodes.length) throw new Error('no documents stored: nothing to query');
  nodes.sort((a: { chars: number | null }, b: { chars: number | null }) => (b.chars ?? 0) - (a.chars ?? 0));
  return nodes[0].id;
}

export async function benchApi(config: Config, db: Db, log: (m: string) => void): Promise<{ figures?: ApiFigures; close(): Promise<void> }> {
  // Loopback only, port 0 (any free port), no librarian token: the benchmark only reads.
  const server = await startServer({ config: { ...config, host: '127.0.0.1', port: 0, librarianToken: null }, db });
  const close = () => server.close();
  try {
    const url = server.url;
    log(`  server at ${url}`);
    const docId = await largestDocument(url);
    log(`  largest document: ${docId}`);
    const ops = operations(docId);
    const figures: OpFigures[] = [];
    for (const op of ops) {
      let last: Reply | undefined;
      let error: string | null = null;
      for (let i = 0; i < WARMUP; i++) {
        last = await send(url, op);
        if (last.errors?.length || !last.data) {
          error = (last.errors ?? [{ message: `HTTP ${last.status}, no data` }]).map((e) => e.message).join('; ');
          break;
        }
      }
      if (error || !last) {
        log(`  ${op.name}: ERROR ${error} (left out of the timings and of the mix)`);
        figures.push({ name: op.name, label: op.label, result: '', responseBytes: 0, error, p50: NaN, p95: NaN, max: NaN, mean: NaN, samples: [] });
        continue;
      }
      const samples: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) {
        const r = await send(url, op);
        if (r.errors?.length) error ??= r.errors.map((e) => e.message).join('; ');
        samples.push(r.ms);
      }
      const f: OpFigures = {
        name: op.name, label: op.label, result: op.describe(last.data), responseBytes: last.bytes, error,
        p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(Math.max(...samples)),
        mean: round(sum(samples) / samples.length), samples: samples.map((x) => round(x)),
      };
      figures.push(f);
      log(`  ${op.name}: p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms — ${f.result}, ${f.responseBytes} B`);
    }

    const mix = ops.filter((op) => !figures.find((f) => f.name === op.name)?.error);
    let next = 0;
    let sent = 0;
    let errors = 0;
    const latencies: number[] = [];
    const t0 = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= LOAD_REQUESTS || mix.length === 0) return;
        sent++;
        try {
          const r = await send(url, mix[i % mix.length]);
          latencies.push(r.ms);
          if (r.errors?.length) errors++;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const load = {
      requests: sent, concurrency: CONCURRENCY, ops: mix.map((o) => o.name),
      seconds: round(seconds, 3), requestsPerSecond: round(sent / seconds, 1), errors,
      p50: round(median(latencies)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)),
    };
    log(`  ${sent} requests, concurrency ${CONCURRENCY}: ${load.requestsPerSecond} req/s (p50 ${load.p50} ms, p95 ${load.p95} ms, ${errors} errors)`);
    return { figures: { url, documentId: docId, warmup: WARMUP, sequential: SEQUENTIAL, ops: figures, load }, close };
  } catch (e) {
    await close();
    throw e;
  }
}
