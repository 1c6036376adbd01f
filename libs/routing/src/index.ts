export * from './dto/unrouted-devices.types';
export * from './dto/lot-assignment.types';
export * from './region-routing.service';
export * from './unrouted-explainer.service';
export * from './solver';
export * from './routing.module';
