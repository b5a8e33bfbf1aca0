import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { FORMAT_BY_EXTENSION, fileMeta } from './load/index.js';
import { DOC_KINDS, type DocKind, type DocMeta } from './types.js';

/** A file to ingest and the metadata it will be stored with. */
export interface Source {
  path: string;
  meta: DocMeta;
}

interface ManifestEntry extends Partial<DocMeta> {
  file: string;
}

/** Reads <dir>/manifest.json if present; a malformed manifest is an error naming the file. */
export function readManifest(dir: string): Map<string, ManifestEntry> {
  const path = join(dir, 'manifest.json');
  const out = new Map<string, ManifestEntry>();
  if (!existsSync(path)) return out;
  let data: { documents?: ManifestEntry[] };
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  (data.documents ?? []).forEach((d, i) => {
    if (!d.file) throw new Error(`${path}: documents[${i}] has no "file"`);
    if (d.kind && !DOC_KINDS.includes(d.kind as DocKind)) {
      throw new Error(`${path}: documents[${i}].kind "${d.kind}" is not one of ${DOC_KINDS.join(', ')}`);
    }
    out.set(d.file, d);
  });
  return out;
}

/** Expands files and folders (not recursive into dot-folders) into sources, sorted by path. */
export function listSources(paths: string[]): Source[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new Error(`${p}: no such file or folder`);
    if (statSync(abs).isDirectory()) {
      for (const f of readdirSync(abs).sort()) {
        // README.md describes the folder; it is not a document of the corpus.
        if (f.startsWith('.') || /^readme\./i.test(f)) continue;
        if (extname(f).toLowerCase() in FORMAT_BY_EXTENSION) files.push(join(abs, f));
      }
    } else {
      files.push(abs);
    }
  }
  const manifests = new Map<string, Map<string, ManifestEntry>>();
  return files.map((path) => {
    const dir = dirname(path);
    if (!manifests.has(dir)) manifests.set(dir, readManifest(dir));
    return { path, meta: fileMeta(path, manifests.get(dir)!.get(basename(path))) };
  });
}
