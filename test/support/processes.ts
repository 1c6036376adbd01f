import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { compiledEntry } from './compiled-build';
import type { GqlResponse } from './test-app';
import { sourceOf, VariablesFor } from './typed-client';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..');

/** One run of a job as its worker logged it ("job done", one line per completed run). */
export interface JobRun {
  queue: string;
  job: string;
  jobId: string;
  attempt: number;
  /** which process ran it */
  process: string;
}

/**
 * A real process of ours, started from its production entry point (`apps/api/src/main.ts` or
 * `apps/worker/src/main.ts`) compiled as the image runs it (test/support/compiled-build.ts). Its
 * output is kept: the tests read the address it listens on and the jobs it ran from its log lines.
 */
export class ServiceProcess {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(name: string, entry: 'apps/api/src/main.ts' | 'apps/worker/src/main.ts', env: Record<string, string>): ServiceProcess {
    const child = spawn(process.execPath, [compiledEntry(entry)], {
      cwd: ROOT,
      // Jest's --experimental-vm-modules is not the production runtime
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(name, child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits for something this process prints (or for a check), and shows its output if it never comes. */
  async until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
    try {
      return await waitFor(
        what,
        async () => {
          if (!this.running) throw new Error(`${this.name} exited`);
          return check();
        },
        timeoutMs,
        100,
      );
    } catch (error) {
      throw new Error(`${this.name}: ${(error as Error).message}; it printed:\n${this.output.slice(-4000)}`);
    }
  }

  /** The first capture of the pattern in what the process printed so far. */
  printed(pattern: RegExp): string | undefined {
    return pattern.exec(this.output)?.[1];
  }

  /** What the process logged so far, one object per JSON line (anything else it printed left out). */
  logLines(): Array<Record<string, any>> {
    return this.output.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, any>];
      } catch {
        return [];
      }
    });
  }

  /** The job runs this process completed, from its JSON log lines. */
  jobRuns(): JobRun[] {
    return this.logLines()
      .filter((entry) => entry.msg === 'job done')
      .map((entry) => ({ queue: entry.queue, job: entry.job, jobId: entry.jobId, attempt: entry.attempt, process: this.name }));
  }

  /** SIGKILL, and waits for the process to be gone (no orphan outlives the test file). */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** An API process without its worker, listening on a port of its own (PORT=0). Wait for it with `apiReady`. */
export function spawnApi(name: string, env: Record<string, string>): ServiceProcess {
  return ServiceProcess.start(name, 'apps/api/src/main.ts', { ...env, RUN_WORKER: 'false', PORT: '0', HOST: '127.0.0.1' });
}

/** A standalone worker process, its health on a port of its own (WORKER_HEALTH_PORT=0). Wait for it with `workerReady`. */
export function spawnWorker(name: string, env: Record<string, string>): ServiceProcess {
  return ServiceProcess.start(name, 'apps/worker/src/main.ts', { ...env, WORKER_HEALTH_PORT: '0', HOST: '127.0.0.1' });
}

/** The API once it listens and /health/ready answers ok (PostgreSQL and Redis both up). */
export async function apiReady(api: ServiceProcess, timeoutMs: number): Promise<RemoteApi> {
  const port = await api.until('the API to listen', async () => api.printed(/API ready: http:\/\/localhost:(\d+)\/graphql/), timeoutMs);
  // it listens on HOST=127.0.0.1 only, whatever localhost resolves to here
  const base = `http://127.0.0.1:${port}`;
  await api.until('the API to be ready', async () => (await readiness(`${base}/health/ready`)) === 'ok', timeoutMs);
  return new RemoteApi(base);
}

/** The worker once its health server answers ok (a BullMQ worker on every queue, PostgreSQL and Redis up). */
export async function workerReady(worker: ServiceProcess, timeoutMs: number): Promise<void> {
  const health = await worker.until('the worker health server', async () => worker.printed(/worker health at (http:\/\/[^"\s]+\/health\/ready)/), timeoutMs);
  await worker.until('the worker to be ready', async () => (await readiness(health)) === 'ok', timeoutMs);
}

async function readiness(url: string): Promise<string | null> {
  const res = await fetch(url).catch(() => null);
  if (!res || res.status !== 200) return null;
  return ((await res.json()) as { status: string }).status;
}

/** GraphQL over HTTP to an API process, with the typed documents of test/generated/graphql.ts. */
export class RemoteApi {
  constructor(readonly baseUrl: string) {}

  get wsUrl(): string {
    return `${this.baseUrl.replace(/^http/, 'ws')}/graphql`;
  }

  async run<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: VariablesFor<TVariables>,
    token?: string,
  ): Promise<GqlResponse<TResult>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: sourceOf(document), variables }),
    });
    return (await res.json()) as GqlResponse<TResult>;
  }

  /** The data of a call that must succeed; throws with the errors otherwise. */
  async runOk<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: VariablesFor<TVariables>, token?: string): Promise<TResult> {
    const res = await this.run(document, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors from ${this.baseUrl}: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** The error code of a call ('OK' when it succeeded). */
  async code<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: VariablesFor<TVariables>, token?: string): Promise<string> {
    return (await this.run(document, variables, token)).errors?.[0]?.extensions?.code ?? 'OK';
  }
}
