import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedQuery } from './prepared-query';

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
 * Sets, on an entity, the columns the builder selected under `alias`, as TypeORM's own hydration
 * does (the driver's conversion, each column's transformer), without rebuilding its plan per row.
 */
export function columnsHydrator(
  manager: EntityManager,
  sql: string,
  alias: string,
  selected: readonly ColumnMetadata[],
): (row: Record<string, unknown>, entity: ObjectLiteral) => void {
  const setters = selected.map((column) => {
    const name = `${alias}_${column.databaseName}`;
    if (!sql.includes(`AS "${name}"`)) throw new Error(`listing statement: column ${column.databaseName} is not selected as ${name}`);
    return columnSetter(manager, column, name);
  });
  return (row, entity) => {
    for (const set of setters) set(row, entity);
  };
}

/**
 * Column types whose values pg already gives as TypeORM hydrates them: its conversion of these
 * (PostgresDriver.prepareHydratedValue) returns what it is given — strings, numbers pg parsed,
 * parsed JSON, and the Date pg makes of a timestamptz.
 */
const AS_READ = new Set<unknown>([
  'uuid',
  'character varying',
  'varchar',
  'text',
  'citext',
  'integer',
  'int',
  'int4',
  'smallint',
  'int2',
  'double precision',
  'float8',
  'real',
  'numeric',
  'decimal',
  'json',
  'jsonb',
  'timestamp with time zone',
  'timestamptz',
]);

/**
 * How one selected value reaches the entity. A plain column whose type pg already hands over as
 * TypeORM would hydrate it (AS_READ; an enum whose values are all strings, which TypeORM only
 * turns into numbers when they are numeric members) is copied as it is: that conversion and
 * `setEntityValue`, done for every column of every row, were most of a listing's CPU. Any other
 * column (a transformer, an embedded object, an array, a date, a boolean) goes through TypeORM.
 */
function columnSetter(manager: EntityManager, column: ColumnMetadata, name: string): (row: Record<string, unknown>, entity: ObjectLiteral) => void {
  const plain = !column.transformer && !column.embeddedMetadata && !column.relationMetadata && !column.isArray && !column.isVirtual;
  const asRead = AS_READ.has(column.type) || (column.type === 'enum' && (column.enum ?? []).every((value) => typeof value === 'string'));
  if (plain && asRead) {
    const property = column.propertyName;
    return (row, entity) => {
      entity[property] = row[name];
    };
  }
  const driver = manager.connection.driver;
  return (row, entity) => column.setEntityValue(entity, driver.prepareHydratedValue(row[name], column));
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
    const rows = await preparedQuery(
      manager,
      statement.sql,
      statement.parameters.map((name) => values[name]),
    );
    return rows.map(statement.hydrate);
  }
}
