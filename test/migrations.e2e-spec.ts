import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { TestApp } from './support/test-app';
import { assertDatabaseName, databaseUrl, TEST_DATABASE_NAME, TEST_SERVER_URL } from './support/test-database';

/**
 * Production builds its schema with the migrations only (`synchronize` is never on); the entities
 * are what the code believes. On a fresh database, after every migration, TypeORM must find
 * nothing to change: a difference is a migration missing, or an entity that says something else.
 */
describe('migrations and entities', () => {
  const fresh = assertDatabaseName(`${TEST_DATABASE_NAME}_schema`);
  let migrated: DataSource;

  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: TEST_SERVER_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    // the entities and settings of the application itself (autoLoadEntities gathers them at start)
    const t = await TestApp.start();
    const options = t.dataSource.options as Extract<DataSourceOptions, { type: 'postgres' }>;
    await t.close();
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${fresh}`);
    });
    migrated = new DataSource({ ...options, url: databaseUrl(fresh), synchronize: false, migrationsRun: false, logging: ['error'] });
    await migrated.initialize();
    await migrated.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    if (migrated?.isInitialized) await migrated.destroy();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`));
  });

  it('every migration applies to an empty database', async () => {
    const applied: Array<{ name: string }> = await migrated.query(`SELECT name FROM migrations ORDER BY id`);
    expect(applied.map((m) => m.name)).toEqual(migrated.migrations.map((m) => m.name));
  });

  it('after them, the entities ask for no change (the SQL synchronize would run is empty)', async () => {
    const pending = await migrated.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
