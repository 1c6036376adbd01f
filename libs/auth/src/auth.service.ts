import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Caller, Role, UnauthenticatedError } from '@app/common';
import { LRUCache } from 'lru-cache';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { User } from './user.entity';
import { JwtPayload } from './jwt-payload';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password-hasher';

/** Checks credentials, behind the login throttle, and issues tokens. */
@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;
  /** Callers by user id, read at most once per AUTH_CACHE_SECONDS: a database round trip less per request. */
  private readonly callers?: LRUCache<string, Caller>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {
    if (config.authCacheSeconds > 0) this.callers = new LRUCache({ max: 10_000, ttl: config.authCacheSeconds * 1000 });
  }

  async verifyCredentials(emailInput: string, password: string, ip: string): Promise<User> {
    const email = emailInput.trim().toLowerCase().slice(0, 254);
    const attempt = await this.throttle.admit(email, ip.slice(0, 64));
    if (attempt.delayMs > 0) await sleep(attempt.delayMs);
    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    // Hash something even for an unknown email, so timing does not tell which accounts exist.
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await this.dummy(), password), false);
    // a wrong password keeps the failure the throttle recorded before the check
    if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
    await this.throttle.succeeded(attempt);
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
    const rows: Array<{ id: string; email: string; role: Role; organization_id: string | null; region_id: string | null }> = await this.dataSource.query(
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

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-real-password');
    return this.dummyHash;
  }
}
