import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Organization } from '../entities/organization.entity';
import { IntakePauseService } from '../services/intake-pause.service';

@Resolver()
export class IntakePauseResolver {
  constructor(private readonly pauses: IntakePauseService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => Organization, { description: 'routing offers the refurbisher nothing until `until`; lots already offered or claimed stay' })
  pauseIntake(
    @Ctx() ctx: RequestContext,
    @Args('until', { type: () => Date }) until: Date,
    @Args('reason', { type: () => String }) reason: string,
    @Args('organizationId', { type: () => ID, nullable: true, description: "staff name the refurbisher; a refurbisher's own by default" })
    organizationId?: string,
  ): Promise<Organization> {
    return this.pauses.pause(ctx, { organizationId, until, reason });
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => Organization, { description: 'the refurbisher takes offers again now' })
  resumeIntake(
    @Ctx() ctx: RequestContext,
    @Args('organizationId', { type: () => ID, nullable: true, description: "staff name the refurbisher; a refurbisher's own by default" })
    organizationId?: string,
  ): Promise<Organization> {
    return this.pauses.resume(ctx, organizationId);
  }
}
