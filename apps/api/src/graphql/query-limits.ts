import { ErrorCode } from '@app/common';
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { explainCost, operationCost } from './query-cost';

/** Tokens in one query text: the parser stops there (ordinary screens use a few hundred). */
export const MAX_QUERY_TOKENS = 5000;
/** Root fields in one operation. */
export const MAX_ROOT_FIELDS = 20;
/** Brackets nested in one query text (selections, lists, objects, arguments). */
export const MAX_NESTING = 64;

const tooComplex = (message: string, details?: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...(details ? { details } : {}) } });

/**
 * Depth of a selection in fields. A fragment's depth is measured once and remembered: fragments
 * spread into each other twice per level would otherwise be walked 2^levels times.
 */
function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, known: Map<string, number>): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      if (field.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(field.selectionSet, fragments, known));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, known));
    } else {
      const name = selection.name.value;
      let depth = known.get(name);
      if (depth === undefined) {
        known.set(name, 0); // a cycle is refused by validation; meanwhile it adds nothing
        depth = depthOf(fragments[name]?.selectionSet, fragments, known);
        known.set(name, depth);
      }
      max = Math.max(max, depth);
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
        const depth = depthOf(node.selectionSet, fragments, new Map());
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

interface Weighed {
  total: number;
  rootFields: number;
  refusal?: GraphQLError;
}

/**
 * Refuses operations whose cost exceeds the limit, or with more root fields than `maxRootFields`
 * (each root field is its own guard check and database round trip: a thousand aliases of `me`
 * are a thousand queries however little each selects). It runs before every execution (a
 * Mercurius preExecution hook): Mercurius parses and validates a query text once and then serves
 * it from its cache, while the cost follows the variables of each request. A document's verdict
 * for given page sizes and flags is remembered, so a known query is not weighed again.
 */
export function complexityLimitHook(maximumComplexity: number, maxRootFields = MAX_ROOT_FIELDS) {
  const verdicts = new WeakMap<DocumentNode, Map<string, Weighed>>();
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    context: { reply?: { request?: { body?: unknown; query?: unknown } } },
    variables?: Record<string, unknown>,
  ): Promise<void> => {
    const request = context.reply?.request;
    const operationName = ((request?.body ?? request?.query) as { operationName?: string } | undefined)?.operationName;
    const key = costKey(operationName, variables);
    let known = verdicts.get(document);
    let verdict = known?.get(key);
    if (!verdict) {
      const cost = operationCost(schema, document, operationName ?? undefined, variables ?? {});
      if (!cost) return; // no such operation: execution says why
      verdict = { total: cost.total, rootFields: cost.rootFields.length };
      if (cost.rootFields.length > maxRootFields) {
        verdict.refusal = tooComplex(
          `This operation asks for ${cost.rootFields.length} top-level fields; at most ${maxRootFields} are allowed per request. Split it into several requests.`,
          {
            rootFields: cost.rootFields.length,
            limit: maxRootFields,
          },
        );
      } else if (cost.total > maximumComplexity) {
        const { message, details } = explainCost(cost, maximumComplexity);
        verdict.refusal = tooComplex(message, details);
      }
      if (!known || known.size >= 64) verdicts.set(document, (known = new Map()));
      known.set(key, verdict);
    }
    if (verdict.refusal) throw verdict.refusal;
  };
}

/**
 * Refuses, before parsing, a text nested deeper than `maxNesting` brackets: the parser recurses
 * once per level, and a few thousand `[` would end in a stack overflow (a server error) rather
 * than an answer. Strings and comments are skipped. Runs on every request, in one pass.
 */
export function nestingLimitHook(maxNesting = MAX_NESTING) {
  return async (_schema: GraphQLSchema, source: string): Promise<void> => {
    if (nestingDepth(source) > maxNesting) throw tooComplex(`The query nests brackets more than ${maxNesting} deep`, { limit: maxNesting });
  };
}

export function nestingDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < source.length && source.charCodeAt(i) !== 0x0a && source.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i++; i < source.length; i++) {
          const d = source.charCodeAt(i);
          if (d === 0x5c /* \ */) i++;
          else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
        }
      }
    } else if (c === 0x5b || c === 0x7b || c === 0x28 /* [ { ( */) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d || c === 0x29) {
      depth--;
    }
  }
  return max;
}
