import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Caller, Role } from '@app/common';
import { READ_RULES, ReadScope } from '@app/auth/access-policy';
import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isEnumType,
  GraphQLOutputType,
} from 'graphql';
import { TestApp } from './test-app';

/** A field of an object type whose value is another object type (or a list of them). */
export interface Edge {
  parent: string;
  field: string;
  child: string;
  nonNull: boolean;
  list: boolean;
}

/** A place the walk stands on: how to reach it from a root, and the object type found there. */
interface Place {
  type: string;
  /** a root field call, then field names, each maybe with the index of a list element */
  steps: Array<{ call: string; index?: number }>;
  /** the path it was found by, when `steps` is a by-id root query that the role may be refused */
  foundBy?: Array<{ call: string; index?: number }>;
}

export interface WalkResult {
  /** per edge ("Device.lot"): the ids the role reached through it */
  reached: Map<string, Set<string>>;
  /** edges answered with an error, with its code */
  refused: Map<string, Set<string>>;
  /** id-bearing objects seen, per type (roots included) */
  seen: Map<string, Set<string>>;
  /** per root list query the role may call: the ids it listed */
  rootLists: Map<string, { type: string; ids: Set<string> }>;
}

const OPERATION_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export function schemaOf(t: TestApp): GraphQLSchema {
  return t.app.get(GraphQLSchemaHost).schema;
}

function hasId(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'id' in type.getFields();
}

function edgeOf(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Edge | null {
  const child = getNamedType(field.type);
  if (!isObjectType(child)) return null;
  let type: GraphQLOutputType = field.type;
  const nonNull = isNonNullType(type);
  if (isNonNullType(type)) type = type.ofType;
  return { parent: parent.name, field: field.name, child: child.name, nonNull, list: isListType(type) };
}

/** Every edge of the schema: each field of each object type whose value is an object type. */
export function edgesOf(schema: GraphQLSchema): Edge[] {
  const edges: Edge[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || OPERATION_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const edge = edgeOf(type, field);
      if (edge) edges.push(edge);
    }
  }
  return edges.sort((a, b) => `${a.parent}.${a.field}`.localeCompare(`${b.parent}.${b.field}`));
}

/** Object types that a query (not only a mutation) can reach. */
export function typesReachableFromQuery(schema: GraphQLSchema): Set<string> {
  const seen = new Set<string>();
  const stack = [schema.getQueryType()!];
  while (stack.length) {
    const type = stack.pop()!;
    for (const field of Object.values(type.getFields())) {
      const child = getNamedType(field.type);
      if (isObjectType(child) && !seen.has(child.name)) {
        seen.add(child.name);
        stack.push(child);
      }
    }
  }
  return seen;
}

/** The caller behind a login, as the API resolves it (for the declared rule's SQL). */
export async function callerOf(t: TestApp, email: string): Promise<Caller> {
  const [row] = await t.dataSource.query(
    `SELECT u.id, u.email, u.role, u.organization_id, o.region_id FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id WHERE u.email = $1`,
    [email],
  );
  return { userId: row.id, email: row.email, role: row.role as Role, organizationId: row.organization_id, regionId: row.region_id };
}

/** What the declared rule (READ_RULES) lets this caller read of a type, straight from the database. */
export async function readableIds(t: TestApp, caller: Caller, type: string): Promise<Set<string>> {
  const rule = READ_RULES[type];
  if (!rule) throw new Error(`no read rule is declared for ${type}`);
  const { sql, params } = ReadScope.sql(caller, type, 'walked');
  const values: unknown[] = [];
  const text = sql.replace(/:(scope[A-Za-z]+)/g, (_, name: string) => {
    values.push(params[name]);
    return `$${values.length}`;
  });
  const rows: Array<{ id: string }> = await t.dataSource.query(`SELECT walked.id::text AS id FROM ${rule.table} walked WHERE ${text}`, values);
  return new Set(rows.map((r) => r.id));
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** The arguments of a root query: required ones filled for the caller, pages made large. */
function rootCall(field: GraphQLField<unknown, unknown>, caller: Caller, fallbackRegion: string, window: { from: string; to: string }): string | null {
  const args: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type);
    const named = getNamedType(arg.type);
    if (arg.name === 'first') args.push('first: 100');
    else if (!required) continue;
    else if (arg.name === 'regionId') args.push(`regionId: ${literal(caller.regionId ?? fallbackRegion)}`);
    else if (arg.name === 'from') args.push(`from: ${literal(window.from)}`);
    else if (arg.name === 'to') args.push(`to: ${literal(window.to)}`);
    else if (isScalarType(named) || isEnumType(named)) return null; // an id to look up: reached by the walk instead
  }
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

/**
 * Walks the graph as one caller: from every root query it may call, through every edge of every
 * object it reaches, until nothing new turns up. Objects with an id and a by-id root query
 * (device(id), lot(id), ...) are reached again from that root, so a refused edge elsewhere does
 * not hide them; the others are reached by their path (with list indexes).
 */
export async function walk(
  t: TestApp,
  token: string,
  caller: Caller,
  options: { fallbackRegion: string; window: { from: string; to: string }; batch?: number },
): Promise<WalkResult> {
  const schema = schemaOf(t);
  const query = schema.getQueryType()!;
  const byIdRoot = new Map<string, string>();
  for (const field of Object.values(query.getFields())) {
    const idArg = field.args.find((a) => a.name === 'id' && isNonNullType(a.type));
    if (idArg && field.args.length === 1) byIdRoot.set(getNamedType(field.type).name, field.name);
  }
  const result: WalkResult = { reached: new Map(), refused: new Map(), seen: new Map(), rootLists: new Map() };
  const visited = new Set<string>();
  let frontier: Place[] = [];

  const remember = (type: string, id: string): boolean => {
    const ids = result.seen.get(type) ?? new Set<string>();
    result.seen.set(type, ids);
    const fresh = !ids.has(id);
    ids.add(id);
    return fresh;
  };
  const placeOf = (type: string, id: string | null, steps: Place['steps']): Place | null => {
    if (id !== null) {
      const root = byIdRoot.get(type);
      const key = `${type}:${id}`;
      if (visited.has(key)) return null;
      visited.add(key);
      return root ? { type, steps: [{ call: `${root}(id: ${literal(id)})` }], foundBy: steps } : { type, steps };
    }
    return { type, steps };
  };

  // roots: every query the caller may call without naming an id
  for (const field of Object.values(query.getFields())) {
    const child = getNamedType(field.type);
    if (!isObjectType(child)) continue;
    const call = rootCall(field, caller, options.fallbackRegion, options.window);
    if (!call) continue;
    const res = await t.gql(`{ r: ${call} { __typename } }`, {}, token);
    if (res.errors?.length) continue; // refused to this role: not a way in
    frontier.push({ type: child.name, steps: [{ call }] });
  }

  // each place's edges, many places per request (aliases)
  while (frontier.length) {
    const next: Place[] = [];
    const probes: Array<{ place: Place; edge: Edge }> = [];
    const retried = new Set<Place>();
    for (const place of frontier) {
      const type = schema.getType(place.type) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const edge = edgeOf(type, field);
        if (edge) probes.push({ place, edge });
      }
    }
    // the API takes at most 20 top-level fields per request
    const size = options.batch ?? 20;
    for (let start = 0; start < probes.length; start += size) {
      const chunk = probes.slice(start, start + size);
      const selections = chunk.map(({ place, edge }, i) => {
        const child = schema.getType(edge.child)!;
        let inner = `${edge.field} { __typename${hasId(child) ? ' id' : ''} }`;
        for (const step of [...place.steps].reverse()) inner = `${step.call} { ${inner} }`;
        return `a${i}: ${inner}`;
      });
      const res = await t.gql(`{ ${selections.join('\n')} }`, {}, token);
      const whole = res.errors?.find((e) => !e.path);
      if (whole) throw new Error(`the walk's request was refused as a whole: ${JSON.stringify(whole)}`);
      for (const [i, { place, edge }] of chunk.entries()) {
        const key = `${edge.parent}.${edge.field}`;
        const error = res.errors?.find((e) => e.path?.[0] === `a${i}`);
        if (error && error.path?.length === 1 && place.foundBy) {
          // the by-id root query is not this role's (a refurbisher and order(id)): go the way it was found
          if (!retried.has(place)) next.push({ type: place.type, steps: place.foundBy });
          retried.add(place);
          continue;
        }
        if (error) {
          const codes = result.refused.get(key) ?? new Set<string>();
          codes.add(error.extensions?.code ?? 'UNKNOWN');
          result.refused.set(key, codes);
          continue;
        }
        // follow the steps down to the place; a list without an index answers all its elements, each a place
        let parents: Array<{ value: unknown; steps: Place['steps'] }> = [{ value: res.data?.[`a${i}`], steps: [] }];
        for (const [n, step] of place.steps.entries()) {
          parents = parents.flatMap(({ value, steps }) => {
            const here = n === 0 ? value : (value as Record<string, unknown> | null)?.[step.call];
            if (!Array.isArray(here)) return [{ value: here, steps: [...steps, step] }];
            if (step.index !== undefined) return [{ value: here[step.index], steps: [...steps, step] }];
            return here.map((element, k) => ({ value: element, steps: [...steps, { ...step, index: k }] }));
          });
        }
        for (const { value: parent, steps: base } of parents) {
          const raw = (parent as Record<string, unknown> | null)?.[edge.field];
          if (raw === undefined || raw === null) continue;
          const children = Array.isArray(raw) ? raw : [raw];
          for (const [childIndex, child] of children.entries()) {
            if (!child) continue;
            const id = (child as { id?: string }).id ?? null;
            if (id !== null) {
              const ids = result.reached.get(key) ?? new Set<string>();
              ids.add(id);
              result.reached.set(key, ids);
              remember(edge.child, id);
            }
            const steps = [...base, { call: edge.field, ...(Array.isArray(raw) ? { index: childIndex } : {}) }];
            const place2 = placeOf(edge.child, id, steps);
            if (place2) next.push(place2);
          }
        }
      }
    }
    frontier = next;
  }

  // root lists, compared by the caller of the walk with the declared rule
  for (const field of Object.values(query.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    const call = rootCall(field, caller, options.fallbackRegion, options.window);
    if (!call) continue;
    let type: string | null = null;
    let selection = '';
    if (hasId(named) && isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) {
      type = named.name;
      selection = '{ id }';
    } else if (named.getFields().edges) {
      const edgeType = getNamedType(named.getFields().edges!.type) as GraphQLObjectType;
      const node = getNamedType(edgeType.getFields().node!.type);
      if (hasId(node)) {
        type = node.name;
        selection = '{ edges { node { id } } }';
      }
    }
    if (!type) continue;
    const res = await t.gql(`{ r: ${call} ${selection} }`, {}, token);
    if (res.errors?.length) continue;
    const data = res.data!.r as Array<{ id: string }> | { edges: Array<{ node: { id: string } }> };
    const ids = Array.isArray(data) ? data.map((x) => x.id) : data.edges.map((e) => e.node.id);
    result.rootLists.set(field.name, { type, ids: new Set(ids) });
    for (const id of ids) remember(type, id);
  }
  return result;
}
