import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Device } from '@app/refurbishing';
import { RepairTicketService } from './repair-ticket.service';

/** Device.warrantyUntil, served from here so that refurbishing does not depend on orders. */
@Resolver(() => Device)
export class DeviceWarrantyResolver {
  constructor(private readonly tickets: RepairTicketService) {}

  @ResolveField(() => Date, { nullable: true, description: 'the end of the warranty of its current delivery; null when it is not with a person' })
  warrantyUntil(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<Date | null> {
    return this.tickets.warrantyUntil(ctx, device.id);
  }
}
