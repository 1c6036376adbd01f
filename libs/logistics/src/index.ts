export * from './entities/pickup.entity';
export * from './entities/pickup-status';
export * from './services/pickup.service';
export * from './services/pickup-scheduling.service';
export * from './services/pickup-completion.service';
export * from './services/pickup-reminder.service';
export * from './logistics.module';
