import type { Entity, Extraction, Relation, SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import { resolve } from '../resolve/index.js';
import { extractPlaces, placeHierarchy, clusterMembers, placeNode } from './places.js';
import { extractOrganizations } from './organizations.js';
import { extractPolicies, issuedBy } from './policies.js';
import { extractIndustries } from './industries.js';
import { extractTheories } from './theories.js';
import { extractConcepts } from './concepts.js';
import { extractPeople } from './people.js';
import { extractCitations } from './citations.js';
import { linkNotes } from './notes.js';
import { bySentence, uniqueBy } from './match.js';
import { extractMeasures } from './measures.js';
import { extractCueRelations, extractMembership } from './cue-relations.js';
import type { ImpliedFacts } from '../write/payload.js';

/**
 * Every recogniser over one segmented document, then resolution to canonical entities, then
 * the facts that need resolved mentions (measures, issuers, cue relations). Pure.
 */
const APPROVAL_CUE = /^(批复|批复同意|批准)$/;

export function extract(doc: SegmentedDoc): Extraction {
  const citations = extractCitations(doc);
  const places = extractPlaces(doc);
  const orgs = extractOrganizations(doc);
  const policies = extractPolicies(doc);
  const candidates: Candidate[] = [
    ...places.candidates, ...orgs, ...policies,
    ...extractIndustries(doc), ...extractTheories(doc), ...extractConcepts(doc),
    ...extractPeople(doc, citations),
  ];
  const { entities, mentions } = resolve(candidates);

  // Facts only count between entities that survived resolution.
  const live = (k: string) => entities.has(k);
  const relations: Relation[] = [];
  for (const p of places.partOf) if (live(p.from) && live(p.to)) relations.push({ type: 'PART_OF', from: p.from, to: p.to, sentence: p.sentence });
  const spans = new Set(mentions.map((m) => `${m.type}|${m.start}|${m.end}`));
  const kept = (cs: Candidate[]) => cs.filter((c) => spans.has(`${c.type}|${c.start}|${c.end}`));
  for (const f of issuedBy(doc, kept(policies), kept(orgs))) {
    // approval (国务院批复的《规划》) is not issuing (guidelines); an issuer named in a 批复 title is
    if (APPROVAL_CUE.test(f.cue)) continue;
    if (live(f.policy) && live(f.org)) relations.push({ type: 'ISSUED_BY', from: f.policy, to: f.org, sentence: f.sentence, date: f.date });
  }
  relations.push(...extractCueRelations(doc, mentions).filter((r) => live(r.from) && live(r.to)));
  relations.push(...extractMembership(doc, mentions, entities).filter((r) => live(r.from) && live(r.to)));

  return {
    entities: [...entities.values()],
    mentions,
    measures: extractMeasures(doc, mentions, entities, bySentence(mentions)),
    citations,
    relations: uniqueBy(relations, (r) => `${r.type}|${r.from}|${r.to}|${r.sentence}`),
    notes: linkNotes(doc),
  };
}

/**
 * Reference facts the mentioned places imply: gazetteer ancestors up to the country (so a
 * county answers "which province?") and the members of a mentioned city cluster.
 */
export function implyFacts(x: Extraction): ImpliedFacts {
  const entities = new Map<string, Entity>();
  const reference: ImpliedFacts['reference'] = [];
  const known = new Set(x.entities.map((e) => e.key));
  const ensure = (key: string): boolean => {
    if (entities.has(key) || known.has(key)) return true;
    const n = placeNode(key);
    if (!n) return false;
    entities.set(key, { key, type: 'PLACE', name: n.name, aliases: n.aliases, level: n.level, ...(n.code ? { code: n.code } : {}) });
    return true;
  };
  const places = x.entities.filter((e) => e.type === 'PLACE');
  const withAncestors = (key: string) => {
    let child = key;
    for (const a of placeHierarchy(key)) {
      if (!ensure(a.key)) break;
      reference.push({ type: 'PART_OF', from: child, to: a.key, source: 'gazetteer' });
      child = a.key;
    }
  };
  for (const p of places) withAncestors(p.key);
  const clusters = new Set(places.filter((p) => p.level === 'cluster').map((p) => p.key));
  for (const m of clusterMembers()) {
    if (!clusters.has(m.cluster) || !ensure(m.member)) continue;
    reference.push({ type: 'MEMBER_OF', from: m.member, to: m.cluster, source: 'lexicon' });
    if (m.core) reference.push({ type: 'CORE_OF', from: m.member, to: m.cluster, source: 'lexicon' });
    withAncestors(m.member);
  }
  return {
    entities: [...entities.values()],
    reference: uniqueBy(reference, (r) => `${r.type}|${r.from}|${r.to}`),
  };
}
