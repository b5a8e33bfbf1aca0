import type { RawDoc, CleanDoc, SegmentedDoc, Extraction } from './types.js';
import { normalize } from './normalize/index.js';
import { structure } from './structure/index.js';
import { segment } from './segment/index.js';
import { extract, implyFacts } from './extract/index.js';
import type { ImpliedFacts } from './write/payload.js';

/** Bump when extraction output changes for the same input, so stored documents are re-extracted. */
export const EXTRACTOR_VERSION = '2';

export type Stage = 'normalize' | 'structure' | 'segment' | 'extract';
export const STAGES: Stage[] = ['normalize', 'structure', 'segment', 'extract'];

export interface Analysis {
  doc: SegmentedDoc;
  extraction: Extraction;
  implied: ImpliedFacts;
  /** milliseconds per stage */
  timings: Record<Stage, number>;
}

/**
 * load → normalize → structure → segment → extract (+ resolve): everything up to the database,
 * as pure stages. `onStage` lets the CLI draw progress; `normalized` skips a normalize already done.
 */
export function analyze(raw: RawDoc, onStage?: (s: Stage) => void, normalized?: CleanDoc): Analysis {
  const timings = {} as Record<Stage, number>;
  const step = <T>(s: Stage, f: () => T): T => {
    onStage?.(s);
    const t0 = performance.now();
    const out = f();
    timings[s] = performance.now() - t0;
    return out;
  };
  const clean = normalized ?? step('normalize', () => normalize(raw));
  const structured = step('structure', () => structure(clean));
  const doc = step('segment', () => segment(structured));
  const extraction = step('extract', () => extract(doc));
  return { doc, extraction, implied: implyFacts(extraction), timings };
}
