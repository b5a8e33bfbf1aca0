import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Depth of a selection set: nested fields count, fragments and inline fragments do not, and
 * introspection (`__schema`, `__type`, `__typename`) is not counted (tools need it at any depth).
 */
export function selectionDepth(
  set: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  seen: ReadonlySet<string> = new Set(),
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + selectionDepth(sel.selectionSet, fragment, seen));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, selectionDepth(sel.selectionSet, fragment, seen));
    } else {
      const name = sel.name.value;
      const def = seen.has(name) ? null : fragment(name); // a cycle is reported by graphql's own rules
      if (def) max = Math.max(max, selectionDepth(def.selectionSet, fragment, new Set([...seen, name])));
    }
  }
  return max;
}

/** A validation rule rejecting operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = selectionDepth(node.selectionSet, (n) => context.getFragment(n));
      if (depth > maxDepth) {
        context.reportError(
          createGraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth}; ask for less nesting`, {
            nodes: [node],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      }
    },
  });
}

/** yoga plugin: adds the depth rule to validation (results are cached per document by yoga). */
export function useDepthLimit(maxDepth: number): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(depthLimitRule(maxDepth));
    },
  };
}
