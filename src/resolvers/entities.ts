/** Entity interface and its implementations: thin maps from graph rows to the schema. */
import * as graph from '../graph/index.js';
import type { EntityRow, MentionRow } from '../graph/index.js';
import type { EntityType } from '../../ingest/types.js';
import { toConnection, type PageArgs } from '../pagination.js';
import { entityType, page } from './args.js';
import type { Context } from './context.js';

const TYPE_NAMES: Record<EntityType, string> = {
  PLACE: 'Place', POLICY: 'Policy', ORGANIZATION: 'Organization', INDUSTRY: 'Industry',
  THEORY: 'Theory', CONCEPT: 'Concept', PERSON: 'Person',
};

type Args = PageArgs & { type?: string | null };

/** Fields every Entity implementation shares. */
const entityFields = {
  aliases: (e: EntityRow) => (e.aliases ?? []).filter((a) => a !== e.name),
  mentionCount: async (e: EntityRow, _: unknown, ctx: Context) => (await ctx.loaders.entityStats.load(e.id)).mentions,
  documentCount: async (e: EntityRow, _: unknown, ctx: Context) => (await ctx.loaders.entityStats.load(e.id)).documents,
  documents: async (e: EntityRow, args: PageArgs, ctx: Context) => {
    const p = page(args, ctx);
    const res = await graph.entityDocuments(ctx.db, e.id, p);
    return toConnection(p, res.items, res.total, (r) => ({ node: r.document, mentions: r.mentions }));
  },
  mentions: async (e: EntityRow, args: PageArgs, ctx: Context) => {
    const p = page(args, ctx);
    const res = await graph.entityMentions(ctx.db, e.id, p);
    return toConnection(p, res.items, res.total);
  },
  related: async (e: EntityRow, args: Args, ctx: Context) => {
    const p = page(args, ctx);
    const res = await graph.entityRelated(ctx.db, e.id, entityType(args.type), p);
    return toConnection(p, res.items, res.total, (r) => ({ node: { ...r, type: r.relation } }));
  },
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
    members: async (p: EntityRow, args: PageArgs, ctx: Context) => {
      const pg = page(args, ctx);
      const res = await graph.placeMembers(ctx.db, p.id, pg);
      return toConnection(pg, res.items, res.total, (r) => ({ node: r.place, core: r.core }));
    },
    policies: async (p: EntityRow, args: PageArgs, ctx: Context) => {
      const pg = page(args, ctx);
      const res = await graph.policiesCovering(ctx.db, p.id, pg);
      return toConnection(pg, res.items, res.total);
    },
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
    issued: async (o: EntityRow, args: PageArgs, ctx: Context) => {
      const p = page(args, ctx);
      const res = await graph.policiesIssuedBy(ctx.db, o.id, p);
      return toConnection(p, res.items, res.total);
    },
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
