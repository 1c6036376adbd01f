import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@app/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The connection pool as Prometheus sees it: connections open, idle, and requests waiting for one. */
@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const dataSource = this.dataSource;
    new Gauge({
      name: 'database_pool_connections',
      help: 'PostgreSQL pool connections by state: open, idle, and callers waiting for one',
      labelNames: ['state'] as const,
      registers: [this.metrics.registry],
      collect() {
        // the pg Pool behind TypeORM's postgres driver
        const pool = (dataSource.driver as unknown as { master?: PoolCounts }).master;
        if (!pool) return;
        this.set({ state: 'open' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}
