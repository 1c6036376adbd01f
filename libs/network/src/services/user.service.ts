import { Injectable } from '@nestjs/common';
import {
  BadInputError,
  ConflictError,
  Connection,
  decodeCursor,
  ErrorReason,
  NotFoundError,
  pageSize,
  RequestContext,
  Role,
  passwordWeakness,
  toConnection,
  weakPasswordError,
} from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccountRow, ActAccess, CallerCache, hashPassword, isStaffRole, ReadScope, User, UserAccounts } from '@app/auth';
import { EntityManager } from 'typeorm';
import { CreateUserInput } from '../dto/network.inputs';
import { UpdateUserArgs, UsersArgs } from '../dto/user.args';
import { Organization } from '../entities/organization.entity';
import { ROLE_OF_KIND } from '../entities/organization-kind';

@Injectable()
export class UserService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly callers: CallerCache,
  ) {}

  async me(ctx: RequestContext): Promise<User> {
    const user = await this.tx
      .manager(ctx)
      .getRepository(User)
      .findOne({ where: { id: ctx.user.userId } });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /**
   * The accounts the caller administers (READ_RULES "User": ADMIN all, a coordinator those of its
   * region's organizations and its own), newest first. Filters only narrow that scope: a region
   * or an organization the caller does not run answers an empty page, as if it had no accounts.
   */
  async list(ctx: RequestContext, args: UsersArgs): Promise<Connection<User>> {
    ActAccess.assertRole(ctx, 'User', 'list');
    const limit = pageSize(args.first);
    const qb = this.tx.manager(ctx).getRepository(User).createQueryBuilder('u');
    ReadScope.apply(ctx, qb, 'User', 'u');
    if (args.organizationId) qb.andWhere('u.organization_id = :organizationId', { organizationId: args.organizationId });
    if (args.regionId) {
      qb.andWhere('EXISTS (SELECT 1 FROM organization fo WHERE fo.id = u.organization_id AND fo.region_id = :regionId)', { regionId: args.regionId });
    }
    if (args.role) qb.andWhere('u.role = :role', { role: args.role });
    if (!args.includeDeactivated) qb.andWhere('u.deactivated_at IS NULL');
    const total = await qb.clone().getCount();
    // created_at keeps microseconds and a cursor milliseconds: pages are cut on the millisecond, so no row falls between two
    const sortAt = "date_trunc('milliseconds', u.created_at)";
    if (args.after) {
      const cursor = decodeCursor(args.after);
      qb.andWhere(`(${sortAt}, u.id) < (:cursorAt, :cursorId)`, { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const { entities, raw } = await qb
      .addSelect(`(extract(epoch FROM ${sortAt}) * 1000)::bigint`, 'sort_ms')
      .orderBy(sortAt, 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ sort_ms: string }>();
    const rows = entities.map((user, i) => Object.assign(user, { createdAt: new Date(Number(raw[i]!.sort_ms)) }));
    return toConnection(rows, limit, total);
  }

  /** ADMIN creates anyone; a coordinator creates the users of its region's organizations. */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (input.role === Role.ADMIN) {
      ActAccess.assertRole(ctx, 'User', 'createAdministrator');
      if (input.organizationId)
        throw new BadInputError(
          'An administrator belongs to no organization: leave organizationId out',
          { field: 'organizationId', role: input.role },
          ErrorReason.ROLE_MISMATCH,
        );
    } else if (!input.organizationId) {
      throw new BadInputError(
        `A ${input.role} user needs an organizationId: choose the organization the person works for`,
        { field: 'organizationId' },
        ErrorReason.ORGANIZATION_REQUIRED,
      );
    }
    const weakness = passwordWeakness(input.password, email);
    if (weakness) throw weakPasswordError(weakness, 'password');
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(ctx, async (_, manager) => {
      if (input.organizationId) {
        const org = await manager.getRepository(Organization).findOne({ where: { id: input.organizationId } });
        if (!org) throw new NotFoundError('Organization', input.organizationId);
        ActAccess.assert(ctx, 'Organization', 'administer', org, 'Organization');
        if (ROLE_OF_KIND[org.kind] !== input.role) {
          {
            throw new BadInputError(
              `A user of a ${org.kind} organization has role ${ROLE_OF_KIND[org.kind]}: choose that role, or an organization of the kind the role needs`,
              { field: 'role', role: ROLE_OF_KIND[org.kind], kind: org.kind },
              ErrorReason.ROLE_MISMATCH,
            );
          }
        }
      }
      const repo = manager.getRepository(User);
      // E-mails are unique across the network, so the address must be refused; the answer is the
      // same wherever that account lives and says neither where nor whose it is, so a coordinator
      // learns nothing about the users of other regions.
      if (await repo.exists({ where: { email } })) {
        throw new ConflictError(
          'This e-mail address cannot be used for a new account: use another one, or reactivate the existing account',
          { field: 'email' },
          ErrorReason.EMAIL_TAKEN,
        );
      }
      return repo.save(repo.create({ email, passwordHash, role: input.role, organizationId: input.organizationId ?? null }));
    });
  }

  /**
   * Name and role. The role must be the one of the user's organization kind (an administrator's
   * is ADMIN), as createUser decides; staff accounts (ADMIN, COORDINATOR) are changed by an
   * administrator only. A role change ends the account's sessions.
   */
  async update(ctx: RequestContext, args: UpdateUserArgs): Promise<User> {
    const user = await this.tx.run(ctx, async (_, manager) => {
      const account = await this.lockInScope(ctx, manager, args.userId, 'update');
      const role = args.role ?? account.role;
      if (isStaffRole(account.role) || isStaffRole(role)) ActAccess.assertRole(ctx, 'User', 'administerStaff');
      const allowed = account.organizationKind ? ROLE_OF_KIND[account.organizationKind as keyof typeof ROLE_OF_KIND] : Role.ADMIN;
      if (role !== allowed) {
        throw new BadInputError(
          account.organizationKind
            ? `A user of a ${account.organizationKind} organization has role ${allowed}; to give this person another role, create an account in an organization of that kind`
            : 'An administrator belongs to no organization and stays ADMIN; create an account in an organization for another role',
          { field: 'role', role: allowed, ...(account.organizationKind ? { kind: account.organizationKind } : {}) },
          ErrorReason.ROLE_MISMATCH,
        );
      }
      await UserAccounts.update(manager, account.id, { name: args.name === undefined ? account.name : args.name, role });
      return manager.getRepository(User).findOneOrFail({ where: { id: account.id } });
    });
    await this.callers.changed(user.id);
    return user;
  }

  /**
   * The account can no longer log in, and its tokens are refused at once in every API process.
   * Nobody deactivates their own account, and the last active administrator stays. Deactivating
   * a deactivated account changes nothing.
   */
  async deactivate(ctx: RequestContext, userId: string): Promise<User> {
    const user = await this.tx.run(ctx, async (_, manager) => {
      const account = await this.lockInScope(ctx, manager, userId, 'deactivate');
      if (isStaffRole(account.role)) ActAccess.assertRole(ctx, 'User', 'administerStaff');
      if (account.id === ctx.user.userId) {
        throw new BadInputError('You cannot deactivate your own account: ask another administrator', { field: 'userId' }, ErrorReason.SELF_DEACTIVATION);
      }
      if (!account.deactivatedAt && account.role === Role.ADMIN) {
        const active = await UserAccounts.lockActiveAdministrators(manager);
        if (active.length <= 1 && active.includes(account.id)) {
          throw new ConflictError(
            'This is the last active administrator: create or reactivate another administrator first',
            { field: 'userId' },
            ErrorReason.LAST_ADMINISTRATOR,
          );
        }
      }
      await UserAccounts.deactivate(manager, account.id);
      return manager.getRepository(User).findOneOrFail({ where: { id: account.id } });
    });
    await this.callers.changed(user.id);
    return user;
  }

  /** The account may log in again; tokens issued before its deactivation stay refused. */
  async reactivate(ctx: RequestContext, userId: string): Promise<User> {
    const user = await this.tx.run(ctx, async (_, manager) => {
      const account = await this.lockInScope(ctx, manager, userId, 'reactivate');
      if (isStaffRole(account.role)) ActAccess.assertRole(ctx, 'User', 'administerStaff');
      await UserAccounts.reactivate(manager, account.id);
      return manager.getRepository(User).findOneOrFail({ where: { id: account.id } });
    });
    await this.callers.changed(user.id);
    return user;
  }

  /** The user, locked, when the caller may act on it; NOT_FOUND otherwise, so that ids are not probed. */
  private async lockInScope(ctx: RequestContext, manager: EntityManager, userId: string, action: 'update' | 'deactivate' | 'reactivate'): Promise<AccountRow> {
    const account = await UserAccounts.lock(manager, userId);
    if (!account) throw new NotFoundError('User', userId);
    ActAccess.assert(ctx, 'User', action, { id: account.id, regionId: account.regionId }, 'User');
    return account;
  }
}
