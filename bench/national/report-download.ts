import { ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from '../support/bench-stats';

/** What the API process saw while it served a file: its event loop's delays and its memory. */
export interface ServerWatch {
  loopP99Ms: number;
  loopMaxMs: number;
  rssPeakDeltaMb: number;
  heapPeakDeltaMb: number;
}

/**
 * In the API process: on 'watch-start', samples the event loop's delay (monitorEventLoopDelay)
 * and the memory every 10 ms; on 'watch-stop', sends back the p99 and max delay and the peaks
 * above what was used at the start.
 */
export function answerWatchRequests(): void {
  let stop: (() => ServerWatch) | undefined;
  process.on('message', (message) => {
    if (message === 'watch-start') {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      const base = process.memoryUsage();
      let rss = base.rss;
      let heap = base.heapUsed;
      const timer = setInterval(() => {
        const now = process.memoryUsage();
        rss = Math.max(rss, now.rss);
        heap = Math.max(heap, now.heapUsed);
      }, 10);
      histogram.enable();
      stop = () => {
        histogram.disable();
        clearInterval(timer);
        return {
          loopP99Ms: histogram.percentile(99) / 1e6,
          loopMaxMs: histogram.max / 1e6,
          rssPeakDeltaMb: (rss - base.rss) / 2 ** 20,
          heapPeakDeltaMb: (heap - base.heapUsed) / 2 ** 20,
        };
      };
      process.send!({ watching: true });
    } else if (message === 'watch-stop' && stop) {
      process.send!({ watch: stop() });
      stop = undefined;
    }
  });
}

function ask<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (reply: unknown) => {
      if (reply && typeof reply === 'object' && key in reply) {
        child.off('message', on);
        resolve((reply as Record<string, T>)[key]!);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

export interface Download {
  status: number;
  contentType: string;
  chunked: boolean;
  bytes: number;
  firstByteMs: number;
  lastByteMs: number;
  /** /health requests sent every 20 ms during the download: how long they waited */
  pings: number;
  pingP99Ms: number;
  pingMaxMs: number;
  server: ServerWatch;
}

function getOnce(url: string, agent: Agent, onChunk?: (chunk: Buffer) => void): Promise<{ status: number; headers: Record<string, unknown>; firstMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let firstMs = NaN;
      res.on('data', (chunk: Buffer) => {
        if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
        onChunk?.(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, firstMs }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * Downloads a report link from the API while pinging its /health on another connection; the API
 * process watches itself meanwhile. A file built in memory on the event loop shows as a late
 * first byte, late pings, a long loop delay and a memory peak the size of the file.
 */
export async function downloadWatched(api: ChildProcess, origin: string, url: string): Promise<Download> {
  const fileAgent = new Agent({ keepAlive: false });
  const pingAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  await getOnce(`${origin}/health`, pingAgent);
  await ask(api, 'watch-start', 'watching');
  const pingTimes: number[] = [];
  let downloading = true;
  const pinging = (async () => {
    while (downloading) {
      const started = performance.now();
      await getOnce(`${origin}/health`, pingAgent);
      pingTimes.push(performance.now() - started);
      await new Promise((done) => setTimeout(done, 20));
    }
  })();
  let bytes = 0;
  const started = performance.now();
  const res = await getOnce(url, fileAgent, (chunk) => (bytes += chunk.length));
  const lastByteMs = performance.now() - started;
  downloading = false;
  await pinging;
  const server = await ask<ServerWatch>(api, 'watch-stop', 'watch');
  fileAgent.destroy();
  pingAgent.destroy();
  return {
    status: res.status,
    contentType: String(res.headers['content-type'] ?? ''),
    chunked: res.headers['transfer-encoding'] === 'chunked' && res.headers['content-length'] === undefined,
    bytes,
    firstByteMs: res.firstMs,
    lastByteMs,
    pings: pingTimes.length,
    pingP99Ms: percentile(pingTimes, 0.99),
    pingMaxMs: Math.max(...pingTimes),
    server,
  };
}
