import { buildSchema, execute, GraphQLResolveInfo, parse } from 'graphql';
import { connectionSelection, selectedFields } from './selected-fields';

const schema = buildSchema(`
  type Node { id: ID! name: String! other: String }
  type Edge { cursor: String! node: Node! }
  type Conn { totalCount: Int! edges: [Edge!]! }
  type Query { list: Conn! }
`);

/** The resolve info of `list` for a query text. */
function infoOf(query: string): GraphQLResolveInfo {
  let seen: GraphQLResolveInfo | undefined;
  void execute({
    schema,
    document: parse(query),
    rootValue: {
      list: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        seen = info;
        return { totalCount: 0, edges: [] };
      },
    },
  });
  return seen!;
}

describe('selectedFields', () => {
  it('reads the fields below a path, through inline and named fragments', () => {
    const info = infoOf(`
      query { list { edges { cursor node { id ...Named } } ... on Conn { edges { node { ... on Node { other } } } } } }
      fragment Named on Node { name }`);
    expect([...selectedFields(info)].sort()).toEqual(['edges']);
    expect([...selectedFields(info, 'edges')].sort()).toEqual(['cursor', 'node']);
    expect([...selectedFields(info, 'edges', 'node')].sort()).toEqual(['id', 'name', 'other']);
  });

  it('a fragment spread at two depths counts at both', () => {
    const info = infoOf(`query { list { ...C edges { node { id } } } } fragment C on Conn { totalCount edges { cursor } }`);
    expect(connectionSelection(info)).toEqual({ nodes: new Set(['id']), totalCount: true });
    expect([...selectedFields(info, 'edges')].sort()).toEqual(['cursor', 'node']);
  });

  it('a connection asked without its count says so', () => {
    expect(connectionSelection(infoOf(`{ list { edges { node { id name } } } }`))).toEqual({ nodes: new Set(['id', 'name']), totalCount: false });
  });
});
