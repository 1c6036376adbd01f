import { Args, Float, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { Device } from '@app/refurbishing';
import { OpenRepairTicketArgs, RepairTicketConnection, RepairTicketsArgs, ResolveRepairTicketArgs } from './repair.args';
import { RepairTicketOpeningService } from './repair-ticket-opening.service';
import { RepairTicketResolutionService } from './repair-ticket-resolution.service';
import { RepairTicket } from './repair-ticket.entity';
import { RepairTicketService } from './repair-ticket.service';
import { turnaroundHours } from './warranty';

@Resolver(() => RepairTicket)
export class RepairTicketResolver {
  constructor(
    private readonly tickets: RepairTicketService,
    private readonly opening: RepairTicketOpeningService,
    private readonly resolution: RepairTicketResolutionService,
    private readonly organizations: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER, Role.REFURBISHER)
  @Query(() => RepairTicketConnection, {
    description: 'a partner its own tickets, a refurbisher those of the devices it delivered, staff their region; newest first',
  })
  repairTickets(@Ctx() ctx: RequestContext, @Args() args: RepairTicketsArgs): Promise<Connection<RepairTicket>> {
    return this.tickets.list(ctx, args, args.first, args.after);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => RepairTicket)
  openRepairTicket(@Ctx() ctx: RequestContext, @Args() args: OpenRepairTicketArgs): Promise<RepairTicket> {
    return this.opening.open(ctx, args.deviceId, args.symptom);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => RepairTicket)
  resolveRepairTicket(@Ctx() ctx: RequestContext, @Args() args: ResolveRepairTicketArgs): Promise<RepairTicket> {
    return this.resolution.resolve(ctx, args);
  }

  @ResolveField(() => Float, { nullable: true, description: 'resolvedAt − openedAt, in hours; null while open' })
  turnaroundHours(@Parent() ticket: RepairTicket): number | null {
    return turnaroundHours(ticket.openedAt, ticket.resolvedAt);
  }

  @ResolveField(() => Device, { nullable: true, description: 'the faulty device, while the caller may read it' })
  device(@Ctx() ctx: RequestContext, @Parent() ticket: RepairTicket): Promise<Device | null> {
    return this.tickets.device(ctx, ticket.deviceId);
  }

  @ResolveField(() => Device, { nullable: true, description: 'REPLACED: the device the person got instead, while the caller may read it' })
  replacementDevice(@Ctx() ctx: RequestContext, @Parent() ticket: RepairTicket): Promise<Device | null> {
    return ticket.replacementDeviceId ? this.tickets.device(ctx, ticket.replacementDeviceId) : Promise.resolve(null);
  }

  @ResolveField(() => Organization, { nullable: true })
  partner(@Ctx() ctx: RequestContext, @Parent() ticket: RepairTicket): Promise<Organization | null> {
    return this.organizations.load(ctx, ticket.partnerId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'the refurbisher that delivered the device and repairs it' })
  refurbisher(@Ctx() ctx: RequestContext, @Parent() ticket: RepairTicket): Promise<Organization | null> {
    return this.organizations.load(ctx, ticket.refurbisherId);
  }
}
