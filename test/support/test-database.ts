/** The real PostgreSQL server of this machine (CI starts it); never PGlite for e2e tests. */
export const TEST_SERVER_URL = process.env.TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DATABASE_NAME = process.env.TEST_DATABASE_NAME ?? 'reuse_e2e';
export const TEST_DATABASE_URL = TEST_SERVER_URL.replace(/\/[^/]*$/, `/${TEST_DATABASE_NAME}`);
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
