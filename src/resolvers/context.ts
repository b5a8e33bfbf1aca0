import type { Config } from '../config.js';
import type { Db } from '../db/executor.js';
import * as graph from '../graph/index.js';
import { isLibrarian } from '../auth.js';
import { Loader, PageLoader } from './loader.js';
import type { EntityType } from '../../ingest/types.js';

/** Batch loaders for one request; each runs one Cypher query per resolver wave. */
export function createLoaders(db: Db) {
  const empty = <T>(): T[] => [];
  return {
    documents: new Loader<graph.DocumentRow | null>((ids) => graph.documentsByIds(db, ids), null),
    sections: new Loader<graph.SectionRow[]>((ids) => graph.documentSections(db, ids), empty()),
    sentenceMentions: new Loader<graph.MentionRow[]>((ids) => graph.mentionsInSentences(db, ids), empty()),
    documentNotes: new Loader<graph.NoteRow[]>((ids) => graph.notesOfDocuments(db, ids), empty()),
    sentenceNotes: new Loader<graph.NoteRow[]>((ids) => graph.notesOfSentences(db, ids), empty()),
    citations: new Loader<graph.CitationRow[]>((ids) => graph.citationsOf(db, ids), empty()),
    entities: new Loader<graph.EntityRow | null>((ids) => graph.entitiesByIds(db, ids), null),
    entityStats: new Loader<graph.EntityStats>((ids) => graph.entityStats(db, ids), { mentions: 0, documents: 0 }),
    parents: new Loader<graph.EntityRow | null>((ids) => graph.parentsOf(db, ids), null),
    ancestors: new Loader<graph.EntityRow[]>((ids) => graph.ancestorsOf(db, ids), empty()),
    clusters: new Loader<graph.EntityRow[]>((ids) => graph.clustersOf(db, ids), empty()),
    cores: new Loader<graph.EntityRow[]>((ids) => graph.coresOf(db, ids), empty()),
    issuers: new Loader<graph.IssuerRow[]>((ids) => graph.issuersOf(db, ids), empty()),
    covers: new Loader<graph.EntityRow[]>((ids) => graph.coveredPlaces(db, ids), empty()),
    works: new Loader<graph.CitationRow[]>((ids) => graph.worksOf(db, ids), empty()),
    // Connection fields: one query per distinct page and filter, for all parents at once.
    documentSentences: new PageLoader<graph.SentenceRow>((ids, p) => graph.documentSentences(db, ids, p)),
    documentEntities: new PageLoader((ids, p, type: EntityType | null) => graph.documentEntities(db, ids, p, type)),
    documentMeasures: new PageLoader<graph.MeasureRow>((ids, p) => graph.documentMeasures(db, ids, p)),
    entityDocuments: new PageLoader((ids, p) => graph.entityDocuments(db, ids, p)),
    entityMentions: new PageLoader<graph.MentionRow>((ids, p) => graph.entityMentions(db, ids, p)),
    entityRelated: new PageLoader((ids, p, type: EntityType | null) => graph.entityRelated(db, ids, p, type)),
    placeMembers: new PageLoader((ids, p) => graph.placeMembers(db, ids, p)),
    placePolicies: new PageLoader<graph.EntityRow>((ids, p) => graph.policiesCovering(db, ids, p)),
    issuedPolicies: new PageLoader<graph.EntityRow>((ids, p) => graph.policiesIssuedBy(db, ids, p)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: Db;
  config: Config;
  /** the request carried the librarian bearer token */
  librarian: boolean;
  loaders: Loaders;
}

export function createContext(db: Db, config: Config, request: Request): Context {
  return { db, config, librarian: isLibrarian(request.headers.get('authorization'), config), loaders: createLoaders(db) };
}
