import { fmt } from './bench-stats';

interface Totals {
  calls: number;
  ms: number;
}

/**
 * Where a service's time goes in SQL: every statement this process sends through pg while the
 * profile is on, timed from the call to the answer and added up by text. One profile to say where
 * a goal is missed, not a tuning tool.
 */
export class StatementProfile {
  private readonly totals = new Map<string, Totals>();
  private on = false;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the driver TypeORM itself loads
    const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
    const query = pg.Client.prototype.query;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const profile = this;
    pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      if (!profile.on) return query.apply(this, args);
      const first = args[0] as string | { text?: string };
      const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim();
      const started = performance.now();
      const done = () => profile.add(text, performance.now() - started);
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (...results: unknown[]) => void;
        args[last] = (...results: unknown[]) => {
          done();
          callback(...results);
        };
        return query.apply(this, args);
      }
      const result = query.apply(this, args) as Promise<unknown> | undefined;
      return result && typeof result.then === 'function' ? result.finally(done) : (done(), result);
    };
  }

  start(): void {
    this.totals.clear();
    this.on = true;
  }

  /** the statements that took the most time in all, with their calls */
  stop(top = 8): string[] {
    this.on = false;
    const all = [...this.totals].sort((a, b) => b[1].ms - a[1].ms);
    const total = all.reduce((s, [, t]) => s + t.ms, 0);
    return [
      `${fmt(total, 0)} ms in ${all.reduce((s, [, t]) => s + t.calls, 0)} statements; the costliest:`,
      ...all.slice(0, top).map(([text, t]) => `  ${fmt(t.ms, 0)} ms, ${t.calls} calls: ${text.slice(0, 220)}`),
    ];
  }

  private add(text: string, ms: number): void {
    const t = this.totals.get(text) ?? { calls: 0, ms: 0 };
    t.calls += 1;
    t.ms += ms;
    this.totals.set(text, t);
  }
}
