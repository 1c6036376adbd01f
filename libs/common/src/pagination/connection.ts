import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BadInputError } from '../errors/domain-error';
import { ErrorReason } from '../errors/error-reason';
import { parseDateTime } from '../validation/date-time';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XConnection` and `XEdge` types of the contract for a node type. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionTypeClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionTypeClass;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * Keyset cursor over (createdAt, id): stable under inserts, no OFFSET scans. A JS Date holds
 * milliseconds, so a paginated created_at column must be timestamptz(3), or rows that share a
 * millisecond would be skipped.
 */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`, 'utf8').toString('base64url');
}

const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  // a cursor is ours, but comes back as the caller's text: read it as strictly as any input
  const createdAt = parseDateTime(iso ?? '');
  if (!id || !CURSOR_ID.test(id) || typeof createdAt === 'string') {
    throw new BadInputError('Invalid cursor: start again from the first page', { field: 'after' }, ErrorReason.CURSOR_INVALID);
  }
  return { createdAt, id };
}

export function pageSize(first?: number | null): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw new BadInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  if (first > MAX_PAGE_SIZE) {
    throw new BadInputError(
      `first must be between 0 and ${MAX_PAGE_SIZE}: ask for at most ${MAX_PAGE_SIZE} items per page`,
      { field: 'first', max: MAX_PAGE_SIZE, given: first },
      ErrorReason.PAGE_TOO_LARGE,
    );
  }
  return first;
}

/** Turns rows fetched with `limit + 1` into a connection. */
export function toConnection<T extends { id: string; createdAt: Date }>(rows: T[], limit: number, totalCount: number): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
  };
}
