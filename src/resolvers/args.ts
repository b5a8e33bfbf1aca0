/** Argument parsing shared by resolvers: every check fails with BAD_USER_INPUT. */
import { badInput } from '../errors.js';
import { toPage, type Page, type PageArgs } from '../pagination.js';
import { ENTITY_TYPES, type EntityType } from '../../ingest/types.js';
import type { Context } from './context.js';

export const page = (args: PageArgs, ctx: Context): Page => toPage(args, ctx.config.pageMax);

/** Trimmed, non-empty, at most `max` characters. */
export function text(value: string | null | undefined, name: string, max = 200): string {
  const v = (value ?? '').trim();
  if (!v) throw badInput(`"${name}" must not be empty`);
  if (v.length > max) throw badInput(`"${name}" must be at most ${max} characters`);
  return v;
}

export function entityType(v: string | null | undefined): EntityType | null {
  if (v == null) return null;
  if (!(ENTITY_TYPES as readonly string[]).includes(v)) throw badInput(`Unknown entity type "${v}"`);
  return v as EntityType;
}
