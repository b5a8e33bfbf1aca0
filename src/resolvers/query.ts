/** Query root: parse arguments → one src/graph call → map to the schema shape. */
import * as graph from '../graph/index.js';
import { badInput, notFound } from '../errors.js';
import { pageInfo, toConnection, type PageArgs } from '../pagination.js';
import { entityType, page, text } from './args.js';
import type { Context } from './context.js';

export const queryResolvers = {
  Query: {
    measures: async (_: unknown, args: PageArgs & { target: string }, ctx: Context) => {
      const target = text(args.target, 'target', 100);
      const p = page(args, ctx);
      const res = await graph.findMeasures(ctx.db, target, p);
      return { ...toConnection(p, res.items, res.total), resolution: res.resolution };
    },

    search: async (_: unknown, args: PageArgs & { query: string; types?: string[] | null }, ctx: Context) => {
      const query = text(args.query, 'query', 200);
      const types = args.types?.length ? args.types.map((t) => entityType(t)!) : null;
      const p = page(args, ctx);
      const res = await graph.searchEntities(ctx.db, query, types, p);
      return toConnection(p, res.items, res.total, (h) => ({ node: h.entity, score: h.score, exact: h.exact }));
    },

    entity: async (_: unknown, args: { id?: string | null; name?: string | null }, ctx: Context) => {
      if ((args.id == null) === (args.name == null)) throw badInput('Give exactly one of "id" or "name"');
      if (args.id != null) return ctx.loaders.entities.load(text(args.id, 'id', 300));
      return graph.entityByName(ctx.db, text(args.name, 'name', 200));
    },

    place: (_: unknown, args: { name: string }, ctx: Context) => graph.entityByName(ctx.db, text(args.name, 'name', 200), 'PLACE'),

    documents: async (_: unknown, args: PageArgs, ctx: Context) => {
      const p = page(args, ctx);
      const res = await graph.listDocuments(ctx.db, p);
      return toConnection(p, res.items, res.total);
    },

    document: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.documents.load(text(args.id, 'id', 300)),

    graph: async (_: unknown, args: PageArgs & { documentId?: string | null; entityId?: string | null }, ctx: Context) => {
      const p = page(args, ctx);
      const documentId = args.documentId == null ? null : text(args.documentId, 'documentId', 300);
      const entityId = args.entityId == null ? null : text(args.entityId, 'entityId', 300);
      if (documentId && !(await ctx.loaders.documents.load(documentId))) throw notFound(`No document with id "${documentId}"`);
      if (entityId && !(await ctx.loaders.entities.load(entityId))) throw notFound(`No entity with id "${entityId}"`);
      const res = await graph.graphSlice(ctx.db, { documentId, entityId }, p);
      return { nodes: res.nodes, edges: res.edges, totalCount: res.total, pageInfo: pageInfo(p, res.edges.length, res.total) };
    },
  },
};
