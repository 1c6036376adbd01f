import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseMetrics } from './database-metrics';
import { APP_CONFIG, AppConfig } from '@app/common';
import { MIGRATIONS } from '../../../migrations';
import { DatabaseLocation } from './database-url.provider';
import { MigrationRunner } from './migration-runner';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { SqlLogger } from './sql-logger';
import { TransactionEvents } from './events/transaction-events';
import { TransactionRunner } from './transaction-runner';

@Module({ providers: [DatabaseLocation], exports: [DatabaseLocation] })
class DatabaseLocationModule {}

@Global()
@Module({
  imports: [
    DatabaseLocationModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseLocationModule],
      inject: [APP_CONFIG, DatabaseLocation],
      useFactory: async (config: AppConfig, location: DatabaseLocation) => ({
        type: 'postgres' as const,
        url: await location.resolve(),
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        migrations: MIGRATIONS,
        namingStrategy: new SnakeNamingStrategy(),
        // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
        uuidExtension: 'pgcrypto',
        installExtensions: false,
        // PGlite answers one client at a time; a real server gets a real pool.
        extra: location.isEmbedded ? { max: 1, idleTimeoutMillis: 0 } : { max: 20 },
        // failed queries are logged without their parameters (see SqlLogger)
        logging: ['error' as const],
        logger: new SqlLogger(),
      }),
    }),
  ],
  providers: [MigrationRunner, TransactionRunner, TransactionEvents, DatabaseMetrics],
  exports: [TransactionRunner, TransactionEvents, DatabaseLocationModule],
})
export class DatabaseModule {}
