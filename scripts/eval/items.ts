/**
 * Which gold files a split has and which text each one annotates.
 *
 * dev  = tests/gold/dev/<id>.json; the text is a bundled document (corpus/, matched by id through
 *        corpus/manifest.json) or an extra development text in tests/gold/dev/texts/
 *        (tests/gold/dev/manifest.json)
 * test = tests/gold/test/<id>.json; texts in tests/gold/test/texts/ (tests/gold/test/manifest.json)
 * A text without a manifest entry is found by file name = id.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocKind, DocMeta } from '../../ingest/types.js';
import type { GoldDoc } from './score.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLD = join(ROOT, 'tests/gold');
export type Split = 'dev' | 'test';

export interface Item { gold: GoldDoc; goldPath: string; textPath: string | null; meta: DocMeta }

interface ManifestEntry { id?: string; file: string; title?: string; kind?: string; year?: number | null; authors?: string[]; source?: string | null; url?: string | null }

/** A folder of texts with its manifest. */
interface Shelf { dir: string; entries: ManifestEntry[]; files: string[] }

function shelf(dir: string, manifest: string): Shelf {
  const entries = existsSync(manifest)
    ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { documents?: ManifestEntry[] }).documents ?? [])
    : [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f !== 'manifest.json') : [];
  return { dir, entries, files };
}

function shelvesOf(split: Split): Shelf[] {
  const goldDir = join(GOLD, split);
  const own = shelf(join(goldDir, 'texts'), join(goldDir, 'manifest.json'));
  return split === 'dev' ? [shelf(join(ROOT, 'corpus'), join(ROOT, 'corpus/manifest.json')), own] : [own];
}

function metaOf(id: string, e: ManifestEntry | undefined): DocMeta {
  return {
    id,
    title: e?.title ?? '',
    kind: (e?.kind as DocKind) ?? 'other',
    year: e?.year ?? null,
    authors: e?.authors ?? [],
    source: e?.source ?? null,
    url: e?.url ?? null,
  };
}

/** A manifest entry on any shelf wins over a bare file name, so the document keeps its metadata. */
function locate(id: string, shelves: Shelf[]): { textPath: string | null; entry?: ManifestEntry } {
  for (const s of shelves) {
    const entry = s.entries.find((e) => e.id === id);
    if (entry) return { textPath: existsSync(join(s.dir, entry.file)) ? join(s.dir, entry.file) : null, entry };
  }
  for (const s of shelves) {
    const file = s.files.find((t) => basename(t, extname(t)) === id);
    if (file) return { textPath: join(s.dir, file) };
  }
  return { textPath: null };
}

/** One gold file with its text and metadata (`shelves`: the split's, read once per split by itemsOf). */
export function itemOf(goldPath: string, split: Split, shelves: Shelf[] = shelvesOf(split)): Item {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDoc;
  const id = gold.document ?? basename(goldPath, '.json');
  const { textPath, entry } = locate(id, shelves);
  return { gold, goldPath, textPath, meta: metaOf(id, entry) };
}

export function goldFiles(split: Split): string[] {
  const dir = join(GOLD, split);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'manifest.json').sort().map((f) => join(dir, f));
}

/** Gold files of a split with the text each one scores; null when the split has no gold yet. */
export function itemsOf(split: Split): Item[] | null {
  const files = goldFiles(split);
  if (!files.length) return null;
  const shelves = shelvesOf(split);
  return files.map((f) => itemOf(f, split, shelves));
}
