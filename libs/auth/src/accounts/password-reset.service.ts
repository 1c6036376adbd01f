import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  ConflictError,
  ErrorReason,
  NotFoundError,
  passwordWeakness,
  RequestContext,
  Role,
  weakPasswordError,
} from '@app/common';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from 'typeorm';
import { ActAccess } from '../act-access';
import { CallerCache } from '../caller-cache';
import { LoginThrottle } from '../login-throttle';
import { hashPassword } from '../password-hasher';
import { UserAccounts } from '../user-accounts';
import { PasswordResetLink } from './password-reset-link';
import { PasswordResetRequested } from './password-reset-requested.event';

/**
 * How long `requestPasswordReset` takes at least. Its work differs with the account (none for an
 * unknown address, a few writes for a known one); answering no sooner than this makes both take
 * the same time, so the timing does not say which addresses have accounts.
 */
export const PASSWORD_RESET_REQUEST_FLOOR_MS = 300;

/** The throttle's key for reset tries: distinct from any e-mail, so resets never lock a login. */
const RESET_TOKEN_KEY = 'password-reset-token';

const INVALID_LINK = 'This reset link is invalid, already used or expired: ask for a new one';

export const isStaffRole = (role: Role): boolean => role === Role.ADMIN || role === Role.COORDINATOR;

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Password reset links: asked for by the person (public), issued by staff, used once. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: TransactionEvents,
    private readonly throttle: LoginThrottle,
    private readonly callers: CallerCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Makes a link for an active account of that address and tells whoever sends e-mails
   * (PasswordResetRequested). The answer is the same, and comes after the same time, whether or
   * not the account exists. Tries count against the address as failed logins do (key
   * `reset:<email>` per address, and the address's own limit), so nobody can flood a person's
   * mailbox or scan addresses fast.
   */
  async request(ctx: RequestContext, emailInput: string): Promise<void> {
    const started = Date.now();
    try {
      const email = emailInput.trim().toLowerCase();
      // the row stays: a request is never "successful" for the throttle, each one counts
      await this.throttle.admit(`reset:${email}`.slice(0, 254), ctx.ip.slice(0, 64));
      await this.tx.run(ctx, async (_, manager) => {
        const user = await UserAccounts.lockByEmail(manager, email);
        if (!user || user.deactivatedAt) return;
        const link = await this.create(manager, user.id, null);
        await this.events.record(manager, new PasswordResetRequested(user.id, user.email, link.link, link.expiresAt));
        // The notifications e-mail the link (PasswordResetRequested, in this transaction); a
        // developer also finds it in the log; in production the log says only that a link was
        // made (a token in logs is a key left lying around).
        if (process.env.NODE_ENV === 'production') this.logger.log(`password reset link made for user ${user.id}, expires ${link.expiresAt.toISOString()}`);
        else this.logger.log(`password reset link for user ${user.id}: ${link.link}`);
      });
    } finally {
      await sleep(Math.max(0, PASSWORD_RESET_REQUEST_FLOOR_MS - (Date.now() - started)));
    }
  }

  /**
   * Sets a new password with a link: once, before it expires. Every session of the account
   * ends, every other open link of the account is spent, its failed logins are forgotten.
   * Wrong tokens count as failed logins of the address (five in the window and it waits).
   */
  async reset(ctx: RequestContext, token: string, newPassword: string): Promise<void> {
    const attempt = await this.throttle.admit(RESET_TOKEN_KEY, ctx.ip.slice(0, 64));
    const userId = await this.tx.run(ctx, async (_, manager) => {
      const rows: Array<{ user_id: string; email: string }> = await manager.query(
        `SELECT r.user_id, u.email
           FROM password_reset r JOIN "user" u ON u.id = r.user_id
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.deactivated_at IS NULL
          FOR UPDATE OF r, u`,
        [sha256(token)],
      );
      const row = rows[0];
      if (!row) throw new BadInputError(INVALID_LINK, { field: 'token', reason: 'RESET_LINK_INVALID' }, ErrorReason.RESET_LINK_INVALID);
      // a right token is no failed try, even if the password is refused next
      await this.throttle.succeeded(attempt);
      const weakness = passwordWeakness(newPassword, row.email);
      if (weakness) throw weakPasswordError(weakness, 'newPassword');
      await manager.query(`UPDATE password_reset SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
      await UserAccounts.setPassword(manager, row.user_id, await hashPassword(newPassword));
      return row.user_id;
    });
    await this.callers.changed(userId);
  }

  /**
   * A link for a user, handed to the staff member who asked (to pass on by phone or by hand): an
   * administrator for anyone, a coordinator for the users of its region's organizations but
   * not for staff accounts (an administrator's or another coordinator's).
   */
  issue(ctx: RequestContext, userId: string): Promise<PasswordResetLink> {
    return this.tx.run(ctx, async (_, manager) => {
      const user = await UserAccounts.lock(manager, userId);
      if (!user) throw new NotFoundError('User', userId);
      ActAccess.assert(ctx, 'User', 'issuePasswordReset', { id: user.id, regionId: user.regionId }, 'User');
      if (isStaffRole(user.role)) ActAccess.assertRole(ctx, 'User', 'administerStaff');
      if (user.deactivatedAt) {
        throw new ConflictError(
          'This account is deactivated: reactivate it first, then issue a reset link',
          { field: 'userId' },
          ErrorReason.ACCOUNT_DEACTIVATED,
        );
      }
      return this.create(manager, user.id, ctx.user.userId);
    });
  }

  /** A new link; the account's older open links are spent, so only the latest one works. */
  private async create(manager: EntityManager, userId: string, issuedBy: string | null): Promise<PasswordResetLink> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlMinutes * 60_000);
    await manager.query(`UPDATE password_reset SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    // the operators' CLI acts as `system`, which is no user row
    const issuer = issuedBy && issuedBy !== 'system' ? issuedBy : null;
    await manager.query(`INSERT INTO password_reset (user_id, token_hash, expires_at, issued_by) VALUES ($1, $2, $3, $4)`, [
      userId,
      sha256(token),
      expiresAt,
      issuer,
    ]);
    return { link: `${this.config.publicUrl}/reinitialiser?token=${token}`, expiresAt };
  }
}
