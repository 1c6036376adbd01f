import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { loadAppConfig } from '@app/common';
import { NetworkSeeder } from '@app/network';
import { armShutdownDeadline } from '../../worker/src/shutdown-deadline';
import { createApiApplication } from './bootstrap';
import { reportStartupFailure } from './observability/startup-failure';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApplication({ withWorker: config.runWorker });
  armShutdownDeadline(config.shutdownTimeoutMs);
  await app.listen(config.port, config.host);
  // PORT=0 takes a free port: say which
  const address = app.getHttpServer().address() as AddressInfo | null;
  const base = `http://localhost:${address?.port ?? config.port}`;
  const logins = await app.get(NetworkSeeder).demoLogins();
  const lines = [
    '',
    `  Web console: ${base}/`,
    `  Reuse network API ready: ${base}/graphql  (explorer for ADMIN: ${base}/explorer, health: ${base}/health/live and ${base}/health/ready)`,
    `  Database: ${config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}; worker ${config.runWorker ? 'in this process' : 'separate'}`,
    ...(logins.length ? ['  Demo logins:', ...logins.map((l) => `    ${l}`)] : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  reportStartupFailure(error, 'api');
  process.exit(1);
});
