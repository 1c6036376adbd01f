import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, NotFoundError, RequestContext, Role, passwordWeakness } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ActAccess, hashPassword, User } from '@app/auth';
import { CreateUserInput } from '../dto/network.inputs';
import { Organization } from '../entities/organization.entity';
import { ROLE_OF_KIND } from '../entities/organization-kind';

@Injectable()
export class UserService {
  constructor(private readonly tx: TransactionRunner) {}

  async me(ctx: RequestContext): Promise<User> {
    const user = await this.tx
      .manager(ctx)
      .getRepository(User)
      .findOne({ where: { id: ctx.user.userId } });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** ADMIN creates anyone; a coordinator creates the users of its region's organizations. */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (input.role === Role.ADMIN) {
      ActAccess.assertRole(ctx, 'User', 'createAdministrator');
      if (input.organizationId) throw new BadInputError('An administrator belongs to no organization', { field: 'organizationId' });
    } else if (!input.organizationId) {
      throw new BadInputError(`A ${input.role} user needs an organizationId`, { field: 'organizationId' });
    }
    const weakness = passwordWeakness(input.password, email);
    if (weakness) throw new BadInputError(`The password ${weakness.message}`, { field: 'password', reason: weakness.reason });
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(ctx, async (_, manager) => {
      if (input.organizationId) {
        const org = await manager.getRepository(Organization).findOne({ where: { id: input.organizationId } });
        if (!org) throw new NotFoundError('Organization', input.organizationId);
        ActAccess.assert(ctx, 'Organization', 'administer', org, 'Organization');
        if (ROLE_OF_KIND[org.kind] !== input.role) {
          throw new BadInputError(`A user of a ${org.kind} organization has role ${ROLE_OF_KIND[org.kind]}`, { field: 'role' });
        }
      }
      const repo = manager.getRepository(User);
      // E-mails are unique across the network, so the address must be refused; the answer is the
      // same wherever that account lives and says neither where nor whose it is, so a coordinator
      // learns nothing about the users of other regions.
      if (await repo.exists({ where: { email } })) throw new ConflictError('This e-mail address cannot be used for a new account', { field: 'email' });
      return repo.save(repo.create({ email, passwordHash, role: input.role, organizationId: input.organizationId ?? null }));
    });
  }
}
