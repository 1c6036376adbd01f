import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, ErrorReason, INVALID_CREDENTIALS, Role, UnauthenticatedError } from '@app/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CallerCache } from './caller-cache';
import { User } from './user.entity';
import { JwtPayload } from './jwt-payload';
import { LoginAttempt, LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password-hasher';

/** Checks credentials, behind the login throttle, and issues tokens. */
@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    /** callers by user id, read at most once per AUTH_CACHE_SECONDS: a database round trip less per request */
    private readonly callers: CallerCache,
  ) {}

  async verifyCredentials(emailInput: string, password: string, ip: string): Promise<User> {
    const email = emailInput.trim().toLowerCase().slice(0, 254);
    const { user } = await this.checkPassword(email, password, ip);
    return user;
  }

  /**
   * A password try behind the login throttle: refused tries count as failed logins, a right one
   * leaves no trace. A deactivated account is refused with the wrong password's message, so that
   * the answer does not tell which accounts exist or are deactivated.
   */
  async checkPassword(email: string, password: string, ip: string): Promise<{ user: User; attempt: LoginAttempt }> {
    const attempt = await this.throttle.admit(email, ip.slice(0, 64));
    if (attempt.delayMs > 0) await sleep(attempt.delayMs);
    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    // Hash something even for an unknown email, so timing does not tell which accounts exist.
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await this.dummy(), password), false);
    // a wrong password keeps the failure the throttle recorded before the check
    if (!user || !valid || user.deactivatedAt) throw new UnauthenticatedError(INVALID_CREDENTIALS, ErrorReason.INVALID_CREDENTIALS);
    await this.throttle.succeeded(attempt);
    return { user, attempt };
  }

  /** `ver` binds the token to the account as it is now: a later password change, deactivation or role change refuses it. */
  issueToken(user: Pick<User, 'id' | 'role'> & { tokenVersion?: number }): string {
    const payload: JwtPayload = { sub: user.id, role: user.role, ver: user.tokenVersion ?? 0 };
    return this.jwt.sign(payload);
  }

  /**
   * The caller of a token, from the database (a removed or deactivated user, or a token older than
   * the account's last password change, deactivation or role change, is refused), then from memory
   * for AUTH_CACHE_SECONDS. Whatever changes an account calls `CallerCache.changed` after its
   * commit, which evicts the entry in every API process (see CallerCache).
   */
  async callerOf(payload: JwtPayload): Promise<Caller | null> {
    const version = payload.ver ?? 0;
    const known = this.callers.get(payload.sub);
    if (known) return known.tokenVersion === version ? known.caller : null;
    const generation = this.callers.generationOf(payload.sub);
    const rows: Array<{
      id: string;
      email: string;
      role: Role;
      organization_id: string | null;
      region_id: string | null;
      token_version: number;
      deactivated: boolean;
    }> = await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.organization_id, o.region_id, u.token_version, u.deactivated_at IS NOT NULL AS deactivated
           FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id
          WHERE u.id = $1`,
      [payload.sub],
    );
    const row = rows[0];
    if (!row || row.deactivated) return null;
    const caller: Caller = Object.freeze({ userId: row.id, email: row.email, role: row.role, organizationId: row.organization_id, regionId: row.region_id });
    this.callers.set({ caller, tokenVersion: row.token_version }, generation);
    return row.token_version === version ? caller : null;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-real-password');
    return this.dummyHash;
  }
}
