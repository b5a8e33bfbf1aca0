import type { EntityType, PlaceLevel } from '../types.js';

/**
 * What an entity recogniser proposes before resolution: a span in one sentence and the
 * canonical entity it believes the span names. `resolve` drops overlapping spans (longest
 * wins, then higher `priority`), merges candidates with the same key into one Entity and
 * collects their aliases.
 */
export interface Candidate {
  type: EntityType;
  surface: string;
  /** document offsets (UTF-16 code units into CleanDoc.text), end exclusive */
  start: number;
  end: number;
  sentence: number;
  /** canonical name (钦州 → 钦州市; 国家发改委 → 国家发展和改革委员会) */
  name: string;
  /** other names known for this entity (gazetteer short names, lexicon aliases) */
  aliases?: string[];
  level?: PlaceLevel;
  code?: string;
  issued?: string;
  /** canonical key of the containing place, for PART_OF (gazetteer parent or 苍南县龙港镇 chains) */
  partOf?: string;
  /** tie-breaker between equally long overlapping spans: gazetteer/lexicon > pattern */
  priority: number;
}

/** Stable entity id: `${type}:${code ?? name}`, lower-case type. */
export function entityKey(type: EntityType, name: string, code?: string): string {
  return `${type.toLowerCase()}:${code ?? name}`;
}
