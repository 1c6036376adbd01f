import { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields asked for directly below the resolved field, through inline fragments
 * and named fragments too. Directives (@skip, @include) are not read: a field they leave out is
 * still counted, so the set is never smaller than what the response needs.
 */
export function selectedFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}
