import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/common';
import { QueueName, QueueRegistry } from '@app/jobs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './test-database';
import { sourceOf, VariablesFor } from './typed-client';

export interface GqlResponse<T = Record<string, any>> {
  data: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; details?: unknown }; path?: string[] }>;
}

/** The API as it runs in production, against the real PostgreSQL and Redis, driven over HTTP. */
export class TestApp {
  private constructor(readonly app: NestFastifyApplication) {}

  static async start(config: Partial<AppConfig> = {}, options: { withWorker?: boolean } = {}): Promise<TestApp> {
    const app = await createApiApplication({
      withWorker: options.withWorker ?? false,
      config: {
        databaseUrl: TEST_DATABASE_URL,
        redisUrl: TEST_REDIS_URL,
        jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
        seedDemo: false,
        adminEmail: null,
        adminPassword: null,
        logLevel: 'error',
        // the general request limit is tested on its own; other suites send far more than a person would
        rateLimitPerMinute: 0,
        // every Redis key of this worker under its own prefix, so that workers and runs share a Redis
        queuePrefix: TEST_QUEUE_PREFIX,
        // with a worker, jobs follow their command within a tenth of a second instead of seconds
        outboxPollMs: 50,
        routingDebounceMs: 100,
        ...config,
      },
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResponse<T>> {
    const req = request(this.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResponse<T>;
  }

  /** Data of a call that must succeed; throws with the errors otherwise. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** The error code of a call that must fail. */
  async errorCode(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<string | undefined> {
    const res = await this.gql(query, variables, token);
    return res.errors?.[0]?.extensions?.code;
  }

  /** The response to a typed document (test/generated/graphql.ts): its data typed by the operation. */
  run<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: VariablesFor<TVariables>,
    token?: string,
  ): Promise<GqlResponse<TResult>> {
    return this.gql<TResult>(sourceOf(document), variables as Record<string, unknown>, token);
  }

  /** The typed data of a document that must succeed; throws with the errors otherwise. */
  runOk<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: VariablesFor<TVariables>, token?: string): Promise<TResult> {
    return this.ok<TResult>(sourceOf(document), variables as Record<string, unknown>, token);
  }

  /** The error code of a typed document that must fail. */
  runError<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: VariablesFor<TVariables>,
    token?: string,
  ): Promise<string | undefined> {
    return this.errorCode(sourceOf(document), variables as Record<string, unknown>, token);
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email, password },
    );
    return data.login.accessToken;
  }

  /**
   * Empties every table but the migrations' own, and restarts every sequence, in one transaction.
   * DELETE, not TRUNCATE: a TRUNCATE of the ~60 tables makes new files for each and took 0.4–1.9 s
   * a call on the shared machine, DELETE of a test's few rows a few milliseconds, and most files
   * reset before every test. As a replica would (session_replication_role), it skips the foreign
   * keys' checks and the append-only triggers, which guard the application, not this. The tables
   * are locked first as TRUNCATE locks them: a job still writing from the last test finishes before,
   * or starts after, never leaves a row behind. Taking ~60 locks while a worker runs may deadlock
   * with it; PostgreSQL then aborts one side, and if it is this one, it tries again.
   */
  async reset(): Promise<void> {
    const tables: Array<{ tablename: string }> = await this.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    // every sequence, also those no column owns (reference numbers)
    const sequences: Array<{ name: string }> = await this.dataSource.query(
      `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' AND sequencename NOT LIKE 'migrations%'`,
    );
    const names = tables.map((t) => `"${t.tablename}"`);
    const statements = [...names.map((name) => `DELETE FROM ${name}`), ...sequences.map((s) => `ALTER SEQUENCE "${s.name}" RESTART`)];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL session_replication_role = replica`);
          if (names.length) await manager.query(`LOCK TABLE ${names.join(', ')} IN ACCESS EXCLUSIVE MODE`);
          if (statements.length) await manager.query(statements.join(';\n'));
        });
        return;
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code !== '40P01' || attempt === 5) throw error;
      }
    }
  }

  /**
   * Ends every debounce window now: delayed jobs are due at once and a worker runs them. The next
   * runs of recurring jobs (schedules) wait as they would.
   */
  async promoteDelayedJobs(): Promise<void> {
    const queues = this.app.get(QueueRegistry);
    for (const name of Object.values(QueueName)) {
      const delayed = (await queues.get(name).getDelayed()).filter((job) => !job.repeatJobKey);
      // a job may have become due meanwhile: nothing to promote then
      await Promise.all(delayed.map((job) => job.promote().catch(() => undefined)));
    }
  }

  async count(table: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`);
    return row.n as number;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
