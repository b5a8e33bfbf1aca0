/**
 * Checks gold files before they are used for scoring (tests/gold/README.md "Adding a document",
 * step 4): shape, surfaces inside their quote in the listed order, actor/targets/relation ends
 * among the sentence's mention names, quotes found in order in the source text.
 *
 *   npm run gold:check [-- <gold.json> …]     (default: every file of both splits)
 *
 * Reads only the gold and the source text — never the extractor — so annotators can run it.
 * Exits 1 when a file has errors; warnings (a quote joined across a gap, targets that are not
 * "all names but the actor") are printed but do not fail.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { decodeBytes } from '../../ingest/load/index.js';
import { alignSentences, squeeze } from './align.js';
import { goldFiles, itemOf, ROOT, type Split } from './items.js';
import { SCORED_ENTITY_TYPES, SCORED_RELATION_TYPES, type GoldDoc, type GoldSentence } from './score.js';

const MODALITIES = new Set(['must', 'should', 'need', 'suggest', 'action']);
const CITATION_KEYS = ['marker', 'authors', 'title', 'venue', 'year', 'kind'] as const;

export interface Finding { level: 'error' | 'warning'; where: string; problem: string }

const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** Mention surfaces placed in the quote in order; returns the surfaces that could not be placed. */
function unplaced(quote: string, surfaces: string[]): string[] {
  const q = squeeze(quote);
  const missing: string[] = [];
  let cursor = 0;
  for (const s of surfaces) {
    const p = q.indexOf(squeeze(s), cursor);
    if (p < 0) missing.push(s);
    else cursor = p + squeeze(s).length;
  }
  return missing;
}

function checkSentence(s: GoldSentence, where: string, out: Finding[]): void {
  const err = (problem: string): void => { out.push({ level: 'error', where, problem }); };
  if (!isStr(s.quote)) return err('quote missing');
  if (!Array.isArray(s.mentions)) return err('mentions is not an array');
  if (!Array.isArray(s.relations)) err('relations is not an array');
  const names = new Set<string>();
  for (const m of s.mentions) {
    if (!isStr(m.surface) || !isStr(m.name)) err(`mention without surface/name: ${JSON.stringify(m)}`);
    else names.add(m.name);
    if (!(SCORED_ENTITY_TYPES as readonly string[]).includes(m.type)) err(`unknown type ${m.type} for "${m.surface}"`);
  }
  const lost = unplaced(s.quote, s.mentions.map((m) => m.surface).filter(isStr));
  if (lost.length) err(`surfaces not found in order in the quote: ${lost.join(', ')}`);
  const m = s.measure;
  if (m !== null && m !== undefined) {
    if (!MODALITIES.has(m.modality)) err(`measure modality "${m.modality}"`);
    if (m.actor === undefined) err('measure actor key missing (use null)');
    else if (m.actor !== null && !names.has(m.actor)) err(`actor "${m.actor}" is not a mention name of the sentence`);
    if (!Array.isArray(m.targets)) err('measure targets is not an array');
    else {
      for (const t of m.targets) if (!names.has(t)) err(`target "${t}" is not a mention name of the sentence`);
      const expected = [...names].filter((n) => n !== m.actor).sort().join('|');
      if ([...new Set(m.targets)].sort().join('|') !== expected) {
        out.push({ level: 'warning', where, problem: 'targets are not all distinct mention names except the actor' });
      }
    }
  } else if (m === undefined) err('measure key missing (use null)');
  for (const r of Array.isArray(s.relations) ? s.relations : []) {
    if (!(SCORED_RELATION_TYPES as readonly string[]).includes(r.type)) err(`unknown relation type ${r.type}`);
    for (const end of [r.from, r.to]) if (!names.has(end)) err(`${r.type} end "${end}" is not a mention name of the sentence`);
  }
}

/** Every finding for one gold document against its source text (null when no text was found). */
export function checkGold(gold: GoldDoc, text: string | null): Finding[] {
  const out: Finding[] = [];
  if (!isStr(gold.document)) out.push({ level: 'error', where: 'document', problem: 'document id missing' });
  if (!Array.isArray(gold.sentences)) return [...out, { level: 'error', where: 'sentences', problem: 'not an array' }];
  gold.sentences.forEach((s, i) => checkSentence(s, `sentence ${i}`, out));
  if (gold.citations !== undefined && !Array.isArray(gold.citations)) out.push({ level: 'error', where: 'citations', problem: 'not an array' });
  (Array.isArray(gold.citations) ? gold.citations : []).forEach((c, i) => {
    if (c === null || typeof c !== 'object') return out.push({ level: 'error', where: `citation ${i}`, problem: 'not an object' });
    const missing = CITATION_KEYS.filter((k) => !(k in c));
    if (missing.length) out.push({ level: 'error', where: `citation ${i}`, problem: `missing keys ${missing.join(', ')}` });
    if (!Array.isArray(c.authors)) out.push({ level: 'error', where: `citation ${i}`, problem: 'authors is not an array' });
  });
  if (text === null) return [...out, { level: 'error', where: 'text', problem: 'no source text found (manifest entry / texts folder)' }];
  const quotes = gold.sentences.map((s) => (isStr(s.quote) ? s.quote : ''));
  alignSentences(text, [{ ordinal: 0, start: 0, end: text.length }], quotes, { minFirstPiece: 1 }).forEach((al, i) => {
    if (!al.found) out.push({ level: 'error', where: `sentence ${i}`, problem: `quote not found in the text (after the previous quote): ${al.quote.slice(0, 40)}…` });
    else if (al.pieces.length > 1) out.push({ level: 'warning', where: `sentence ${i}`, problem: `quote joined across ${al.pieces.length - 1} gap(s)` });
  });
  return out;
}

function splitOf(path: string): Split {
  return relative(ROOT, path).split(sep).includes('test') ? 'test' : 'dev';
}

function main(): void {
  const args = process.argv.slice(2).map((a) => resolve(a));
  const files = args.length ? args.filter((a) => !a.endsWith('manifest.json')) : [...goldFiles('dev'), ...goldFiles('test')];
  let errors = 0;
  for (const path of files) {
    let findings: Finding[];
    try {
      const item = itemOf(path, splitOf(path));
      const text = item.textPath ? decodeBytes(readFileSync(item.textPath), item.textPath).text : null;
      findings = checkGold(item.gold, text);
    } catch (e) {
      findings = [{ level: 'error', where: 'file', problem: (e as Error).message.split('\n')[0] }];
    }
    const n = findings.filter((f) => f.level === 'error').length;
    errors += n;
    console.log(`${relative(ROOT, path)}: ${n ? `${n} error(s)` : 'ok'}${findings.length > n ? `, ${findings.length - n} warning(s)` : ''}`);
    for (const f of findings) console.log(`  ${f.level}: ${f.where}: ${f.problem}`);
  }
  process.exit(errors ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'scripts/eval/check-gold.ts')) main();
