import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseLocation } from './database-url.provider';

/** Any fixed number: every process that starts takes the same lock, so migrations run once. */
const MIGRATION_LOCK_KEY = 727_001;

/** Brings the schema up to date at start. `synchronize` is never used. */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly location: DatabaseLocation,
  ) {}

  async onModuleInit(): Promise<void> {
    // The embedded server has one process and one connection: nobody to race with.
    if (this.location.isEmbedded) return this.migrate();
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await this.migrate();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  private async migrate(): Promise<void> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) this.logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  }
}
