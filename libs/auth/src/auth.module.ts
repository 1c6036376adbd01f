import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AuthorizationGuard } from './authorization.guard';
import { LocalStrategy } from './local.strategy';
import { LoginFailure } from './login-attempt.entity';
import { LoginThrottle } from './login-throttle';
import { AccountResolver } from './accounts/account.resolver';
import { PasswordChangeService } from './accounts/password-change.service';
import { PasswordResetService } from './accounts/password-reset.service';
import { CallerCache } from './caller-cache';
import { PasswordReset } from './password-reset.entity';

@Global()
@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([LoginFailure, PasswordReset]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtlSeconds } }),
    }),
  ],
  providers: [
    AuthService,
    LoginThrottle,
    LocalStrategy,
    AuthResolver,
    CallerCache,
    PasswordChangeService,
    PasswordResetService,
    AccountResolver,
    AuthorizationGuard,
    { provide: APP_GUARD, useExisting: AuthorizationGuard },
  ],
  exports: [AuthService, CallerCache, PasswordResetService, AuthorizationGuard],
})
export class AuthModule {}
