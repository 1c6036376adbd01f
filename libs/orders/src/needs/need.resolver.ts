import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { PartnerOrder } from '../entities/partner-order.entity';
import { NeedCancellationReason } from './need-cancellation-reason';
import { Need } from './need.entity';
import { OrderForNeedsInput, RecordNeedInput } from './need.inputs';
import { NeedOrderingService } from './need-ordering.service';
import { NeedRecordingService } from './need-recording.service';
import { NeedService } from './need.service';
import { NeedStatus } from './need-status';
import { NeedConnection } from './need.types';

@Resolver(() => Need)
export class NeedResolver {
  constructor(
    private readonly reading: NeedService,
    private readonly recording: NeedRecordingService,
    private readonly ordering: NeedOrderingService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Query(() => NeedConnection, { description: 'a partner’s own needs, staff their region’s (ADMIN all); newest first' })
  needs(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => NeedStatus, nullable: true }) status?: NeedStatus,
    @Args('partnerId', { type: () => ID, nullable: true }) partnerId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Connection<Need>> {
    return this.reading.list(ctx, { status, partnerId }, first, after);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => Need)
  recordNeed(@Ctx() ctx: RequestContext, @Args('input') input: RecordNeedInput): Promise<Need> {
    return this.recording.record(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => Need, { description: 'a WAITING need only: an ordered one goes back to the waiting list when its order is cancelled' })
  cancelNeed(
    @Ctx() ctx: RequestContext,
    @Args('needId', { type: () => ID }) needId: string,
    @Args('reason', { type: () => NeedCancellationReason }) reason: NeedCancellationReason,
  ): Promise<Need> {
    return this.recording.cancel(ctx, needId, reason);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => PartnerOrder, { description: 'an order made of waiting needs: one line per profile, category and urgency; each need ORDERED on its line' })
  orderForNeeds(@Ctx() ctx: RequestContext, @Args('input') input: OrderForNeedsInput): Promise<PartnerOrder> {
    return this.ordering.order(ctx, input);
  }
}
