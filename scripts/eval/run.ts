/**
 * Extraction-quality report against the hand-checked gold (tests/gold/).
 *
 *   npm run eval [-- --split dev|test|all] [--json out.json]
 *
 * dev  = tests/gold/dev/<id>.json, texts from corpus/ (bundled documents) or tests/gold/dev/texts/
 * test = tests/gold/test/<id>.json, texts in tests/gold/test/texts/ (see items.ts)
 *
 * Runs the pipeline without a database, prints Markdown tables and writes every figure to
 * out/eval.json (or --json). Exits 0 whatever the scores; 1 only on usage errors or when the
 * pipeline cannot be loaded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { itemsOf, ROOT } from './items.js';
import {
  CITATION_FIELDS, combine, scoreDocument, SCORED_ENTITY_TYPES, SCORED_RELATION_TYPES,
  type Accuracy, type DocScore, type PRF, type SplitScore,
} from './score.js';


// ---------- arguments ----------

function parseArgs(argv: string[]): { split: 'dev' | 'test' | 'all'; json: string } {
  let split: 'dev' | 'test' | 'all' = 'dev';
  let json = join(ROOT, 'out/eval.json');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--split' || a.startsWith('--split=')) {
      const v = val();
      if (v !== 'dev' && v !== 'test' && v !== 'all') usage(`--split must be dev, test or all (got "${v}")`);
      split = v;
    } else if (a === '--json' || a.startsWith('--json=')) {
      json = resolve(val());
    } else if (a === '-h' || a === '--help') {
      usage();
    } else {
      usage(`unknown argument "${a}"`);
    }
  }
  return { split, json };
}

function usage(problem?: string): never {
  if (problem) console.error(`eval: ${problem}`);
  console.error('usage: npm run eval [-- --split dev|test|all] [--json out.json]');
  process.exit(problem ? 1 : 0);
}

// ---------- formatting ----------

const pct = (x: number | null) => (x === null ? '–' : (100 * x).toFixed(1));
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const sep = (n: number) => row(new Array(n).fill('---'));
const acc = (a: Accuracy) => `${pct(a.acc)} (${a.correct}/${a.total})`;

function table(head: string[], rows: (string | number)[][]): string {
  return [row(head), sep(head.length), ...rows.map(row)].join('\n');
}

function prfCells(x: PRF): (string | number)[] {
  return [x.tp, pct(x.p), pct(x.r), pct(x.f1)];
}

function splitReport(name: string, s: SplitScore, docs: DocScore[]): string {
  const out: string[] = [];
  out.push(`## ${name} split — ${s.documents} document(s), ${s.alignment.aligned}/${s.alignment.sentences} gold sentences aligned` +
    (s.alignment.gapped ? ` (${s.alignment.gapped} across a gap)` : '') +
    (s.alignment.unaligned ? `, ${s.alignment.unaligned} NOT aligned (their gold items count as misses)` : ''));

  out.push('', '### Entity mentions (strict = same type and span; lenient = same type, overlapping span)', '');
  const types = [...SCORED_ENTITY_TYPES, ...Object.keys(s.entities.strict).filter((t) => !(SCORED_ENTITY_TYPES as readonly string[]).includes(t))];
  out.push(table(
    ['type', 'gold', 'pred', 'strict TP', 'strict P', 'strict R', 'strict F1', 'lenient TP', 'lenient P', 'lenient R', 'lenient F1'],
    [
      ...types.map((t) => [t, s.entities.strict[t].gold, s.entities.strict[t].pred, ...prfCells(s.entities.strict[t]), ...prfCells(s.entities.lenient[t])]),
      ['**micro**', s.entities.strictMicro.gold, s.entities.strictMicro.pred, ...prfCells(s.entities.strictMicro), ...prfCells(s.entities.lenientMicro)],
    ],
  ));
  out.push('', `Canonical-name accuracy on strict matches: ${acc(s.entities.names)}`);

  out.push('', '### Measures (a pipeline measure overlapping a gold measure sentence)', '');
  const m = s.measures;
  out.push(table(['', 'gold', 'pred', 'TP', 'P', 'R', 'F1'], [
    ['measures', m.detection.gold, m.detection.pred, ...prfCells(m.detection)],
    ['targets of matched', m.targets.gold, m.targets.pred, ...prfCells(m.targets)],
  ]));
  out.push('', `Actor accuracy on matched: ${acc(m.actor)}; modality accuracy on matched: ${acc(m.modality)}`);

  out.push('', '### Relations (type + canonical ends, same sentence)', '');
  const rtypes = [...SCORED_RELATION_TYPES, ...Object.keys(s.relations.perType).filter((t) => !(SCORED_RELATION_TYPES as readonly string[]).includes(t))];
  out.push(table(['type', 'gold', 'pred', 'TP', 'P', 'R', 'F1'], [
    ...rtypes.map((t) => [t, s.relations.perType[t].gold, s.relations.perType[t].pred, ...prfCells(s.relations.perType[t])]),
    ['**micro**', s.relations.micro.gold, s.relations.micro.pred, ...prfCells(s.relations.micro)],
  ]));

  out.push('', '### Citations (matched by title)', '');
  const c = s.citations;
  out.push(table(['', 'gold', 'pred', 'TP', 'P', 'R', 'F1'], [['citations', c.detection.gold, c.detection.pred, ...prfCells(c.detection)]]));
  out.push('', table(['field (on matched citations)', 'exact-match accuracy'], CITATION_FIELDS.map((f) => [f, acc(c.fields[f])])));

  out.push('', '### Per document', '');
  out.push(table(
    ['document', 'aligned', 'entities strict F1', 'entities lenient F1', 'measures F1', 'relations F1', 'citations F1'],
    docs.map((d) => [
      d.document, `${d.alignment.aligned}/${d.alignment.sentences}`, pct(d.entities.strictMicro.f1), pct(d.entities.lenientMicro.f1),
      pct(d.measures.detection.f1), pct(d.relations.micro.f1), pct(d.citations.detection.f1),
    ]),
  ));
  const unaligned = docs.flatMap((d) => d.alignment.unaligned.map((q) => `- ${d.document}: ${q}`));
  if (unaligned.length) out.push('', 'Gold sentences not found in the pipeline text:', ...unaligned);
  const unlocated = docs.flatMap((d) => d.errors.unlocated.map((u) => `${d.document}#${u.sentence}:${u.surface}`));
  if (unlocated.length) out.push('', `Gold mentions not located in their aligned quote (${unlocated.length}): ${unlocated.slice(0, 20).join(', ')}${unlocated.length > 20 ? ' …' : ''}`);
  return out.join('\n');
}

// ---------- main ----------

async function main(): Promise<void> {
  const { split, json } = parseArgs(process.argv.slice(2));
  let pipeline: { analyze: typeof import('../../ingest/pipeline.js').analyze; loadFile: typeof import('../../ingest/load/index.js').loadFile } | null = null;
  const loadPipeline = async () => {
    if (pipeline) return pipeline;
    try {
      const { analyze } = await import('../../ingest/pipeline.js');
      const { loadFile } = await import('../../ingest/load/index.js');
      return (pipeline = { analyze, loadFile });
    } catch (e) {
      console.error(`eval: the pipeline cannot be loaded yet: ${(e as Error).message.split('\n')[0]}`);
      process.exit(1);
    }
  };

  const report: Record<string, unknown> = { generatedAt: new Date().toISOString(), splits: {} as Record<string, unknown> };
  const printed: string[] = ['# Extraction quality against tests/gold', ''];
  const splits: ('dev' | 'test')[] = split === 'all' ? ['dev', 'test'] : [split];
  for (const name of splits) {
    const items = itemsOf(name);
    if (!items) {
      printed.push(`## ${name} split`, '', name === 'test' ? 'no test split yet' : 'no dev gold files', '');
      (report.splits as Record<string, unknown>)[name] = null;
      continue;
    }
    const { analyze, loadFile } = await loadPipeline();
    const docs: DocScore[] = [];
    const problems: string[] = [];
    for (const it of items) {
      if (!it.textPath) { problems.push(`${it.gold.document}: no text found for this gold file`); continue; }
      try {
        const a = analyze(loadFile(it.textPath, it.meta));
        docs.push(scoreDocument(it.gold, {
          text: a.doc.text,
          sentences: a.doc.sentences,
          entities: a.extraction.entities,
          mentions: a.extraction.mentions,
          measures: a.extraction.measures,
          relations: a.extraction.relations,
          citations: a.extraction.citations,
        }));
      } catch (e) {
        problems.push(`${it.gold.document}: pipeline failed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    const total = combine(docs);
    printed.push(splitReport(name, total, docs), '');
    if (problems.length) printed.push('Not scored:', ...problems.map((p) => `- ${p}`), '');
    (report.splits as Record<string, unknown>)[name] = { overall: total, documents: docs, notScored: problems };
  }
  console.log(printed.join('\n'));
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`(all figures written to ${json})`);
}

await main();
