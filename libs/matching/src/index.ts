export * from './region-matching.service';
export * from './region-matching.lock';
export * from './stale-reservation.service';
export * from './dto/matching-result';
export * from './matching-cost.policy';
export * from './solver';
export * from './matching.module';
