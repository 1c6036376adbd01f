import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Caller, RateLimitedError, Role, UnauthenticatedError } from '@app/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { User } from '@app/network/entities/user.entity';
import { LoginFailure } from './login-attempt.entity';
import { JwtPayload } from './jwt-payload';
import { hashPassword, verifyPassword } from './password-hasher';

/**
 * Checks credentials and issues tokens. Brute force is refused per account and per address,
 * counting failures only: an office of many people behind one address logs in freely.
 */
@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;
  /** Callers by user id, read at most once per AUTH_CACHE_SECONDS: a database round trip less per request. */
  private readonly callers?: LRUCache<string, Caller>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.authCacheSeconds > 0) this.callers = new LRUCache({ max: 10_000, ttl: config.authCacheSeconds * 1000 });
  }

  async verifyCredentials(emailInput: string, password: string, ip: string): Promise<User> {
    const email = emailInput.trim().toLowerCase();
    await this.refuseWhenThrottled(email, ip);
    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    // Hash something even for an unknown email, so timing does not tell which accounts exist.
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyPassword(await this.dummy(), password), false);
    if (!user || !valid) {
      await this.dataSource.getRepository(LoginFailure).insert({ email: email.slice(0, 254), ip: ip.slice(0, 64) });
      throw new UnauthenticatedError('Invalid email or password');
    }
    return user;
  }

  issueToken(user: User): string {
    const payload: JwtPayload = { sub: user.id, role: user.role };
    return this.jwt.sign(payload);
  }

  /**
   * The caller of a token, from the database (a removed user is refused), then from memory for
   * AUTH_CACHE_SECONDS. Users and their organizations do not change today; whatever comes to
   * change them must evict the entry here, and other API processes will see it within that time.
   */
  async callerOf(payload: JwtPayload): Promise<Caller | null> {
    const known = this.callers?.get(payload.sub);
    if (known) return known;
    const rows: Array<{ id: string; email: string; role: Role; organization_id: string | null; region_id: string | null }> =
      await this.dataSource.query(
        `SELECT u.id, u.email, u.role, u.organization_id, o.region_id
           FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id
          WHERE u.id = $1`,
        [payload.sub],
      );
    const row = rows[0];
    if (!row) return null;
    const caller: Caller = Object.freeze({ userId: row.id, email: row.email, role: row.role, organizationId: row.organization_id, regionId: row.region_id });
    this.callers?.set(caller.userId, caller);
    return caller;
  }

  private async refuseWhenThrottled(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - this.config.loginWindowMinutes * 60_000);
    const [counts]: Array<{ by_email: string; by_ip: string }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1) AS by_email, count(*) FILTER (WHERE ip = $2) AS by_ip
         FROM login_failure WHERE at > $3 AND (email = $1 OR ip = $2)`,
      [email, ip, since],
    );
    const retryAfter = this.config.loginWindowMinutes * 60;
    if (Number(counts?.by_email ?? 0) >= this.config.loginFailuresPerAccount) {
      throw new RateLimitedError('Too many failed logins for this account; try again later', retryAfter);
    }
    if (Number(counts?.by_ip ?? 0) >= this.config.loginFailuresPerAddress) {
      throw new RateLimitedError('Too many failed logins from this address; try again later', retryAfter);
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-real-password');
    return this.dummyHash;
  }
}
