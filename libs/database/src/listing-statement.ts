import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * A listing's SQL as the query builder writes it, built once per shape (filter, projection,
 * caller rule) and kept: building it and hydrating through TypeORM cost more CPU per request
 * than the database spent answering. Parameters are named; `run` places their values.
 */
export interface ListingStatement<T> {
  sql: string;
  /** The name of each positional parameter, in order. */
  parameters: string[];
  hydrate: (row: Record<string, unknown>) => T;
}

/** The value a statement is built with in place of a parameter: its name, marked, found back in the built parameter list. */
export function parameterMarker(name: string): string {
  return `\u0000${name}`;
}

/** Marker values for every named parameter, for `qb.andWhere(sql, markers(names))`. */
export function parameterMarkers(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, parameterMarker(name)]));
}

/** The statement's text and the names of its positional parameters, from a builder given markers only. */
export function markedQuery(qb: SelectQueryBuilder<ObjectLiteral>): { sql: string; parameters: string[] } {
  const [sql, values] = qb.getQueryAndParameters();
  const parameters = values.map((value) => {
    if (typeof value !== 'string' || !value.startsWith('\u0000')) throw new Error('listing statement: a parameter was given a value instead of its marker');
    return value.slice(1);
  });
  return { sql, parameters };
}

/**
 * Sets, on an entity, the columns the builder selected under `alias`, through the driver's
 * conversion and each column's transformer as TypeORM's own hydration does, without rebuilding
 * its plan per row.
 */
export function columnsHydrator(
  manager: EntityManager,
  sql: string,
  alias: string,
  selected: readonly ColumnMetadata[],
): (row: Record<string, unknown>, entity: ObjectLiteral) => void {
  const driver = manager.connection.driver;
  const columns = selected.map((column) => {
    const name = `${alias}_${column.databaseName}`;
    if (!sql.includes(`AS "${name}"`)) throw new Error(`listing statement: column ${column.databaseName} is not selected as ${name}`);
    return { name, column };
  });
  return (row, entity) => {
    for (const { name, column } of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[name], column));
  };
}

/**
 * The columns of an entity a listing reads: those whose property is asked for and those always
 * needed. A field that is no column is a field resolver, which may read any property of its
 * parent: then every column is read, as without `fields`.
 */
export function listedColumns(
  manager: EntityManager,
  entity: new () => unknown,
  fields: ReadonlySet<string> | undefined,
  always: ReadonlySet<string>,
): ColumnMetadata[] {
  const all = manager.connection.getMetadata(entity).columns;
  if (!fields) return all;
  const properties = new Set(all.map((column) => column.propertyPath.split('.')[0]!));
  if ([...fields].some((field) => !properties.has(field) && field !== '__typename')) return all;
  return all.filter((column) => {
    const property = column.propertyPath.split('.')[0]!;
    return always.has(property) || fields.has(property);
  });
}

/** Statements per shape, bounded: the rules put caller values in parameters, so shapes are few; the cap holds if one ever did not. */
export class ListingStatements<T> {
  private readonly statements = new Map<string, ListingStatement<T>>();

  constructor(private readonly cap = 256) {}

  get(key: string, build: () => ListingStatement<T>): ListingStatement<T> {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = build();
      if (this.statements.size < this.cap) this.statements.set(key, statement);
    }
    return statement;
  }

  /** The rows of a statement, hydrated, with the named values in the statement's order. */
  async run(manager: EntityManager, statement: ListingStatement<T>, values: Record<string, unknown>): Promise<T[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      statement.sql,
      statement.parameters.map((name) => values[name]),
    );
    return rows.map(statement.hydrate);
  }
}
