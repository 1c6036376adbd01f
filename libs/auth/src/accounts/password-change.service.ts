import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, passwordWeakness, RequestContext, UnauthenticatedError, weakPasswordError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthService } from '../auth.service';
import { CallerCache } from '../caller-cache';
import { hashPassword } from '../password-hasher';
import { User } from '../user.entity';
import { UserAccounts } from '../user-accounts';

/**
 * A signed-in person changes their own password. Every token of the account ends, the one of
 * this request too; the answer carries a fresh token for this session, so the person stays
 * signed in here and nowhere else (a stolen token dies with the change).
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly callers: CallerCache,
  ) {}

  async change(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<{ accessToken: string; user: User }> {
    const email = ctx.user.email;
    const weakness = passwordWeakness(newPassword, email);
    if (weakness) throw weakPasswordError(weakness, 'newPassword');
    if (newPassword === currentPassword)
      throw new BadInputError('Choose a new password different from the current one', { field: 'newPassword' }, ErrorReason.PASSWORD_UNCHANGED);
    try {
      // behind the login throttle: a stolen session cannot guess the password faster than a login could
      await this.auth.checkPassword(email, currentPassword, ctx.ip);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        throw new BadInputError(
          'The current password is wrong: type it again, or ask for a reset link if you forgot it',
          { field: 'currentPassword', reason: 'WRONG_PASSWORD' },
          ErrorReason.WRONG_CURRENT_PASSWORD,
        );
      }
      throw error;
    }
    const passwordHash = await hashPassword(newPassword);
    const user = await this.tx.run(ctx, async (_, manager) => {
      await UserAccounts.setPassword(manager, ctx.user.userId, passwordHash);
      return manager.getRepository(User).findOneOrFail({ where: { id: ctx.user.userId } });
    });
    await this.callers.changed(user.id);
    return { accessToken: this.auth.issueToken(user), user };
  }
}
