import { DynamicModule, Global, Module } from '@nestjs/common';
import { AddressResolver } from '../geo/address-resolver';
import { APP_CONFIG, AppConfig, loadAppConfig } from './app-config';

/** Provides the validated AppConfig everywhere; tests pass overrides instead of touching env. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Partial<AppConfig> = {}): DynamicModule {
    return {
      module: AppConfigModule,
      // the address resolver reads GEOCODER_URL and nothing else: global with the config it depends on
      providers: [{ provide: APP_CONFIG, useFactory: () => ({ ...loadAppConfig(), ...overrides }) }, AddressResolver],
      exports: [APP_CONFIG, AddressResolver],
    };
  }
}
