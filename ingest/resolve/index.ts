import type { Entity, Mention } from '../types.js';
import { entityKey, type Candidate } from '../extract/candidate.js';

export interface Resolved {
  entities: Map<string, Entity>;
  mentions: Mention[];
  /** key of the parent place claimed by a candidate (gazetteer parent or written chain) */
  parents: Map<string, string>;
}

/**
 * Picks one reading per span and merges candidates into canonical entities.
 *
 * Overlaps: within a sentence, longer spans win (县域主导产业 over 主导产业, 苍南县龙港镇's
 * parts are separate non-overlapping candidates), then higher priority, then earlier start.
 * Candidates with the same key merge: aliases are the union of declared aliases and every
 * surface seen that differs from the canonical name.
 */
export function resolve(candidates: Candidate[]): Resolved {
  const sorted = [...candidates].sort(
    (a, b) => a.sentence - b.sentence || (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const taken = new Map<number, Array<[number, number]>>();
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    const spans = taken.get(c.sentence) ?? [];
    if (spans.some(([s, e]) => c.start < e && s < c.end)) continue;
    spans.push([c.start, c.end]);
    taken.set(c.sentence, spans);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);

  const entities = new Map<string, Entity>();
  const parents = new Map<string, string>();
  const mentions: Mention[] = [];
  for (const c of chosen) {
    const key = entityKey(c.type, c.name, c.code);
    let e = entities.get(key);
    if (!e) {
      e = { key, type: c.type, name: c.name, aliases: [] };
      if (c.level) e.level = c.level;
      if (c.code) e.code = c.code;
      entities.set(key, e);
    }
    if (c.issued && !e.issued) e.issued = c.issued;
    for (const a of [...(c.aliases ?? []), c.surface]) {
      if (a && a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
    }
    if (c.partOf && !parents.has(key)) parents.set(key, c.partOf);
    mentions.push({ type: c.type, surface: c.surface, start: c.start, end: c.end, sentence: c.sentence, entity: key });
  }
  return { entities, mentions, parents };
}
