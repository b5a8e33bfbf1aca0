/**
 * Why a document could not be loaded. The message always starts with the origin (file path or
 * "mutation:addDocument") and names the problem, because it is shown to librarians as is.
 */
export type LoadProblem = 'encoding' | 'size' | 'binary' | 'format' | 'io';

export class LoadError extends Error {
  constructor(
    readonly origin: string,
    readonly problem: LoadProblem,
    detail: string,
  ) {
    super(`${origin}: ${detail}`);
    this.name = 'LoadError';
  }
}
