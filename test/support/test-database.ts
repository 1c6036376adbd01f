/**
 * Where the e2e tests keep their data. Each run has its own databases and Redis keys, so that two
 * runs can share a machine: globalSetup names the run (TEST_DATABASE_NAME, default reuse_e2e, plus
 * its pid), migrates `<run>_template` once, and each Jest worker clones it into `<run>_w<worker>`.
 */

/** The real PostgreSQL server of this machine (CI starts it); never PGlite for e2e tests. */
export const TEST_SERVER_URL = process.env.TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

/** What globalSetup tells the workers (they inherit its environment). */
export const RUN_DATABASE_ENV = 'E2E_RUN_DATABASE';
export const RUN_ID_ENV = 'E2E_RUN_ID';

const WORKER = process.env.JEST_WORKER_ID ?? '1';

/** The base name of this run's databases (the configured name alone when no globalSetup ran). */
export const TEST_RUN_DATABASE = process.env[RUN_DATABASE_ENV] ?? process.env.TEST_DATABASE_NAME ?? 'reuse_e2e';
export const TEST_TEMPLATE_DATABASE = `${TEST_RUN_DATABASE}_template`;
/** This worker's own database, a clone of the migrated template. */
export const TEST_DATABASE_NAME = `${TEST_RUN_DATABASE}_w${WORKER}`;
export const TEST_DATABASE_URL = databaseUrl(TEST_DATABASE_NAME);
/** This worker's Redis key prefix (queues, rate limits): one per run and worker. */
export const TEST_QUEUE_PREFIX = `${process.env[RUN_ID_ENV] ?? `t${process.pid}`}w${WORKER}`;

export function databaseUrl(name: string): string {
  return TEST_SERVER_URL.replace(/\/[^/]*$/, `/${name}`);
}

/** Database names are put in SQL text (CREATE DATABASE takes no parameters): only plain identifiers. */
export function assertDatabaseName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return name;
}
