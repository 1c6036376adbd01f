import { Connection, Cursor, decodeCursor, pageSize, toConnection } from '@app/common';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { columnsHydrator, listedColumns, ListingStatements, markedQuery, parameterMarker, parameterMarkers } from './listing-statement';

/** What a connection's selection asks for: the fields of its nodes, and whether it counts them. */
export interface ConnectionSelection {
  nodes: ReadonlySet<string>;
  totalCount: boolean;
}

/** An optional filter of a listing: left out when its value is null or undefined. */
export interface ListingFilter {
  /** SQL on the listing's alias naming its parameter `:<name>` */
  sql: string;
  name: string;
  value: unknown;
}

/** The caller's rule as READ_RULES writes it: a WHERE fragment with named parameters. */
export interface ListingScope {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * A paged listing of one table, newest first over the (created_at, id) keyset: its page and count
 * statements built once per shape (filters given, cursor or not, columns read, caller rule) and
 * kept, only the columns the selection needs read (with `always`, what the cursor and the field
 * resolvers of the type read), the count sent only when asked for, beside the page.
 */
export class KeysetListing<T extends { id: string; createdAt: Date }> {
  private readonly pages = new ListingStatements<T>();
  private readonly counts = new ListingStatements<number>();

  constructor(
    private readonly entity: new () => T,
    private readonly alias: string,
    private readonly always: ReadonlySet<string>,
  ) {}

  async list(
    manager: EntityManager,
    scope: ListingScope,
    filters: ListingFilter[],
    first: number | null | undefined,
    after: string | null | undefined,
    selection?: ConnectionSelection,
  ): Promise<Connection<T>> {
    const limit = pageSize(first);
    const cursor = after ? decodeCursor(after) : null;
    const given = filters.filter((f) => f.value != null);
    const columns = listedColumns(manager, this.entity, selection?.nodes, this.always);
    const shape = `${given.map((f) => f.name).join(',')} ${scope.sql}`;
    const values: Record<string, unknown> = { ...scope.params, ...Object.fromEntries(given.map((f) => [f.name, f.value])) };
    const page = this.pages.get(`${shape} ${cursor ? 'after' : ''} ${columns.map((c) => c.databaseName).join(',')}`, () => {
      const qb = this.builder(manager, scope, given, cursor)
        .select(columns.map((column) => `${this.alias}.${column.propertyPath}`))
        .orderBy(`${this.alias}.created_at`, 'DESC')
        .addOrderBy(`${this.alias}.id`, 'DESC');
      const { sql, parameters } = markedQuery(qb);
      const hydrate = columnsHydrator(manager, sql, this.alias, columns);
      return {
        sql: `${sql} LIMIT $${parameters.length + 1}`,
        parameters: [...parameters, 'limit'],
        hydrate: (row) => {
          const entity = new this.entity();
          hydrate(row, entity as ObjectLiteral);
          return entity;
        },
      };
    });
    const counted =
      selection && !selection.totalCount
        ? null
        : this.counts.get(shape, () => {
            const { sql, parameters } = markedQuery(this.builder(manager, scope, given, null).select('COUNT(1)', 'cnt'));
            return { sql, parameters, hydrate: (row) => Number(row.cnt) };
          });
    const [rows, total] = await Promise.all([
      this.pages.run(manager, page, { ...values, ca: cursor?.createdAt, cid: cursor?.id, limit: limit + 1 }),
      counted ? this.counts.run(manager, counted, values) : null,
    ]);
    // not asked for: never sent in the answer
    return toConnection(rows, limit, total?.[0] ?? 0);
  }

  private builder(manager: EntityManager, scope: ListingScope, given: ListingFilter[], cursor: Cursor | null) {
    const a = this.alias;
    const qb = manager.getRepository(this.entity).createQueryBuilder(a);
    if (scope.sql !== 'true') qb.andWhere(`(${scope.sql})`, parameterMarkers(Object.keys(scope.params)));
    for (const filter of given) qb.andWhere(filter.sql, { [filter.name]: parameterMarker(filter.name) });
    if (cursor) qb.andWhere(`(${a}.created_at, ${a}.id) < (:ca, :cid)`, parameterMarkers(['ca', 'cid']));
    return qb;
  }
}
