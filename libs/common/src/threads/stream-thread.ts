import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setImmediate as pause } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { startThreadWorker } from './thread-worker';

type StreamMessage = { id: number; chunk?: Uint8Array; end?: true; error?: string };

/**
 * Makes files (PDFs) in a long-lived worker thread and streams their bytes back: pdfkit is
 * synchronous, and a large document drawn on the API's event loop stalls every other request
 * for as long as it takes (seconds for a 10,000-certificate attestation, tens of milliseconds
 * for a 500-device agreement). Every paper of the API goes through one of these: the donor's
 * attestation, the donation agreement and the tax receipt, the invoice.
 *
 * Like SolverThread (which answers one value, not a stream): the thread starts on first use and
 * again if it dies; a render in progress holds the process open, an idle thread never does; once
 * closed, a render that still comes gets a thread of its own, ended with it.
 */
export class StreamThread<I> {
  private worker?: Worker;
  private closed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Readable>();

  /** @param script the thread script (serveStreams), without extension, beside the caller's compiled file */
  constructor(
    private readonly script: string,
    private readonly callerFile: string,
  ) {}

  /**
   * The file's bytes as the thread sends them, for a reply to pipe. Nothing to pull from the
   * thread: it renders at its pace, the stream buffers what the reader has not taken yet (a
   * document, not an unbounded export).
   */
  stream(input: I): Readable {
    if (this.closed) return this.streamOnce(input);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const body = new Readable({ read() {} });
    if (this.pending.size === 0) worker.ref();
    this.pending.set(id, body);
    worker.postMessage({ id, input });
    return body;
  }

  /** The whole file, for answers that state their length. */
  bytes(input: I): Promise<Buffer> {
    return buffer(this.stream(input));
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private streamOnce(input: I): Readable {
    const once = new StreamThread<I>(this.script, this.callerFile);
    const body = once.stream(input);
    body.once('close', () => void once.close());
    return body;
  }

  private settle(id: number, worker: Worker): void {
    this.pending.delete(id);
    if (this.pending.size === 0) worker.unref();
  }

  private start(): Worker {
    const worker = startThreadWorker(this.script, this.callerFile);
    worker.on('message', ({ id, chunk, end, error }: StreamMessage) => {
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
    worker.on('exit', (code) => fail(new Error(`stream thread exited (${code})`)));
    // after the listeners: adding a 'message' listener refs the thread's port again
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** What a thread script makes of one input: a byte stream (a pdfkit document) and the steps that write and end it. */
export interface ThreadRender {
  output: {
    on(event: 'data', listener: (chunk: Buffer) => void): unknown;
    on(event: 'end', listener: () => void): unknown;
    on(event: 'error', listener: (error: Error) => void): unknown;
  };
  /** each step draws a part; between steps the bytes so far go out and other renders take a turn. None: `output` is already complete. */
  steps?: Iterable<unknown>;
}

/** Bytes go back in pieces of about this size, each a fresh buffer whose memory is transferred, not copied. */
const PIECE = 64 * 1024;

/**
 * The body of a StreamThread's script: for each input, `render` opens the document; its bytes go
 * back as they come, in pieces (pdfkit's own chunks may share a pooled slab, so each piece is
 * copied once into memory of its own and transferred); renders asked for together take turns
 * step by step.
 */
export function serveStreams<I>(
  port: { on(event: 'message', cb: (m: { id: number; input: I }) => void): void; postMessage(m: unknown, transfer?: ArrayBuffer[]): void },
  render: (input: I) => ThreadRender,
): void {
  port.on('message', async ({ id, input }) => {
    let pending: Buffer[] = [];
    let size = 0;
    const flush = () => {
      if (!size) return;
      const piece = new Uint8Array(size);
      let at = 0;
      for (const chunk of pending) {
        piece.set(chunk, at);
        at += chunk.length;
      }
      pending = [];
      size = 0;
      port.postMessage({ id, chunk: piece }, [piece.buffer]);
    };
    try {
      const { output, steps } = render(input);
      output.on('data', (chunk: Buffer) => {
        pending.push(chunk);
        size += chunk.length;
        if (size >= PIECE) flush();
      });
      output.on('end', () => {
        flush();
        port.postMessage({ id, end: true });
      });
      output.on('error', (error: Error) => port.postMessage({ id, error: error.message }));
      for (const _ of steps ?? []) {
        await pause();
        flush();
      }
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
