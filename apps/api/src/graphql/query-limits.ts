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

/**
 * Refuses operations whose estimated cost exceeds the limit. It runs as a Mercurius
 * preValidation hook (it needs the request's variables, and static validation rules keep
 * Mercurius' query cache).
 */
export function complexityLimitHook(maximumComplexity: number) {
  return async (schema: GraphQLSchema, document: DocumentNode, context: { reply?: { request?: { body?: unknown } } }): Promise<void> => {
    const body = context.reply?.request?.body as { variables?: Record<string, unknown>; operationName?: string } | undefined;
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: body?.variables ?? {},
        operationName: body?.operationName,
        estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch {
      return; // an invalid operation: validation will say why
    }
    if (cost > maximumComplexity) throw tooComplex(`Query cost ${cost} exceeds the limit of ${maximumComplexity}`);
  };
}
