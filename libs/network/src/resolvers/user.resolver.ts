import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, ALL_ROLES, Ctx, User } from '@app/auth';
import { CreateUserInput } from '../dto/network.inputs';
import { UserConnection } from '../dto/user-connection';
import { UpdateUserArgs, UserIdArgs, UsersArgs } from '../dto/user.args';
import { Organization } from '../entities/organization.entity';
import { OrganizationService } from '../services/organization.service';
import { UserService } from '../services/user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(...ALL_ROLES)
  @Query(() => User)
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.userService.me(ctx);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => UserConnection, { description: "the accounts the caller administers, newest first: ADMIN all, a coordinator its region's" })
  users(@Ctx() ctx: RequestContext, @Args() args: UsersArgs): Promise<Connection<User>> {
    return this.userService.list(ctx, args);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => User)
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.userService.create(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => User)
  updateUser(@Ctx() ctx: RequestContext, @Args() args: UpdateUserArgs): Promise<User> {
    return this.userService.update(ctx, args);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => User, { description: 'Ends its sessions at once; it can no longer log in' })
  deactivateUser(@Ctx() ctx: RequestContext, @Args() args: UserIdArgs): Promise<User> {
    return this.userService.deactivate(ctx, args.userId);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => User)
  reactivateUser(@Ctx() ctx: RequestContext, @Args() args: UserIdArgs): Promise<User> {
    return this.userService.reactivate(ctx, args.userId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'null for ADMIN' })
  organization(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<Organization | null> | null {
    if (!user.organizationId) return null;
    return this.organizationService.load(ctx, user.organizationId);
  }
}
