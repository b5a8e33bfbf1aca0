import { badInput } from './errors.js';

/**
 * Relay connections over offset pages. A cursor is base64 of `o:<offset>` (opaque to clients);
 * `after: c` starts right after the item whose cursor is `c`.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** What src/graph read functions take: plain numbers, passed to Cypher as `toInteger($skip)`. */
export interface Page {
  skip: number;
  limit: number;
}

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64');
}

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^o:(\d{1,9})$/.exec(raw);
  if (!m || encodeCursor(Number(m[1])) !== cursor) throw badInput(`Invalid cursor "${cursor}"`);
  return Number(m[1]);
}

/** Validates `first`/`after` (BAD_USER_INPUT on negative, over `pageMax`, or a bad cursor). */
export function toPage(args: PageArgs, pageMax: number): Page {
  const first = args.first ?? Math.min(DEFAULT_PAGE_SIZE, pageMax);
  if (!Number.isInteger(first) || first < 0) throw badInput(`"first" must be a non-negative integer, got ${first}`);
  if (first > pageMax) throw badInput(`"first" must be at most ${pageMax}, got ${first}`);
  const skip = args.after == null ? 0 : decodeCursor(args.after) + 1;
  return { skip, limit: first };
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: ({ node: T; cursor: string } & Record<string, unknown>)[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function pageInfo(page: Page, count: number, total: number): PageInfo {
  return {
    hasNextPage: page.skip + count < total,
    hasPreviousPage: page.skip > 0,
    startCursor: count > 0 ? encodeCursor(page.skip) : null,
    endCursor: count > 0 ? encodeCursor(page.skip + count - 1) : null,
  };
}

/**
 * Builds a connection from one page of items and the total. `edge` may add per-edge fields
 * (e.g. a search score) next to `node` and `cursor`.
 */
export function toConnection<T, N = T>(
  page: Page,
  items: T[],
  total: number,
  edge: (item: T) => { node: N } & Record<string, unknown> = (item) => ({ node: item as unknown as N }),
): Connection<N> {
  return {
    edges: items.map((item, i) => ({ ...edge(item), cursor: encodeCursor(page.skip + i) })) as Connection<N>['edges'],
    pageInfo: pageInfo(page, items.length, total),
    totalCount: total,
  };
}
