import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, loadAppConfig } from './app-config';

/** Provides the validated AppConfig everywhere; tests pass overrides instead of touching env. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Partial<AppConfig> = {}): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: () => ({ ...loadAppConfig(), ...overrides }) }],
      exports: [APP_CONFIG],
    };
  }
}
