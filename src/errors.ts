import { createGraphQLError, maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { DatabaseUnavailableError } from './db/executor.js';

/**
 * The API's error family: GraphQLErrors whose `extensions.code` clients can switch on. yoga
 * passes GraphQLErrors through and masks everything else ("Unexpected error.", no stack).
 *
 * Errors are made with yoga's `createGraphQLError`, so they come from the same copy of `graphql`
 * that yoga checks against (test runners may load graphql's ESM and CJS builds side by side).
 * Execution errors keep HTTP 200 (GraphQL over HTTP with application/json): the code is in
 * `extensions.code`, and other fields of the same request still return their data.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE';

export const ERROR_CODES: readonly ErrorCode[] = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'];

export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, extra?: Record<string, unknown>) => apiError('BAD_USER_INPUT', message, extra);
export const notFound = (message: string) => apiError('NOT_FOUND', message);
export const conflict = (message: string) => apiError('CONFLICT', message);
export const unauthenticated = (message = 'A librarian token is required: send Authorization: Bearer <token>') =>
  apiError('UNAUTHENTICATED', message);
export const unavailable = (message = 'The graph database is unavailable; try again later') => apiError('UNAVAILABLE', message);

const isGraphQLError = (e: unknown): e is GraphQLError => (e as { name?: string } | null)?.name === 'GraphQLError';

/**
 * yoga's `maskError`: a DatabaseUnavailableError anywhere in the cause chain becomes
 * UNAVAILABLE; errors of our family pass unchanged (yoga logs only what it gets back changed);
 * anything else is masked by yoga's default (and logged by yoga, with its stack, server-side).
 */
export const maskError: MaskError = (error, message, isDev) => {
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof DatabaseUnavailableError) return unavailable();
    e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  if (isGraphQLError(error) && ERROR_CODES.includes(error.extensions?.code as ErrorCode)) return error;
  return yogaMaskError(error, message, isDev);
};
