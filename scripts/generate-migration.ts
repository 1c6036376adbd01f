/**
 * Writes a migration with the SQL that brings the schema (after every existing migration) to
 * the entities. Needs a PostgreSQL server: MIGRATION_DATABASE_URL, default the local one.
 *   npx ts-node -r tsconfig-paths/register scripts/generate-migration.ts AddLots
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '@app/database';
import { MIGRATIONS } from '../migrations';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration.ts PascalCaseName');
  const server = process.env.MIGRATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS reuse_migration_scratch');
  await admin.query('CREATE DATABASE reuse_migration_scratch');
  await admin.end();
  const url = server.replace(/\/[^/]*$/, '/reuse_migration_scratch');
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [join(__dirname, '../libs/**/*.entity.ts')],
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (!sql.upQueries.length) {
    process.stdout.write('schema is up to date: no migration written\n');
    return;
  }
  const timestamp = Date.now();
  const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((x) => `    await queryRunner.query(${q(x.query)});`)
    .join('\n');
  const file = join(__dirname, '../migrations', `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  process.stdout.write(`wrote ${file}: add it to migrations/index.ts\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
