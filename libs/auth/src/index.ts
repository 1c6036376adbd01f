// Decorators and policies first, services and the module last: libs that load this one while it loads still find them.
export * from './auth-rule.decorator';
export * from './request-context.decorator';
export * from './access-policy';
export * from './act-rules';
export * from './act-access';
export * from './password-hasher';
export * from './login-attempt.entity';
export * from './user.entity';
export * from './password-reset.entity';
export * from './accounts/password-reset-link';
export * from './accounts/password-reset-requested.event';
export * from './login-failures';
export * from './user-accounts';
export * from './caller-cache';
export * from './auth.service';
export * from './accounts/password-reset.service';
export * from './auth.module';
