/** Document, Sentence, Citation and Measure: thin maps from graph rows to the schema. */
import type { CitationRow, DocRefRow, DocumentRow, MeasureRow, SentenceRow } from '../graph/index.js';
import type { PageArgs } from '../pagination.js';
import { entityType } from './args.js';
import { connectionField } from './connection.js';
import type { Context } from './context.js';

/**
 * Some queries attach only a document reference (id, title, kind, year) for provenance; the
 * other fields then come from the batch loader, fetched once per request for all documents.
 */
async function full(d: DocumentRow | DocRefRow, ctx: Context): Promise<Partial<DocumentRow>> {
  if ('sentenceCount' in d) return d;
  return (await ctx.loaders.documents.load(d.id)) ?? {};
}

const fromFull = <K extends keyof DocumentRow, D = null>(k: K, missing: D = null as D) =>
  async (d: DocumentRow | DocRefRow, _: unknown, ctx: Context) => (await full(d, ctx))[k] ?? missing;

export const documentResolvers = {
  Document: {
    authors: fromFull('authors', [] as string[]),
    source: fromFull('source'),
    url: fromFull('url'),
    sha256: fromFull('sha256'),
    ingestedAt: fromFull('ingestedAt'),
    chars: fromFull('chars'),
    sentenceCount: fromFull('sentenceCount', 0),
    sections: (d: DocRefRow, _: unknown, ctx: Context) => ctx.loaders.sections.load(d.id),
    sentences: connectionField((ctx) => ctx.loaders.documentSentences, { edge: (s, d: DocRefRow) => ({ node: { ...s, document: d } }) }),
    entities: connectionField((ctx) => ctx.loaders.documentEntities, {
      filter: (args: PageArgs & { type?: string | null }) => entityType(args.type),
      edge: (r) => ({ node: r.entity, mentions: r.mentions }),
    }),
    measures: connectionField((ctx) => ctx.loaders.documentMeasures),
    citations: (d: DocRefRow, _: unknown, ctx: Context) => ctx.loaders.citations.load(d.id),
    notes: (d: DocRefRow, _: unknown, ctx: Context) => ctx.loaders.documentNotes.load(d.id),
  },
  Sentence: {
    document: async (s: SentenceRow, _: unknown, ctx: Context) => s.document ?? (await ctx.loaders.documents.load(s.docId)),
    mentions: (s: SentenceRow, _: unknown, ctx: Context) => ctx.loaders.sentenceMentions.load(s.id),
    notes: (s: SentenceRow, _: unknown, ctx: Context) => ctx.loaders.sentenceNotes.load(s.id),
  },
  Citation: {
    authors: (c: CitationRow) => c.authors ?? [],
    sentences: (c: CitationRow) => c.sentences ?? [],
    citedBy: (c: CitationRow) => c.citedBy ?? [],
  },
  Measure: {
    document: async (m: MeasureRow, _: unknown, ctx: Context) => m.document ?? (await ctx.loaders.documents.load(m.docId)),
    targets: (m: MeasureRow) => m.targets ?? [],
  },
};
