import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Entity, EntityType, Mention, Relation, SegmentedDoc } from '../../ingest/types.js';
import { makeDoc } from './make-doc.js';

/** Extractor tests run on passages copied literally from the bundled corpus. */
export const CORPUS = new URL('../../corpus/', import.meta.url);
export const corpus = (file: string): string => readFileSync(new URL(file, CORPUS), 'utf8');
export const FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
/** The file system path of a corpus file, for the load stage. */
export const corpusPath = (file: string): string => fileURLToPath(new URL(file, CORPUS));

export const CHANG = '2024-chang-county-leading-industries-new-urbanization.txt';
export const QU = '2016-qu-urbanization-collaborative-innovation.txt';
export const XU = '2023-xu-collaborative-innovation-city-clusters.txt';
export const GX = '2017-gxlib-beibu-gulf-city-cluster-bulletin.txt';
export const YT = 'undated-yu-tang-zhejiang-small-city-cultivation.txt';

/** A doc over lines copied literally from one corpus file: the test fails if the corpus no longer has them. */
export function docOf(file: string, ...lines: string[]): SegmentedDoc {
  for (const l of lines) expect(corpus(file)).toContain(l);
  return makeDoc(lines.join('\n'));
}

export type MentionSpec = [surface: string, type: EntityType, entity: string];

/** Every non-overlapping occurrence of each surface (longest first) as a Mention, for tests that hand mentions in. */
export function mentionsFor(doc: SegmentedDoc, specs: MentionSpec[]): Mention[] {
  const taken: [number, number][] = [];
  const out: Mention[] = [];
  for (const [surface, type, entity] of [...specs].sort((a, b) => b[0].length - a[0].length)) {
    for (let i = doc.text.indexOf(surface); i >= 0; i = doc.text.indexOf(surface, i + 1)) {
      const e = i + surface.length;
      if (taken.some(([a, b]) => i < b && a < e)) continue;
      const s = doc.sentences.find((x) => x.start <= i && e <= x.end);
      if (!s) continue;
      taken.push([i, e]);
      out.push({ type, surface, start: i, end: e, sentence: s.ordinal, entity });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The entities behind mention specs: the name is the part of the key after its type. */
export function entitiesOf(specs: MentionSpec[]): Map<string, Entity> {
  const m = new Map<string, Entity>();
  for (const [surface, type, key] of specs) m.set(key, { key, type, name: key.split(':')[1] ?? surface, aliases: [] });
  return m;
}

/** "from TYPE to" (entity keys) for each relation. */
export const relationPairs = (rs: Relation[]): string[] => rs.map((r) => `${r.from} ${r.type} ${r.to}`);
