import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { BUILD_DIR_ENV, buildForChildProcesses } from '../support/compiled-build';
import { assertDatabaseName, databaseUrl, RUN_DATABASE_ENV, RUN_ID_ENV, TEST_SERVER_URL } from '../support/test-database';

/** Whether a process of this machine still runs (a run that died leaves its databases behind). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Once per run: names the run's databases after the configured base and this process, drops those
 * of earlier runs that died, migrates the template every worker clones (test/setup/worker-database.ts)
 * and compiles what the child processes run. The workers inherit the names through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const base = assertDatabaseName(process.env.TEST_DATABASE_NAME ?? 'reuse_e2e');
  const run = assertDatabaseName(`${base}_p${process.pid}`);
  const template = assertDatabaseName(`${run}_template`);
  process.env[RUN_DATABASE_ENV] = run;
  process.env[RUN_ID_ENV] = `t${process.pid}`;

  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    const left: Array<{ datname: string }> = await admin
      .query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${base.replace(/_/g, '\\_')}\\_p%`])
      .then((r) => r.rows);
    for (const { datname } of left) {
      const pid = Number(new RegExp(`^${base}_p(\\d+)_`).exec(datname)?.[1]);
      // without FORCE: a database someone is connected to is not a dead run's
      if (pid && pid !== process.pid && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS ${assertDatabaseName(datname)}`).catch(() => undefined);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }

  // The migrations as production runs them (MigrationRunner), once for every worker.
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl(template), migrations: MIGRATIONS, logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }

  // the child processes' compiled API, worker and CLI (test/support/compiled-build.ts), once for every worker
  process.env[BUILD_DIR_ENV] = buildForChildProcesses();
}
