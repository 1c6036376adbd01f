import { Client } from 'pg';
import { TEST_DATABASE_NAME, TEST_SERVER_URL } from '../support/test-database';

/** A fresh database per run; each test file migrates it (a no-op after the first) and truncates. */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [TEST_DATABASE_NAME]);
  await admin.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE_NAME}`);
  await admin.query(`CREATE DATABASE ${TEST_DATABASE_NAME}`);
  await admin.end();
}
