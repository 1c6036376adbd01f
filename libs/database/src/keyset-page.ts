import { Connection, decodeCursor, pageSize, toConnection } from '@app/common';
import { SelectQueryBuilder } from 'typeorm';

/**
 * A page of a filtered query, newest first over the (created_at, id) keyset, with the total of
 * the filtered rows. `alias` is the query's own alias (code, never the caller's text).
 */
export async function keysetPage<T extends { id: string; createdAt: Date }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  first?: number | null,
  after?: string | null,
): Promise<Connection<T>> {
  const limit = pageSize(first);
  const cursor = after ? decodeCursor(after) : null;
  const total = await qb.clone().getCount();
  if (cursor) qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:keysetAt, :keysetId)`, { keysetAt: cursor.createdAt, keysetId: cursor.id });
  const rows = await qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  return toConnection(rows, limit, total);
}
