import { Logger } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GraphQLErrorFilter } from '../apps/api/src/graphql/graphql-error.filter';
import { JobSchedules, QueueName, QueueRegistry, SCHEDULES, WorkerHost } from '@app/jobs';
import { PurgeOldRecordsJob } from '@app/jobs/purge-old-records.job';
import { NetworkSeeder } from '@app/network';
import { DEMO_PASSWORD } from '@app/network/seed/demo-network';
import { ArgumentsHost } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { Client } from 'pg';
import Redis from 'ioredis';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { HealthAndHygieneLoginDocument, HealthAndHygieneMyRoleDocument } from './generated/graphql';
import { compiledEntry } from './support/compiled-build';
import { RedisProxy } from './support/redis-proxy';
import { TestApp } from './support/test-app';
import { TEST_DATABASE_NAME, TEST_DATABASE_URL, TEST_REDIS_URL, TEST_SERVER_URL } from './support/test-database';
import { waitFor } from './support/wait-for';

const ROOT = join(__dirname, '..');
const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A real process of ours (API or standalone worker), its output kept for assertions. */
class Spawned {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  static start(entry: string, env: Record<string, string>): Spawned {
    const child = spawn(process.execPath, [compiledEntry(entry)], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'production',
        DATABASE_URL: TEST_DATABASE_URL,
        JWT_SECRET,
        ATTESTATION_KEYS: `k1:${'a'.repeat(40)}`,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Spawned(child);
  }

  /** SIGTERM, then how long it took to exit. */
  async terminate(): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
    const sent = Date.now();
    this.child.kill('SIGTERM');
    const { code, signal, at } = await this.exited;
    return { ms: at - sent, code, signal };
  }

  /** Waits for a condition on this process, and shows what it printed if it never comes. */
  async until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
    try {
      return await waitFor(what, check, timeoutMs, 200);
    } catch (error) {
      throw new Error(`${(error as Error).message}; the process printed:\n${this.output.slice(-4000)}`);
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

describe('health, shutdown and data hygiene', () => {
  describe('health endpoints of the API', () => {
    let proxy: RedisProxy;
    let t: TestApp;
    const get = (path: string) => request(t.app.getHttpServer()).get(path);

    beforeAll(async () => {
      proxy = await RedisProxy.start();
      t = await TestApp.start({ redisUrl: proxy.url(5), queuePrefix: `h${Date.now()}a` });
      await t.reset();
    });
    afterAll(async () => {
      await t.close();
      await proxy.down();
    });

    it('live and ready answer 200 when PostgreSQL and Redis are up; /health is ready', async () => {
      expect((await get('/health/live')).status).toBe(200);
      for (const path of ['/health/ready', '/health']) {
        const res = await get(path);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
      }
    });

    it('without Redis the API is degraded but still ready (jobs wait in the outbox)', async () => {
      await proxy.down();
      const res = await get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('degraded');
      expect(res.body.checks.redis.status).toBe('degraded');
      expect(res.body.checks.database.status).toBe('up');
      expect((await get('/health/live')).status).toBe(200);
      await proxy.up();
      await waitFor('Redis to be reported up again', async () => (await get('/health/ready')).body.status === 'ok', 15_000);
    });

    it('without PostgreSQL it is not ready (503), and still live', async () => {
      const admin = new Client({ connectionString: TEST_SERVER_URL });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${TEST_DATABASE_NAME} ALLOW_CONNECTIONS false`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [TEST_DATABASE_NAME]);
        const res = await get('/health/ready');
        expect(res.status).toBe(503);
        expect(res.body.status).toBe('error');
        expect(res.body.checks.database.status).toBe('down');
        expect((await get('/health')).status).toBe(503);
        expect((await get('/health/live')).status).toBe(200);
      } finally {
        await admin.query(`ALTER DATABASE ${TEST_DATABASE_NAME} ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      await waitFor('the database to be ready again', async () => (await get('/health/ready')).status === 200, 15_000);
    });
  });

  describe('purging old records', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await TestApp.start({ outboxRetentionDays: 3, loginFailureRetentionDays: 30, queuePrefix: `h${Date.now()}b` });
      await t.reset();
    });
    afterAll(() => t.close());

    const outbox = (sentDaysAgo: number | null, createdDaysAgo: number, name: string) =>
      t.dataSource.query(
        `INSERT INTO outbox_message (queue, name, payload, created_at, sent_at)
         VALUES ('routing', $1, '{}', now() - make_interval(days => $2), CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END)`,
        [name, createdDaysAgo, sentDaysAgo],
      );

    it('deletes sent outbox messages and failed logins past their retention, and nothing else; a second run deletes nothing', async () => {
      await outbox(5, 5, 'sent-5-days-ago'); // past OUTBOX_RETENTION_DAYS=3 (the default 7 would keep it)
      await outbox(1, 1, 'sent-yesterday');
      await outbox(null, 60, 'never-sent'); // a job still owed: kept however old
      // more old failures than one batch
      await t.dataSource.query(
        `INSERT INTO login_failure (email, ip, at) SELECT 'someone@example.org', '203.0.113.7', now() - interval '40 days' FROM generate_series(1, 12001)`,
      );
      await t.dataSource.query(
        `INSERT INTO login_failure (email, ip, at) VALUES ('someone@example.org', '203.0.113.7', now() - interval '20 days'), ('someone@example.org', '203.0.113.7', now())`,
      );

      const job = t.app.get(PurgeOldRecordsJob);
      expect(await job.handle()).toEqual({ outboxMessages: 1, loginFailures: 12001 });
      expect((await t.dataSource.query(`SELECT name FROM outbox_message ORDER BY name`)).map((r: { name: string }) => r.name)).toEqual([
        'never-sent',
        'sent-yesterday',
      ]);
      expect(await t.count('login_failure')).toBe(2);
      expect(await job.handle()).toEqual({ outboxMessages: 0, loginFailures: 0 });
    });
  });

  describe('job schedules when Redis comes back empty', () => {
    const checkEveryMs = JobSchedules.checkEveryMs;
    let t: TestApp;

    beforeAll(async () => {
      JobSchedules.checkEveryMs = 100;
      t = await TestApp.start({ queuePrefix: `h${Date.now()}c` }, { withWorker: true });
      await t.reset();
    });
    afterAll(async () => {
      JobSchedules.checkEveryMs = checkEveryMs;
      await t.close();
    });

    const scheduled = async (): Promise<string[]> => {
      const queues = t.app.get(QueueRegistry);
      const ids = await Promise.all(Object.values(QueueName).map(async (q) => (await queues.get(q).getJobSchedulers()).map((s) => s.key)));
      return ids.flat().sort();
    };

    it('the purge runs by itself every day: scheduled, and handled by the workers', () => {
      expect(SCHEDULES).toContainEqual(expect.objectContaining({ name: 'purge-old-records', queue: QueueName.REPORTING, pattern: expect.any(String) }));
      expect(t.app.get(WorkerHost).handlers().get(QueueName.REPORTING)?.get('purge-old-records')).toBeInstanceOf(PurgeOldRecordsJob);
    });

    it('re-creates every recurring job after a FLUSHDB, without a restart', async () => {
      const all = SCHEDULES.map((s) => s.id).sort();
      await waitFor('the schedules to be set at start', async () => JSON.stringify(await scheduled()) === JSON.stringify(all), 15_000);
      const redis = new Redis(TEST_REDIS_URL);
      try {
        // every key of this app, as FLUSHDB would (not FLUSHDB itself: other workers and runs share the db)
        const keys = await redis.keys(`${t.app.get<AppConfig>(APP_CONFIG).queuePrefix}:*`);
        if (keys.length) await redis.del(...keys);
        expect(await scheduled()).toEqual([]);
      } finally {
        redis.disconnect();
      }
      await waitFor('the schedules to come back', async () => JSON.stringify(await scheduled()) === JSON.stringify(all), 5_000);
    });
  });

  describe('failed SQL in the log', () => {
    let t: TestApp;
    let logged: string[];
    const spies: jest.SpyInstance[] = [];
    const SECRET = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LXNhbHQ$SECRET-HASH-MUST-NOT-BE-LOGGED';

    beforeAll(async () => {
      t = await TestApp.start({ queuePrefix: `h${Date.now()}d` });
      await t.reset();
    });
    beforeEach(() => {
      logged = [];
      const keep = (...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : JSON.stringify(a))).join(' '));
      };
      for (const level of ['error', 'warn', 'log', 'debug', 'verbose'] as const) spies.push(jest.spyOn(Logger.prototype, level).mockImplementation(keep));
      for (const level of ['error', 'warn', 'log', 'info', 'debug'] as const) spies.push(jest.spyOn(console, level).mockImplementation(keep));
    });
    afterEach(() => spies.splice(0).forEach((s) => s.mockRestore()));
    afterAll(() => t.close());

    const insertUser = () => t.dataSource.query(`INSERT INTO "user" (email, password_hash, role) VALUES ($1, $2, 'ADMIN')`, ['taken@example.org', SECRET]);

    it('a failed INSERT logs its SQL and error code, never the password hash it was given', async () => {
      await insertUser();
      const error = await insertUser().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      const text = logged.join('\n');
      expect(text).toContain('query failed (23505)');
      expect(text).toContain('INSERT INTO "user"');
      expect(text).not.toContain('SECRET-HASH');
      expect(text).not.toContain('taken@example.org');
    });

    it("a value quoted in PostgreSQL's message is left out too, and so it is when GraphQL reports the error", async () => {
      const error = await t.dataSource.query(`SELECT id FROM "user" WHERE id = $1`, ['SECRET-HASH-as-an-id']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      const answer = new GraphQLErrorFilter().catch(error, {} as ArgumentsHost);
      expect(answer.extensions.code).not.toBeUndefined();
      const text = logged.join('\n');
      expect(text).toContain('query failed (22P02)');
      expect(text).toContain('SELECT id FROM "user" WHERE id = $1');
      expect(text).not.toContain('SECRET-HASH');
    });
  });

  describe('ADMIN_EMAIL equal to a demo login', () => {
    const config = { seedDemo: true, adminEmail: 'coordinator@demo.local', adminPassword: 'operator-chosen-secret', queuePrefix: `h${Date.now()}e` };

    beforeAll(async () => {
      const empty = await TestApp.start({ queuePrefix: config.queuePrefix });
      await empty.reset();
      await empty.close();
    });

    it("starts; the account is the administrator with the operator's password, never the public demo one; the rest of the demo is there", async () => {
      const t = await TestApp.start(config);
      try {
        const token = await t.login('coordinator@demo.local', 'operator-chosen-secret');
        expect((await t.runOk(HealthAndHygieneMyRoleDocument, {}, token)).me.role).toBe('ADMIN');
        expect(await t.runError(HealthAndHygieneLoginDocument, { email: 'coordinator@demo.local', password: DEMO_PASSWORD })).toBe('UNAUTHENTICATED');
        const donor = await t.login('donor@demo.local', DEMO_PASSWORD);
        expect((await t.runOk(HealthAndHygieneMyRoleDocument, {}, donor)).me.role).toBe('DONOR');
        expect((await t.app.get(NetworkSeeder).demoLogins()).join('\n')).not.toContain('coordinator@demo.local');
      } finally {
        await t.close();
      }
      // and again, now that the demo network exists
      const again = await TestApp.start(config);
      await again.close();
    });

    it('an existing demo account named by ADMIN_EMAIL is not promoted to administrator', async () => {
      const t = await TestApp.start({ ...config, adminEmail: 'donor@demo.local' });
      try {
        const donor = await t.login('donor@demo.local', DEMO_PASSWORD);
        expect((await t.runOk(HealthAndHygieneMyRoleDocument, {}, donor)).me.role).toBe('DONOR');
      } finally {
        await t.close();
      }
    });
  });

  describe('a process that cannot start', () => {
    it('says why in one JSON line, as the rest of its log, listing the settings to fix', async () => {
      const api = Spawned.start('apps/api/src/main.ts', { JWT_SECRET: 'too-short', TRUST_PROXY: 'true' });
      const { code } = await api.exited;
      expect(code).toBe(1);
      const lines = api.output.trim().split('\n');
      const line = JSON.parse(lines[lines.length - 1]!) as { level: number; msg: string; service: string; problems: string[] };
      expect(line).toMatchObject({ level: 60, service: 'api', msg: 'invalid configuration: fix these settings' });
      expect(line.problems).toEqual(expect.arrayContaining([expect.stringMatching(/JWT_SECRET/), expect.stringMatching(/TRUST_PROXY/)]));
    }, 60_000);
  });

  describe('SIGTERM', () => {
    const SHUTDOWN_TIMEOUT_MS = 3000;
    // the bound, plus the time a loaded machine takes to deliver the signal and reap the process
    const MARGIN_MS = 2500;
    const spawned: Spawned[] = [];
    afterAll(() => spawned.forEach((p) => p.kill()));

    it('the API with its worker exits within SHUTDOWN_TIMEOUT_MS while Redis is down', async () => {
      const closedPort = await freePort();
      const api = Spawned.start('apps/api/src/main.ts', {
        REDIS_URL: `redis://127.0.0.1:${closedPort}/5`,
        PORT: '0',
        HOST: '127.0.0.1',
        RUN_WORKER: 'true',
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        QUEUE_PREFIX: `h${Date.now()}f`,
      });
      spawned.push(api);
      const base = await api.until('the API to listen', async () => /API ready: (http:\/\/localhost:\d+)\/graphql/.exec(api.output)?.[1], 90_000);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { status: string }).status).toBe('degraded');

      const { ms } = await api.terminate();
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS + MARGIN_MS);
    }, 120_000);

    it('the standalone worker serves its health, and exits within SHUTDOWN_TIMEOUT_MS with a job stuck', async () => {
      const prefix = `h${Date.now()}g`;
      const healthPort = await freePort();
      const worker = Spawned.start('apps/worker/src/main.ts', {
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        HOST: '127.0.0.1',
        WORKER_HEALTH_PORT: String(healthPort),
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        JOB_LOCK_MS: '1500',
      });
      spawned.push(worker);
      const health = (path: string) => fetch(`http://127.0.0.1:${healthPort}${path}`).catch(() => null);
      await worker.until('the worker to be ready', async () => (await health('/health/ready'))?.status === 200, 90_000);
      expect((await health('/health/live'))?.status).toBe(200);
      // Prometheus scrapes the worker too (from this machine: no METRICS_TOKEN set)
      const metrics = await health('/metrics');
      expect(metrics?.status).toBe(200);
      expect(await metrics!.text()).toMatch(/^queue_jobs\{queue="routing",state="waiting"\} \d+$/m);
      const report = (await (await health('/health/ready'))!.json()) as { checks: Record<string, { status: string }> };
      expect(report.checks).toEqual({ database: { status: 'up' }, workers: { status: 'up' }, redis: { status: 'up' } });

      // The purge job blocks on a table this test holds locked: a job that does not end.
      const blocker = new Client({ connectionString: TEST_DATABASE_URL });
      await blocker.connect();
      const t = await TestApp.start({ queuePrefix: prefix });
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE login_failure IN ACCESS EXCLUSIVE MODE');
        const queue = t.app.get(QueueRegistry).get(QueueName.REPORTING);
        await queue.add('purge-old-records', {}, { jobId: 'stuck-purge' });
        // (asked on another connection: inside a transaction, pg_stat_activity is a snapshot)
        await worker.until(
          'the job to be stuck on the lock',
          async () => {
            const rows = await t.dataSource.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM login_failure%'`,
              [TEST_DATABASE_NAME],
            );
            return rows.length > 0;
          },
          60_000,
        );

        const { ms } = await worker.terminate();
        expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS + MARGIN_MS);
        // the job is left to another worker once its lock lapses (JOB_LOCK_MS), not waited for
        expect(worker.output).toContain('still running at shutdown');
        await queue.obliterate({ force: true });
      } finally {
        await blocker.query('ROLLBACK').catch(() => undefined);
        await blocker.end();
        await t.close();
      }
    }, 150_000);
  });
});
