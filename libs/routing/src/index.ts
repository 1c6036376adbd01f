export * from './routing.module';
export * from './region-routing.service';
export * from './solver';
