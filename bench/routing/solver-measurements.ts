import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** The bench command takes no node flags, so gc() is fetched from a fresh context instead. */
const collectGarbage = runInNewContext('gc') as () => void;

export interface TimedRuns<T> {
  result: T;
  coldMs: number;
  medianMs: number;
  /** process CPU time of the median-wall-time run: less sensitive than wall time to other load */
  medianCpuMs: number;
  runsMs: number[];
}

/**
 * First run is reported apart (it pays for JIT compilation); the median is over the others. No
 * forced GC between runs: its concurrent sweeping competes with the solver for the two cores and
 * was measured to double the wall time of the 1,000-donation runs.
 */
export function timeRuns<T>(runs: number, work: () => T): TimedRuns<T> {
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let result: T | undefined;
  for (let r = 0; r <= runs; r++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    result = work();
    runsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  const warm = runsMs
    .map((ms, r) => ({ ms, cpu: cpuMs[r] }))
    .slice(1)
    .sort((a, b) => a.ms - b.ms);
  const median = warm[Math.floor(warm.length / 2)] ?? { ms: runsMs[0], cpu: cpuMs[0] };
  return { result: result as T, coldMs: runsMs[0], medianMs: median.ms, medianCpuMs: median.cpu, runsMs };
}

/**
 * JS cannot sample memory during a synchronous call, so this measures right after it, against a
 * collected baseline and before any further collection: heap plus external memory (typed arrays
 * live there) allocated by the solve and not yet reclaimed. The solver's big structures only grow
 * during a solve, so this approximates its peak, but scavenges during the run make it vary from
 * run to run: the largest of a few runs is reported. (A worker thread sampling the process RSS was
 * tried and showed no growth at all: the heap reuses pages already mapped.)
 */
export function memoryDeltaMb<T>(runs: number, work: () => T): number {
  let largest = 0;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const before = process.memoryUsage();
    work();
    const after = process.memoryUsage();
    largest = Math.max(largest, after.heapUsed - before.heapUsed + (after.external - before.external));
  }
  return largest / 2 ** 20;
}
