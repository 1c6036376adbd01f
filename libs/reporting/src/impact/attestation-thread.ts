import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { ImpactAttestation } from './impact-attestation.pdf';

type ThreadMessage = { id: number; chunk?: Uint8Array; end?: true; error?: string };

/**
 * Renders attestations in a long-lived worker thread: pdfkit is synchronous and a donor with
 * 10,000 certificates takes seconds of CPU, which on the API's event loop would stall every
 * other request. Each render is a stream of the PDF's bytes as the thread sends them, for the
 * HTTP reply to pipe; renders asked for together share the thread, step by step. Like SolverThread (which
 * answers with one value, not a stream), the thread starts on first use, again if it dies, holds
 * the process open only while a render is in progress, and from TypeScript sources (tests,
 * ts-node) registers ts-node itself.
 */
@Injectable()
export class AttestationThread implements OnModuleDestroy {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Readable>();

  render(attestation: ImpactAttestation): Readable {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Nothing to pull from the thread: it renders at its pace, the stream buffers what the
    // client has not read yet (a PDF, not an unbounded export).
    const body = new Readable({ read() {} });
    if (this.pending.size === 0) worker.ref();
    this.pending.set(id, body);
    worker.postMessage({ id, attestation });
    return body;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private settle(id: number, worker: Worker): void {
    this.pending.delete(id);
    if (this.pending.size === 0) worker.unref();
  }

  private start(): Worker {
    const fromSource = extname(__filename) === '.ts';
    const worker = new Worker(join(__dirname, `impact-attestation.thread${fromSource ? '.ts' : '.js'}`), {
      execArgv: fromSource ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [],
    });
    worker.on('message', ({ id, chunk, end, error }: ThreadMessage) => {
      const body = this.pending.get(id);
      if (!body) return;
      if (chunk) body.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (end) {
        this.settle(id, worker);
        body.push(null);
      } else if (error !== undefined) {
        this.settle(id, worker);
        body.destroy(new Error(error));
      }
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const body of this.pending.values()) body.destroy(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`attestation thread exited (${code})`)));
    // after the listeners: adding a 'message' listener refs the thread's port again
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
