import {
  Kind, getOperationAST, valueFromASTUntyped,
  type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE } from '../pagination.js';

/**
 * Estimated rows an operation can return: every field taking `first` is a page of that many
 * items (default 20), repeated for each item of the pages around it; the cost is the sum over
 * those fields. `documents(first: 100) { sentences(first: 100) }` costs 100 + 100·100.
 */
export function operationCost(
  document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {},
): number {
  const op = getOperationAST(document, operationName ?? undefined);
  if (!op) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const walk = (set: SelectionSetNode | undefined, multiplier: number, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
        let m = multiplier;
        if (firstArg || sel.arguments?.some((a) => a.name.value === 'after')) {
          const v = firstArg ? valueFromASTUntyped(firstArg.value, variables) : undefined;
          const first = typeof v === 'number' && v >= 0 ? v : DEFAULT_PAGE_SIZE;
          m = multiplier * Math.max(first, 1);
          cost += m;
        }
        cost += walk(sel.selectionSet, m, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(sel.selectionSet, multiplier, seen);
      } else if (!seen.has(sel.name.value)) {
        cost += walk(fragments.get(sel.name.value)?.selectionSet, multiplier, new Set([...seen, sel.name.value]));
      }
    }
    return cost;
  };
  return walk(op.selectionSet, 1, new Set());
}

/**
 * yoga plugin: refuses operations whose estimated cost exceeds `maxCost`, before any resolver
 * runs (variables are known at execution time, so this hooks execute rather than validate).
 */
export function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [createGraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first) or less nesting`, {
            extensions: { code: 'BAD_USER_INPUT', cost, maxCost },
          })],
        });
      }
    },
  };
}
