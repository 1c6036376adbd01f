import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/common';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { Agent } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { postGraphQL } from './graphql-post';

/** The administrator every bench's API is started with (seedDemo off: the bench seeds). */
export const BENCH_ADMIN = { email: 'bench-admin@reuse.test', password: 'bench-password-0123' };
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export interface BenchApi {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** the GraphQL endpoint */
  url: string;
}

/**
 * The API as production runs it (the caller imports production-env first and runs with
 * NODE_ENV=production), without the worker: a bench runs the jobs it measures itself. No rate
 * limit: a bench is one client sending what many would.
 */
export async function startBenchApi(databaseUrl: string, redisUrl: string, config: Partial<AppConfig> = {}): Promise<BenchApi> {
  const app: NestFastifyApplication = await createApiApplication({
    withWorker: false,
    config: {
      databaseUrl,
      redisUrl,
      jwtSecret: BENCH_JWT_SECRET,
      seedDemo: false,
      adminEmail: BENCH_ADMIN.email,
      adminPassword: BENCH_ADMIN.password,
      logLevel: 'warn',
      rateLimitPerMinute: 0,
      ...config,
    },
  });
  await app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, origin, url: `${origin}/graphql` };
}

const ROOT = join(__dirname, '..', '..');
let benchBuild: string | undefined;

/**
 * A bench file run again in a process of its own (`args` tell it which server to be), so that the
 * client's work and garbage stay out of the server's times. The child runs the file compiled
 * (`node file.js`, as the image runs the API), not through ts-node, whose REPL module loads
 * `domain` and with it an async hook on every promise. It sends its URL once it listens.
 */
export function forkBenchServer(file: string, args: string[], env: Record<string, string> = {}, profile = true): Promise<{ child: ChildProcess; url: string }> {
  // compiled in a process of its own: this one resolves `@app/…` through tsconfig-paths, and Nest's
  // path rewriting would take them for installed packages and leave them as they are
  benchBuild ??= execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-e', `process.stdout.write(require('./test/support/compiled-build').buildBenchServers())`],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const compiled = join(benchBuild, relative(ROOT, file)).replace(/\.ts$/, '.js');
  return new Promise((resolve, reject) => {
    // BENCH_CPU_PROF=dir: the server writes a V8 CPU profile there when it exits
    const prof = profile && process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const child = fork(compiled, args, { execArgv: prof, env: { ...process.env, ...env } });
    child.once('message', (url) => resolve({ child, url: String(url) }));
    child.once('exit', (code) => reject(new Error(`${file} ${args.join(' ')} exited (${code})`)));
  });
}

/** Asks a forked server to stop (any message but the ones it answers) and waits for it to exit. */
export function stopBenchServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()).send('stop'));
}

export type Gql = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Record<string, any>>;

/** GraphQL over one kept-alive connection; a GraphQL error throws (a bench must not time refusals). */
export function graphqlClient(url: string, agent = new Agent({ keepAlive: true, maxSockets: 1 })): Gql {
  return async (query, variables = {}, token) => {
    const body = JSON.parse(await postGraphQL(url, agent, JSON.stringify({ query, variables }), token)) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(`${query.replace(/\s+/g, ' ').slice(0, 80)}…: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
}

export async function loginAs(gql: Gql, email: string, password = BENCH_ADMIN.password): Promise<string> {
  const data = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
  return data.login.accessToken as string;
}
