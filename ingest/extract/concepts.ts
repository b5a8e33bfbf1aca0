import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import { PRIORITY, createMatcher, entriesFromRows } from './match.js';

/**
 * CONCEPT recogniser: curated entries of schema/lexicons/concepts.tsv only (no productive
 * pattern, to keep precision). 城镇化 = 城市化 and 县域 = 县域地区 are one concept each; the
 * named effects (集聚效应, 虹吸效应 …) are concepts, not theories. A concept nested in a longer
 * concept (城镇化 in 新型城镇化) is dropped; overlaps with other types are left to resolve
 * (农业 in 农业转移人口市民化 loses there to the longer span).
 */

let matcher: ((doc: SegmentedDoc) => Candidate[]) | null = null;

/** All concept candidates of a document. Pure; the lexicon is loaded once. */
export function extractConcepts(doc: SegmentedDoc): Candidate[] {
  matcher ??= createMatcher(entriesFromRows(loadLexicon('concepts'), 'CONCEPT', PRIORITY.lexicon));
  return matcher(doc);
}
