/** Mutation root: librarian-only corpus changes through the ingest service. */
import { deriveId, ingestDocument, IngestError, removeDocument } from '../../ingest/service.js';
import { DOC_KINDS, type DocKind, type DocMeta } from '../../ingest/types.js';
import { requireLibrarian } from '../auth.js';
import { apiError, badInput, notFound } from '../errors.js';
import * as graph from '../graph/index.js';
import { text } from './args.js';
import type { Context } from './context.js';

export interface AddDocumentInput {
  id?: string | null;
  text?: string | null;
  html?: string | null;
  title: string;
  kind?: string | null;
  year?: number | null;
  authors?: string[] | null;
  source?: string | null;
  url?: string | null;
  replace?: boolean | null;
}

/** Letters, digits and `._:-`; no `#`, which separates document and sentence in sentence ids. */
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,127}$/u;

function optional(v: string | null | undefined, name: string, max: number): string | null {
  if (v == null || !v.trim()) return null;
  if (v.length > max) throw badInput(`"${name}" must be at most ${max} characters`);
  return v.trim();
}

/** Validates the input into ingest metadata and content; every problem is BAD_USER_INPUT. */
export function parseAddDocument(input: AddDocumentInput, maxBytes: number): { meta: DocMeta; text?: string; html?: string } {
  const given = [input.text, input.html].filter((x) => x != null);
  if (given.length !== 1) throw badInput('Give exactly one of "text" or "html"');
  const content = given[0]!;
  if (!content.trim()) throw badInput(`"${input.text != null ? 'text' : 'html'}" must not be empty`);
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > maxBytes) throw badInput(`The document is ${bytes} bytes; the limit is ${maxBytes}`);
  const title = text(input.title, 'title', 500);
  const kind = (input.kind?.trim() || 'other') as DocKind;
  if (!DOC_KINDS.includes(kind)) throw badInput(`"kind" must be one of ${DOC_KINDS.join(', ')}`);
  if (input.year != null && (input.year < 1000 || input.year > 2200)) throw badInput(`"year" must be between 1000 and 2200`);
  const authors = (input.authors ?? []).map((a) => a.trim()).filter(Boolean);
  if (authors.some((a) => a.length > 200)) throw badInput('An author name is longer than 200 characters');
  let id: string;
  if (input.id != null) {
    id = input.id.trim();
    if (!ID_PATTERN.test(id)) throw badInput('"id" must be 1–128 letters, digits or ._:- and start with a letter or digit');
  } else {
    id = deriveId(title, content);
  }
  const url = optional(input.url, 'url', 2000);
  if (url && !/^https?:\/\//i.test(url)) throw badInput('"url" must start with http:// or https://');
  const meta: DocMeta = { id, title, kind, year: input.year ?? null, authors, source: optional(input.source, 'source', 1000), url };
  return input.text != null ? { meta, text: content } : { meta, html: content };
}

export const mutationResolvers = {
  Mutation: {
    addDocument: async (_: unknown, args: { input: AddDocumentInput }, ctx: Context) => {
      requireLibrarian(ctx);
      const parsed = parseAddDocument(args.input, ctx.config.maxDocumentBytes);
      const id = parsed.meta.id;
      try {
        await ingestDocument(ctx.db, { ...parsed, origin: 'mutation:addDocument' }, {
          maxBytes: ctx.config.maxDocumentBytes, mustBeNew: args.input.replace === false,
        });
      } catch (e) {
        if (e instanceof IngestError) throw apiError(e.code, e.message);
        throw e;
      }
      // Read after the committed write (not through the request's loader cache).
      const doc = (await graph.documentsByIds(ctx.db, [id])).get(id);
      if (!doc) throw new Error(`document ${id} missing right after ingest`);
      return doc;
    },

    removeDocument: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireLibrarian(ctx);
      const id = text(args.id, 'id', 300);
      if (!(await removeDocument(ctx.db, id))) throw notFound(`No document with id "${id}"`);
      return true;
    },
  },
};
