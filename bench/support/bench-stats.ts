import { cpus, loadavg } from 'node:os';

export const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The p-quantile (0–1) of values, by the nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

export function machineLine(): string {
  return `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? ''}`;
}

/**
 * The 1-minute load average sampled through a run: on a shared machine it says how much the
 * figures owe to others' work (ratios hold better than milliseconds; a busy run is said to be).
 */
export class LoadAverageWatch {
  private readonly samples: number[] = [loadavg()[0]!];
  private readonly timer = setInterval(() => this.samples.push(loadavg()[0]!), 5_000).unref();

  /** min–max (median) of the 1-minute load average since the watch started */
  summary(): string {
    return `${fmt(Math.min(...this.samples), 1)}–${fmt(Math.max(...this.samples), 1)} (median ${fmt(percentile(this.samples, 0.5), 1)})`;
  }

  stop(): string {
    clearInterval(this.timer);
    return this.summary();
  }
}
