/** The read layer: named, parameterised Cypher per domain. Resolvers import from here only. */
export * from './cypher.js';
export * from './documents.js';
export * from './entities.js';
export * from './places.js';
export * from './policies.js';
export * from './citations.js';
export * from './search.js';
export * from './measures.js';
export * from './slice.js';
