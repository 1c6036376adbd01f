import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger, QueryFailedError } from 'typeorm';

/** The fields of a PostgreSQL error that name schema objects, never data. */
interface PgErrorFields {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
}

/**
 * PostgreSQL quotes values in some messages (`invalid input syntax for type uuid: "…"`): quoted
 * text is kept only when it is the constraint, table, column or type the error names.
 */
function withoutValues(message: string, fields: PgErrorFields): string {
  const names = new Set([fields.constraint, fields.table, fields.column, fields.schema, fields.dataType].filter(Boolean));
  return message.replace(/"((?:[^"]|"")*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'));
}

/**
 * What a failed query may say in a log: its SQL text (placeholders only), the PostgreSQL error
 * code, the constraint, and the message without values. Never the parameters nor the error's
 * `detail`, which repeat request data (a password hash reached the log that way).
 */
export function describeQueryError(error: unknown, query?: string): string {
  const driver = ((error instanceof QueryFailedError ? error.driverError : error) ?? {}) as PgErrorFields & { message?: string };
  const message = withoutValues(String(driver.message ?? (error instanceof Error ? error.message : error)), driver);
  const sql = (query ?? (error instanceof QueryFailedError ? error.query : undefined))?.replace(/\s+/g, ' ').trim();
  return [
    `query failed${driver.code ? ` (${driver.code})` : ''}: ${message}`,
    driver.constraint ? `constraint ${driver.constraint}` : null,
    sql ? `sql: ${sql}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * TypeORM's logger, through the application's. TypeORM's own loggers print every failed query
 * with its parameters; this one prints what `describeQueryError` allows, and nothing else.
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');

  logQuery(): void {
    // successful queries are not logged: too many, and this is not where to trace them
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(describeQueryError(error, query));
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms); sql: ${query.replace(/\s+/g, ' ').trim()}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
