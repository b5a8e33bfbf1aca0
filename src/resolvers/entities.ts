/** Entity interface and its implementations: thin maps from graph rows to the schema. */
import type { EntityRow, MentionRow } from '../graph/index.js';
import type { EntityType } from '../../ingest/types.js';
import type { PageArgs } from '../pagination.js';
import { entityType } from './args.js';
import { connectionField } from './connection.js';
import type { Context } from './context.js';

const TYPE_NAMES: Record<EntityType, string> = {
  PLACE: 'Place', POLICY: 'Policy', ORGANIZATION: 'Organization', INDUSTRY: 'Industry',
  THEORY: 'Theory', CONCEPT: 'Concept', PERSON: 'Person',
};

type TypeArgs = PageArgs & { type?: string | null };

/** Fields every Entity implementation shares. */
const entityFields = {
  aliases: (e: EntityRow) => (e.aliases ?? []).filter((a) => a !== e.name),
  mentionCount: async (e: EntityRow, _: unknown, ctx: Context) => (await ctx.loaders.entityStats.load(e.id)).mentions,
  documentCount: async (e: EntityRow, _: unknown, ctx: Context) => (await ctx.loaders.entityStats.load(e.id)).documents,
  documents: connectionField((ctx) => ctx.loaders.entityDocuments, { edge: (r) => ({ node: r.document, mentions: r.mentions }) }),
  mentions: connectionField((ctx) => ctx.loaders.entityMentions),
  related: connectionField((ctx) => ctx.loaders.entityRelated, {
    filter: (args: TypeArgs) => entityType(args.type),
    edge: (r) => ({ node: { ...r, type: r.relation } }),
  }),
};

export const entityResolvers = {
  Entity: {
    __resolveType: (e: EntityRow) => TYPE_NAMES[e.type] ?? null,
  },
  Place: {
    ...entityFields,
    partOf: (p: EntityRow, _: unknown, ctx: Context) => ctx.loaders.parents.load(p.id),
    ancestors: (p: EntityRow, _: unknown, ctx: Context) => ctx.loaders.ancestors.load(p.id),
    clusters: (p: EntityRow, _: unknown, ctx: Context) => ctx.loaders.clusters.load(p.id),
    cores: (p: EntityRow, _: unknown, ctx: Context) => ctx.loaders.cores.load(p.id),
    members: connectionField((ctx) => ctx.loaders.placeMembers, { edge: (r) => ({ node: r.place, core: r.core }) }),
    policies: connectionField((ctx) => ctx.loaders.placePolicies),
  },
  Policy: {
    ...entityFields,
    issuedBy: async (p: EntityRow, _: unknown, ctx: Context) => (await ctx.loaders.issuers.load(p.id)).map((i) => i.organization),
    issued: async (p: EntityRow, _: unknown, ctx: Context) =>
      p.issued ?? (await ctx.loaders.issuers.load(p.id)).map((i) => i.date).find((d) => d) ?? null,
    covers: (p: EntityRow, _: unknown, ctx: Context) => ctx.loaders.covers.load(p.id),
  },
  Organization: {
    ...entityFields,
    issued: connectionField((ctx) => ctx.loaders.issuedPolicies),
  },
  Industry: entityFields,
  Theory: entityFields,
  Concept: entityFields,
  Person: {
    ...entityFields,
    works: (p: EntityRow, _: unknown, ctx: Context) => ctx.loaders.works.load(p.id),
  },
  Mention: {
    sentence: (m: MentionRow) => m.sentence,
  },
};
