/** Connection fields under a parent: parse first/after → the field's batch loader → Relay shape. */
import { toConnection, type Connection, type PageArgs } from '../pagination.js';
import { page } from './args.js';
import type { Context } from './context.js';
import type { PageLoader } from './loader.js';

/**
 * A resolver for a paginated field of `parent`; the parents of one resolver wave are loaded in
 * one query by the loader `pick` returns. `filter` reads the field's other arguments (null when
 * there are none); `edge` shapes an item into `{ node, …per-edge fields }`.
 */
export function connectionField<P extends { id: string }, T, F = null, A extends PageArgs = PageArgs>(
  pick: (ctx: Context) => PageLoader<T, F>,
  opts: { filter?: (args: A) => F; edge?: (item: T, parent: P) => { node: unknown } & Record<string, unknown> } = {},
) {
  return async (parent: P, args: A, ctx: Context): Promise<Connection<unknown>> => {
    const p = page(args, ctx);
    const filter = opts.filter ? opts.filter(args) : (null as F);
    const res = await pick(ctx).load(parent.id, p, filter);
    const edge = opts.edge;
    return edge ? toConnection(p, res.items, res.total, (item) => edge(item, parent)) : toConnection(p, res.items, res.total);
  };
}
