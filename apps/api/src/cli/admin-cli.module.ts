import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AppConfigModule, MetricsModule } from '@app/common';
import { AuthModule } from '@app/auth';
import { DatabaseModule } from '@app/database';
import { NetworkModule } from '@app/network';

/**
 * What the operators' CLI needs and nothing more: the database (migrated first, as the API does at
 * start, under the same lock), accounts and the network's user commands. No HTTP, no GraphQL, no
 * jobs; the demo seed is never run from here.
 */
@Module({})
export class AdminCliModule {
  static register(config: Partial<AppConfig> = {}): DynamicModule {
    return {
      module: AdminCliModule,
      imports: [
        AppConfigModule.forRoot({ seedDemo: false, adminEmail: null, adminPassword: null, ...config }),
        // the database's pool gauges register there; nothing serves them from here
        MetricsModule,
        DatabaseModule,
        AuthModule,
        NetworkModule,
      ],
    };
  }
}
