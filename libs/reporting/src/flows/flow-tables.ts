import { FLOW_COUNTERS, FlowSource } from './region-flow-sources';

/** One of the dashboard's counter tables: its key and its counters. */
export interface FlowTable {
  name: 'region_daily_flow' | 'region_daily_reuse' | 'region_daily_lead_time' | 'region_monthly_lead_time';
  keys: readonly string[];
  keyTypes: readonly string[];
  counters: readonly string[];
}

export const FLOW_TABLE: FlowTable = { name: 'region_daily_flow', keys: ['region_id', 'day'], keyTypes: ['uuid', 'date'], counters: FLOW_COUNTERS };
export const REUSE_TABLE: FlowTable = {
  name: 'region_daily_reuse',
  keys: ['region_id', 'day', 'category'],
  keyTypes: ['uuid', 'date', 'device_category'],
  counters: ['refurbished'],
};
export const LEAD_TIME_TABLE: FlowTable = {
  name: 'region_daily_lead_time',
  keys: ['region_id', 'day', 'kind', 'bucket_hours'],
  keyTypes: ['uuid', 'date', 'varchar', 'int'],
  counters: ['samples'],
};
export const MONTHLY_LEAD_TIME_TABLE: FlowTable = {
  name: 'region_monthly_lead_time',
  keys: ['region_id', 'month', 'kind', 'bucket_hours'],
  keyTypes: ['uuid', 'date', 'varchar', 'int'],
  counters: ['samples'],
};
/** In this order, always: the order locks are taken in. */
export const FLOW_TABLES = [FLOW_TABLE, REUSE_TABLE, LEAD_TIME_TABLE, MONTHLY_LEAD_TIME_TABLE] as const;

/** Daily histogram rows as the monthly table files them. */
export const byMonth = (rows: readonly FlowRow[]): FlowRow[] => rows.map(({ day, ...rest }) => ({ ...rest, month: `${String(day).slice(0, 7)}-01` }));

export type FlowRow = Record<string, string | number>;

/**
 * Adds rows (given as JSON in $1) to a table's counters: one upsert that takes each row's lock
 * itself, in key order, never a read-modify-write.
 */
export function incrementSql(t: FlowTable): string {
  const columns = [...t.keys, ...t.counters];
  const types = [...t.keyTypes, ...t.counters.map(() => 'int')];
  return `INSERT INTO ${t.name} AS t (${columns.join(', ')})
          SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS s(${columns.map((c, i) => `${c} ${types[i]}`).join(', ')})
          ORDER BY ${t.keys.join(', ')}
          ON CONFLICT (${t.keys.join(', ')}) DO UPDATE SET ${t.counters.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/**
 * incrementSql for the rows of a source, read by the upsert itself (the source's parameters are the
 * statement's): one round trip instead of a read and a write. The source's rows have distinct keys
 * (it groups by them); the table's other counters are not touched.
 */
export function incrementFromSourceSql(t: FlowTable, source: FlowSource): string {
  const counters = t.counters.filter((c) => (source.counters as readonly string[]).includes(c));
  const columns = [...t.keys, ...t.counters];
  const values = [...t.keys, ...t.counters.map((c) => (counters.includes(c) ? c : '0'))];
  return `INSERT INTO ${t.name} AS t (${columns.join(', ')})
          SELECT ${values.join(', ')} FROM (${source.sql}) src
           WHERE ${counters.map((c) => `${c} <> 0`).join(' OR ')}
           ORDER BY ${t.keys.join(', ')}
          ON CONFLICT (${t.keys.join(', ')}) DO UPDATE SET ${counters.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** SQL select list for a key column as it goes to JSON: a date as its text (pg would make it a local-midnight Date). */
export const keyOut = (t: FlowTable, key: string, expr: string): string => `${expr}${t.keyTypes[t.keys.indexOf(key)] === 'date' ? '::text' : ''} AS ${key}`;

/** Sums rows with the same key. */
export function mergeRows(t: FlowTable, into: Map<string, FlowRow>, rows: readonly FlowRow[], sign = 1): void {
  for (const row of rows) {
    const key = t.keys.map((k) => row[k]).join('|');
    const current = into.get(key) ?? Object.fromEntries([...t.keys.map((k) => [k, row[k]]), ...t.counters.map((c) => [c, 0])]);
    for (const c of t.counters) current[c] = Number(current[c]) + sign * Number(row[c] ?? 0);
    into.set(key, current);
  }
}
