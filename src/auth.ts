import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from './config.js';
import { unauthenticated } from './errors.js';

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

/**
 * True when the header carries the configured librarian token. Compared in constant time
 * (over sha256 digests, so lengths leak nothing either); always false when no token is configured.
 */
export function isLibrarian(authorization: string | null | undefined, config: Pick<Config, 'librarianToken'>): boolean {
  const expected = config.librarianToken;
  const given = bearerToken(authorization);
  if (!expected || !given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Throws UNAUTHENTICATED unless the request came from a librarian. */
export function requireLibrarian(ctx: { librarian: boolean; config: Pick<Config, 'librarianToken'> }): void {
  if (!ctx.config.librarianToken) throw unauthenticated('Changing the corpus is disabled: no librarian token is configured on this server');
  if (!ctx.librarian) throw unauthenticated();
}
