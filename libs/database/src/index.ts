export * from './database.module';
export * from './database-url.provider';
export * from './transaction-runner';
export * from './snake-naming.strategy';
export * from './embedded-postgres';
export * from './before-commit';
export * from './sql-logger';
