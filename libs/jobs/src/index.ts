export * from './jobs.module';
export * from './redis-status';
