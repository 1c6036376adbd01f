import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, ErrorReason, RateLimitedError } from '@app/common';
import { DataSource } from 'typeorm';
import { accountDelayMs, loginBlockSeconds } from './login-backoff';

/** A try let through: its failure row (deleted if the password is right) and how long it waits first. */
export interface LoginAttempt {
  failureId: string;
  delayMs: number;
}

/**
 * Who may try a password now. Failures are limited per (account, address) and per address, each
 * with a window that doubles on repeated rounds; per account they only slow the tries down, so a
 * guesser elsewhere can never lock the owner out. Successful logins leave no trace and count for
 * nothing: an office behind one address logs in freely.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts and checks in one step. Every try from an address queues on that address's lock, reads
   * its failures, and is either refused or recorded as a failure before the lock is released; the
   * password is checked afterwards, outside the lock, and `succeeded` takes the row back. So tries
   * in flight count as failures, and simultaneous guesses can never all pass a limit they exceed.
   */
  admit(email: string, ip: string): Promise<LoginAttempt> {
    const windowMs = this.config.loginWindowMinutes * 60_000;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('login-address:' || $1))`, [ip]);
      const fromAddress: Array<{ age_ms: number; same_account: boolean }> = await manager.query(
        `SELECT extract(epoch FROM now() - at)::float8 * 1000 AS age_ms, email = $2 AS same_account
           FROM login_failure
          WHERE ip = $1 AND at > now() - interval '1 day'
          ORDER BY at DESC
          LIMIT 5000`,
        [ip, email],
      );
      const pairBlock = loginBlockSeconds(
        fromAddress.filter((f) => f.same_account).map((f) => f.age_ms),
        this.config.loginFailuresPerAccountAddress,
        windowMs,
      );
      if (pairBlock)
        throw new RateLimitedError(
          'Too many failed logins for this account from this address; try again later, or ask for a reset link',
          pairBlock,
          ErrorReason.TOO_MANY_LOGIN_FAILURES,
        );
      const addressBlock = loginBlockSeconds(
        fromAddress.map((f) => f.age_ms),
        this.config.loginFailuresPerAddress,
        windowMs,
      );
      if (addressBlock)
        throw new RateLimitedError(
          'Too many failed logins from this address; try again later, or ask for a reset link',
          addressBlock,
          ErrorReason.TOO_MANY_LOGIN_FAILURES,
        );

      const [account]: Array<{ failures: number }> = await manager.query(
        `SELECT count(*)::int AS failures FROM login_failure WHERE email = $1 AND at > now() - make_interval(mins => $2)`,
        [email, this.config.loginWindowMinutes],
      );
      const [row]: Array<{ id: string }> = await manager.query(`INSERT INTO login_failure (email, ip) VALUES ($1, $2) RETURNING id`, [email, ip]);
      return { failureId: String(row!.id), delayMs: accountDelayMs(account?.failures ?? 0, this.config.loginFailuresPerAccount) };
    });
  }

  /** The password was right: the try was no failure. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE id = $1`, [attempt.failureId]);
  }
}
