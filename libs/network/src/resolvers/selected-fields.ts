import { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { ConnectionSelection } from '@app/database';

/**
 * The names of the fields asked for directly below the resolved field, or below the path of
 * fields given (`'edges', 'node'` for a connection's nodes), through inline fragments and named
 * fragments too. Directives (@skip, @include) are not read: a field they leave out is still
 * counted, so the set is never smaller than what the response needs.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): ReadonlySet<string> {
  const visited = new Set<string>();
  const fields = (selectionSets: ReadonlyArray<SelectionSetNode | undefined>) => {
    const found: Array<{ name: string; selectionSet: SelectionSetNode | undefined }> = [];
    const walk = (selectionSet: SelectionSetNode | undefined) => {
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === 'Field') found.push({ name: selection.name.value, selectionSet: selection.selectionSet });
        else if (selection.kind === 'InlineFragment') walk(selection.selectionSet);
        else if (!visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          walk(info.fragments[selection.name.value]?.selectionSet);
        }
      }
    };
    selectionSets.forEach(walk);
    // a fragment may be spread at several depths: each level walks it anew
    visited.clear();
    return found;
  };
  let level = fields(info.fieldNodes.map((node) => node.selectionSet));
  for (const name of path) level = fields(level.filter((field) => field.name === name).map((field) => field.selectionSet));
  return new Set(level.map((field) => field.name));
}

/** What a connection's selection asks for: the fields of its nodes, and whether it counts. */
export function connectionSelection(info: GraphQLResolveInfo): ConnectionSelection {
  return { nodes: selectedFields(info, 'edges', 'node'), totalCount: selectedFields(info).has('totalCount') };
}
