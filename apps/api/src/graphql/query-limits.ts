import { ErrorCode } from '@app/common';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });

/**
 * A page of `first: n` costs n times its children; the page's own `edges` list is that page, so
 * it does not multiply again; other lists count as 10 items.
 */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const first = typeof args.first === 'number' ? args.first : null;
  const isList = String(field.type).includes('[') && field.name !== 'edges';
  const multiplier = first ?? (isList ? 10 : 1);
  return 1 + childComplexity * Math.max(1, multiplier);
};

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      if (field.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(field.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      const fragment = fragments[name];
      max = Math.max(max, depthOf(fragment?.selectionSet, fragments, new Set(seen).add(name)));
    }
  }
  return max;
}

/** Refuses operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) context.reportError(tooComplex(`Query depth ${depth} exceeds the limit of ${maxDepth}`));
      },
    };
  };
}

/** The variables that can change an operation's cost: page sizes (`first: $n`) and `@include(if: $b)` / `@skip`. */
function costKey(operationName: string | undefined, variables: Record<string, unknown> | undefined): string {
  let key = operationName ?? '';
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (value === null || typeof value === 'number' || typeof value === 'boolean') key += `\u0000${name}=${String(value)}`;
  }
  return key;
}

/**
 * Refuses operations whose estimated cost exceeds the limit. It runs before every execution (a
 * Mercurius preExecution hook): Mercurius parses and validates a query text once and then serves
 * it from its cache, while the cost follows the variables of each request. A document's cost for
 * given page sizes and flags is remembered, so a known query is not weighed again.
 */
export function complexityLimitHook(maximumComplexity: number) {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    context: { reply?: { request?: { body?: unknown; query?: unknown } } },
    variables?: Record<string, unknown>,
  ): Promise<void> => {
    const request = context.reply?.request;
    const operationName = ((request?.body ?? request?.query) as { operationName?: string } | undefined)?.operationName;
    const key = costKey(operationName, variables);
    let known = costs.get(document);
    let cost = known?.get(key);
    if (cost === undefined) {
      try {
        cost = getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
      } catch {
        return; // no such operation, or variables that do not fit: execution will say why
      }
      if (!known || known.size >= 64) costs.set(document, (known = new Map()));
      known.set(key, cost);
    }
    if (cost > maximumComplexity) throw tooComplex(`Query cost ${cost} exceeds the limit of ${maximumComplexity}`);
  };
}
