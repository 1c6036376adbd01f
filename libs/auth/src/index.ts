export * from './auth.module';
export * from './auth.service';
export * from './auth-rule.decorator';
export * from './request-context.decorator';
export * from './access-policy';
export * from './password-hasher';
export * from './login-attempt.entity';
