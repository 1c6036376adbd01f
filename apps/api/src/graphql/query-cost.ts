import {
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
} from 'graphql';

/** How many items a list that is not a page (`first: n`) is reckoned to hold. */
export const UNPAGED_LIST_ITEMS = 10;
/** `__schema` and `__type` walk the whole schema once, whatever is selected below them. */
const INTROSPECTION_COST = 1000;

/** What one root field of an operation costs, and the page behind most of it. */
export interface RootFieldCost {
  /** the response key: the alias, or the field name */
  path: string;
  cost: number;
  /** `first` of the root field's own page, when it has one */
  first?: number;
  /** cost of one item of that page */
  perItem?: number;
}

export interface OperationCost {
  total: number;
  rootFields: RootFieldCost[];
}

type Variables = Record<string, unknown>;

function argumentValue(node: FieldNode, name: string, variables: Variables): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
}

/** `@skip(if: true)` or `@include(if: false)`, with literals or variables. */
function isSkipped(node: { readonly directives?: readonly DirectiveNode[] }, variables: Variables): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
    if (name === 'skip' && value === true) return true;
    if (name === 'include' && value === false) return true;
  }
  return false;
}

/**
 * The cost of an operation: every selected field counts, aliases and `__typename` included, so
 * a thousand aliases cost a thousand fields. A field's cost is 1 plus its children's, multiplied
 * by the items it returns: `first: n` for a page, UNPAGED_LIST_ITEMS for other lists; the `edges`
 * of a page are that page and do not multiply again. A fragment is weighed once and reused, so a
 * document that spreads fragments into each other many times costs what it would execute, and
 * weighing it stays linear in its size.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Variables = {},
): OperationCost | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentCosts = new Map<string, number>();
  const weighing = new Set<string>();

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode): number => {
    const name = node.name.value;
    if (name === '__typename') return 1;
    if (name === '__schema' || name === '__type') return INTROSPECTION_COST;
    const def = 'getFields' in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
    if (!def) return 1; // unknown fields are refused by validation; nothing to weigh
    const named: GraphQLNamedType = getNamedType(def.type);
    const children = node.selectionSet && isCompositeType(named) ? selectionCost(named, node.selectionSet) : 0;
    const first = argumentValue(node, 'first', variables);
    const items = typeof first === 'number' ? first : isListType(getNullableType(def.type)) && name !== 'edges' ? UNPAGED_LIST_ITEMS : 1;
    return 1 + children * Math.max(1, items);
  };

  const selectionCost = (parent: GraphQLCompositeType, set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (isSkipped(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(parent, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(type && isCompositeType(type) ? type : parent, selection.selectionSet);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // an unknown or cyclic spread is refused by validation, which runs before
    if (!fragment || weighing.has(name)) return 0;
    weighing.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = type && isCompositeType(type) ? selectionCost(type, fragment.selectionSet) : 0;
    weighing.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  // Root fields one by one, so the message can name them. Fragments at the root are flattened,
  // each once, as execution merges them: spreading one fragment twice adds nothing.
  const rootFields: RootFieldCost[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (isSkipped(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const cost = fieldCost(root, selection);
        const first = argumentValue(selection, 'first', variables);
        const part: RootFieldCost = { path: selection.alias?.value ?? selection.name.value, cost };
        if (typeof first === 'number' && first > 0) Object.assign(part, { first, perItem: (cost - 1) / first });
        rootFields.push(part);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          collect(fragment.selectionSet);
        }
      }
    }
  };
  collect(operation.selectionSet);
  return { total: rootFields.reduce((sum, f) => sum + f.cost, 0), rootFields };
}

/** Whole numbers with thousands separated, for messages. */
const n = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * What a client should change: the costliest root field, and the page size that would fit when
 * a page is what makes it costly.
 */
export function explainCost(cost: OperationCost, limit: number): { message: string; details: Record<string, unknown> } {
  const largest = [...cost.rootFields].sort((a, b) => b.cost - a.cost)[0];
  const details: Record<string, unknown> = { cost: cost.total, limit };
  let advice = 'Ask for fewer fields or smaller pages (`first`).';
  if (largest) {
    const part: Record<string, unknown> = { field: largest.path, cost: largest.cost };
    if (largest.first && largest.perItem && largest.perItem > 0) {
      const rest = cost.total - largest.cost;
      const fits = Math.floor((limit - rest - 1) / largest.perItem);
      part.first = largest.first;
      if (fits >= 1) {
        part.firstThatFits = fits;
        advice = `Most of it is \`${largest.path}\` (first: ${largest.first}, ${n(largest.perItem)} per item): ask for first: ${fits} or less, or fewer fields below it.`;
      } else {
        advice = `Most of it is \`${largest.path}\` (${n(largest.perItem)} per item): ask for fewer fields below it.`;
      }
    } else {
      advice = `Most of it is \`${largest.path}\` (${n(largest.cost)}): ask for fewer fields or smaller lists below it.`;
    }
    details.largest = part;
  }
  return { message: `Query cost ${n(cost.total)} exceeds the limit of ${n(limit)}. ${advice}`, details };
}
