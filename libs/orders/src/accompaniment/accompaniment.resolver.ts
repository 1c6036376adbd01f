import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Accompaniment } from './accompaniment.entity';
import { RecordAccompanimentInput } from './accompaniment.inputs';
import { AccompanimentService } from './accompaniment.service';
import { AccompanimentConnection } from './accompaniment.types';

@Resolver(() => Accompaniment)
export class AccompanimentResolver {
  constructor(private readonly sessions: AccompanimentService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Query(() => AccompanimentConnection, { description: 'a partner’s own sessions, staff their region’s (ADMIN all); newest first' })
  accompaniments(
    @Ctx() ctx: RequestContext,
    @Args('beneficiaryRef', { type: () => String, nullable: true }) beneficiaryRef?: string,
    @Args('partnerId', { type: () => ID, nullable: true }) partnerId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Connection<Accompaniment>> {
    return this.sessions.list(ctx, { beneficiaryRef, partnerId }, first, after);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => Accompaniment)
  recordAccompaniment(@Ctx() ctx: RequestContext, @Args('input') input: RecordAccompanimentInput): Promise<Accompaniment> {
    return this.sessions.record(ctx, input);
  }
}
