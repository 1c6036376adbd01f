import 'reflect-metadata';
import { ConfigError, loadAppConfig } from '@app/common';
import { NetworkSeeder } from '@app/network';
import { createApiApplication } from './bootstrap';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApplication({ withWorker: config.runWorker });
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}/graphql`;
  const logins = await app.get(NetworkSeeder).demoLogins();
  const lines = [
    '',
    `  Reuse network API ready: ${url}  (GraphiQL: http://localhost:${config.port}/graphiql, health: http://localhost:${config.port}/health)`,
    `  Database: ${config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}; worker ${config.runWorker ? 'in this process' : 'separate'}`,
    ...(logins.length ? ['  Demo logins:', ...logins.map((l) => `    ${l}`)] : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
