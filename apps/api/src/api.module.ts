import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig, AppConfigModule, DateTimeScalar, MetricsModule, MetricsRegistry } from '@app/common';
import { AuthModule, AuthorizationGuard } from '@app/auth';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { DonationsModule } from '@app/donations';
import { LogisticsModule } from '@app/logistics';
import { MatchingModule } from '@app/matching';
import { NetworkModule } from '@app/network';
import { OrdersModule } from '@app/orders';
import { PaperworkModule } from '@app/paperwork';
import { PricingModule } from '@app/pricing';
import { ReconciliationModule } from '@app/reconciliation';
import { RefurbishingModule } from '@app/refurbishing';
import { RegionDashboardModule, ImpactReportModule } from '@app/reporting';
import { NotificationBus, notificationSubscriptionOptions, NotificationsModule } from '@app/notifications';
import { RoutingModule } from '@app/routing';
import { WorkerModule } from '../../worker/src/worker.module';
import { mercuriusErrorFormatter } from './graphql/format-error';
import { inputTextHook } from './graphql/input-text-rule';
import { introspectionAccessHook } from './graphql/introspection-access';
import { sourceTextOnlyHook } from './graphql/source-text-only';
import { complexityLimitHook, depthLimitRule, MAX_QUERY_TOKENS, nestingLimitHook } from './graphql/query-limits';
import { HealthController } from './health/health.controller';
import { LoggingModule } from './logging.module';
import { operationNoteHook } from './observability/operation-note.hook';

export interface ApiModuleOptions {
  config?: Partial<AppConfig>;
  /** run the BullMQ processors in this process too (the default start) */
  withWorker?: boolean;
}

/** The domain modules the API serves. */
export const DOMAIN_MODULES = [
  NetworkModule,
  DonationsModule,
  RoutingModule,
  LogisticsModule,
  RefurbishingModule,
  OrdersModule,
  MatchingModule,
  RegionDashboardModule,
  ReconciliationModule,
  ImpactReportModule,
  PricingModule,
  PaperworkModule,
  NotificationsModule,
];

@Module({})
export class ApiModule {
  static register(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(options.config),
        MetricsModule,
        LoggingModule,
        DatabaseModule,
        AuthModule,
        JobsModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [NotificationsModule],
          inject: [APP_CONFIG, MetricsRegistry, NotificationBus, AuthorizationGuard],
          useFactory: (config: AppConfig, metrics: MetricsRegistry, bus: NotificationBus, guard: AuthorizationGuard) => ({
            path: '/graphql',
            autoSchemaFile: process.env.NODE_ENV === 'production' ? true : join(process.cwd(), 'schema.gql'),
            sortSchema: true,
            // every Date argument and field through the strict scalar: 2026-02-30 is refused, not read as 2 March
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            // the console's explorer (/explorer, bundled, no CDN) replaces Mercurius' GraphiQL, which loads its code from a CDN
            graphiql: false,
            context: (request: unknown) => ({ req: request }),
            // WebSocket subscriptions on /graphql, authenticated by the global guard, relayed between API processes through Redis
            subscription: notificationSubscriptionOptions(bus),
            errorFormatter: mercuriusErrorFormatter(config, metrics),
            validationRules: [depthLimitRule(config.maxQueryDepth)],
            graphql: {
              parseOptions: { maxTokens: MAX_QUERY_TOKENS },
              // graphql-js 16.11+ reads hideSuggestions; Mercurius' types predate it
              validateOptions: { maxErrors: 25, hideSuggestions: !config.graphqlIntrospection } as { maxErrors: number },
            },
            hooks: {
              preParsing: [nestingLimitHook()],
              preValidation: [sourceTextOnlyHook()],
              preExecution: [
                // introspection off: an ADMIN's explorer still reads the schema, nobody else does
                ...(config.graphqlIntrospection ? [] : [introspectionAccessHook(guard)]),
                inputTextHook(),
                complexityLimitHook(config.maxQueryComplexity),
                operationNoteHook(),
              ],
            },
            // a query is compiled (graphql-jit) from its second run: the dashboard's answer is built in ~0.05 ms, not 0.65
            jit: 1,
          }),
        }),
        ...DOMAIN_MODULES,
        ...(options.withWorker ? [WorkerModule] : []),
      ],
      controllers: [HealthController],
    };
  }
}
