import { Client } from 'pg';
import { assertDatabaseName, TEST_DATABASE_NAME, TEST_SERVER_URL, TEST_TEMPLATE_DATABASE } from '../support/test-database';

/**
 * Before each test file: this worker's database, cloned from the migrated template the first time
 * (a file later truncates what it needs with TestApp.reset()).
 */
beforeAll(async () => {
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [TEST_DATABASE_NAME]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${assertDatabaseName(TEST_DATABASE_NAME)} TEMPLATE ${assertDatabaseName(TEST_TEMPLATE_DATABASE)}`);
  } finally {
    await admin.end();
  }
});
