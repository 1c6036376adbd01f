import { DataSource } from 'typeorm';

export type CheckStatus = 'up' | 'degraded' | 'down';

export interface Check {
  status: CheckStatus;
  message?: string;
}

/** `ok`: all up; `degraded`: serving without something optional; `error`: not ready (503). */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'error';
  checks: Record<string, Check>;
}

/** One report from its checks: any `down` makes the whole not ready, a `degraded` one says so. */
export function readiness(checks: Record<string, Check>): HealthReport {
  const statuses = Object.values(checks).map((c) => c.status);
  const status = statuses.includes('down') ? 'error' : statuses.includes('degraded') ? 'degraded' : 'ok';
  return { status, checks };
}

/** Whether PostgreSQL answers within the bound; a hung connection must not hang the probe. */
export async function databaseAnswers(dataSource: DataSource, timeoutMs = 2000): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = dataSource.query('SELECT 1');
    const bound = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    await Promise.race([answer, bound]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
