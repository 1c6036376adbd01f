import { Worker } from 'node:worker_threads';
import { startThreadWorker } from './thread-worker';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Runs a pure, CPU-heavy function (a solver) in a long-lived worker thread, so that a solve of
 * a large region does not block the event loop of the API that shares the process. The thread
 * starts on first use and is started again if it dies. From TypeScript sources (tests, ts-node)
 * the thread registers ts-node itself; compiled code runs the compiled script.
 *
 * Once closed it keeps nothing open: a call that still comes (a job finishing during shutdown,
 * after the module that owns the thread was destroyed) gets a thread of its own, ended with it.
 */
export class SolverThread<I, O> {
  private worker?: Worker;
  private closed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** @param script the thread script, without extension, beside the caller's compiled file */
  constructor(
    private readonly script: string,
    private readonly callerFile: string,
  ) {}

  run(input: I): Promise<O> {
    if (this.closed) return this.runOnce(input);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // a call in progress holds the process open, an idle thread never does
    if (this.pending.size === 0) worker.ref();
    return new Promise<O>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private async runOnce(input: I): Promise<O> {
    const once = new SolverThread<I, O>(this.script, this.callerFile);
    try {
      return await once.run(input);
    } finally {
      await once.close();
    }
  }

  private start(): Worker {
    const worker = startThreadWorker(this.script, this.callerFile);
    worker.on('message', (message: { id: number; output?: unknown; error?: string }) => {
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.error !== undefined) call.reject(new Error(message.error));
      else call.resolve(message.output);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`solver thread exited (${code})`)));
    // after the listeners: adding a 'message' listener refs the thread's port again
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** The body of a thread script: answers each message with fn(input). */
export function serveSolver<I, O>(
  port: { on(event: 'message', cb: (m: { id: number; input: I }) => void): void; postMessage(m: unknown): void },
  fn: (input: I) => O,
): void {
  port.on('message', ({ id, input }) => {
    try {
      port.postMessage({ id, output: fn(input) });
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
