import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Caller, RateLimitedError, Role, UnauthenticatedError } from '@app/common';
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  /** The caller of a token: one indexed query, so a removed user or a role change takes effect at once. */
  async callerOf(payload: JwtPayload): Promise<Caller | null> {
    const rows: Array<{ id: string; email: string; role: Role; organization_id: string | null; region_id: string | null }> =
      await this.dataSource.query(
        `SELECT u.id, u.email, u.role, u.organization_id, o.region_id
           FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id
          WHERE u.id = $1`,
        [payload.sub],
      );
    const row = rows[0];
    if (!row) return null;
    return { userId: row.id, email: row.email, role: row.role, organizationId: row.organization_id, regionId: row.region_id };
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
