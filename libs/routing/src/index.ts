export * from './region-routing.service';
export * from './solver';
export * from './routing.module';
