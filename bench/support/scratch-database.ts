import { Client } from 'pg';

/**
 * Runs `work` on the server's `postgres` database, about the bench database `databaseUrl` names;
 * the name is checked and quoted as an identifier, since DDL takes no parameters.
 */
async function asAdmin(databaseUrl: string, work: (admin: Client, name: string) => Promise<void>): Promise<void> {
  const name = databaseName(databaseUrl);
  const admin = new Client({ connectionString: databaseUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    await work(admin, name);
  } finally {
    await admin.end();
  }
}

function databaseName(databaseUrl: string): string {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bench database name must be a plain identifier (got "${name}")`);
  return name;
}

const disconnect = (admin: Client, names: string[]) =>
  admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()`, [names]);

/**
 * Drops and creates a bench's own database (the one its URL names), ending whatever is still
 * connected to it. The name comes from BENCH_DATABASE_URL.
 */
export function recreateDatabase(databaseUrl: string): Promise<void> {
  return asAdmin(databaseUrl, async (admin, name) => {
    await disconnect(admin, [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
}

/**
 * Makes `databaseUrl`'s database a copy of `templateUrl`'s (CREATE DATABASE … TEMPLATE: a file
 * copy, much faster than seeding again), so that a bench which changes its data starts every run
 * from the same seed. Whatever is connected to either is ended first.
 */
export async function cloneDatabase(templateUrl: string, databaseUrl: string): Promise<void> {
  const template = databaseName(templateUrl);
  await asAdmin(databaseUrl, async (admin, name) => {
    await disconnect(admin, [name, template]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
}

export function dropDatabase(databaseUrl: string): Promise<void> {
  return asAdmin(databaseUrl, async (admin, name) => {
    await disconnect(admin, [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}
