import { Client } from 'pg';
import Redis from 'ioredis';
import { assertDatabaseName, RUN_DATABASE_ENV, RUN_ID_ENV, TEST_REDIS_URL, TEST_SERVER_URL } from '../support/test-database';

/** Drops this run's databases and Redis keys (named in globalSetup); other runs keep theirs. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env[RUN_DATABASE_ENV];
  const runId = process.env[RUN_ID_ENV];
  if (run) {
    const admin = new Client({ connectionString: TEST_SERVER_URL });
    await admin.connect();
    try {
      const ours: Array<{ datname: string }> = await admin
        .query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run.replace(/_/g, '\\_')}\\_%`])
        .then((r) => r.rows);
      for (const { datname } of ours) await admin.query(`DROP DATABASE IF EXISTS ${assertDatabaseName(datname)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  if (runId) {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${runId}w*`, 'COUNT', 1000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } catch {
      // Redis away: the keys stay, under a prefix no other run uses
    } finally {
      redis.disconnect();
    }
  }
}
