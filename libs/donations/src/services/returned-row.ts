import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The entity a row of `INSERT|UPDATE … RETURNING *` describes, hydrated as a find would (the
 * driver's conversions, embedded columns included): a command answers from what it wrote
 * instead of reading it back.
 */
export function entityFromReturnedRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

/** A statement written with `:named` parameters, as PostgreSQL takes it (`$1`, `$2`, … and their values). */
export function positional(manager: EntityManager, sql: string, params: Record<string, unknown>): [string, unknown[]] {
  return manager.connection.driver.escapeQueryWithParameters(sql, params);
}
