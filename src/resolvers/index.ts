/** All resolvers, merged into one map for makeExecutableSchema. */
import { documentResolvers } from './documents.js';
import { entityResolvers } from './entities.js';
import { mutationResolvers } from './mutation.js';
import { queryResolvers } from './query.js';

export const resolvers = { ...queryResolvers, ...mutationResolvers, ...entityResolvers, ...documentResolvers };
export { createContext, type Context } from './context.js';
