import { BadInputError, ConflictError, ErrorReason, NotFoundError, passwordWeakness, RequestContext, weakPasswordError } from '@app/common';
import { CallerCache, hashPassword, PasswordResetService, UserAccounts } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { UserService } from '@app/network';
import { DataSource } from 'typeorm';

/** What the operators may do from a shell, through the same services and rules as the API, acting as the platform. */
export class AdminCommands {
  private readonly ctx = RequestContext.system();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly users: UserService,
    private readonly resets: PasswordResetService,
    private readonly callers: CallerCache,
  ) {}

  /** An administrator, active, with a password that passes the policy. */
  async createAdmin(emailInput: string, name: string, password: string): Promise<string> {
    const email = normalEmail(emailInput);
    if (!name.trim() || name.length > 200)
      throw new BadInputError('Give the administrator a name of 1 to 200 characters', { field: 'name' }, ErrorReason.VALUE_REQUIRED);
    checkPassword(password, email);
    const passwordHash = await hashPassword(password);
    return this.tx.run(this.ctx, async (_, manager) => {
      if (await UserAccounts.lockByEmail(manager, email)) {
        throw new ConflictError(`An account with the e-mail ${email} exists already: reset its password instead`, { field: 'email' }, ErrorReason.EMAIL_TAKEN);
      }
      return UserAccounts.createAdministrator(manager, email, name.trim(), passwordHash);
    });
  }

  /** A reset link to give the person. */
  async resetLink(email: string): Promise<{ link: string; expiresAt: Date }> {
    return this.resets.issue(this.ctx, await this.userIdOf(email));
  }

  /** Sets the password now: every session of the account ends. */
  async setPassword(emailInput: string, password: string): Promise<void> {
    const email = normalEmail(emailInput);
    checkPassword(password, email);
    const passwordHash = await hashPassword(password);
    const userId = await this.userIdOf(email);
    await this.tx.run(this.ctx, (_, manager) => UserAccounts.setPassword(manager, userId, passwordHash));
    await this.callers.changed(userId);
  }

  async deactivate(email: string): Promise<void> {
    await this.users.deactivate(this.ctx, await this.userIdOf(email));
  }

  async reactivate(email: string): Promise<void> {
    await this.users.reactivate(this.ctx, await this.userIdOf(email));
  }

  private async userIdOf(email: string): Promise<string> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM "user" WHERE email = $1`, [normalEmail(email)]);
    if (!rows[0]) throw new NotFoundError('User');
    return rows[0].id;
  }
}

function normalEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normal) || normal.length > 254) {
    throw new BadInputError(`Not an e-mail address: ${email}; type it as name@example.org`, { field: 'email' }, ErrorReason.EMAIL_INVALID);
  }
  return normal;
}

function checkPassword(password: string, email: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw weakPasswordError(weakness);
}
