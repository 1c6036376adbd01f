import { Inject, Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext, Role } from '@app/common';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { ActAccess } from '@app/auth';
import { OrganizationKind, Organization, refuseIfDeactivated } from '@app/network';
import { EntityManager } from 'typeorm';
import { SubmitOrderInput } from '../dto/order.inputs';
import { OrderLine } from '../entities/order-line.entity';
import { OrderStatus } from '../entities/order-status';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrdersSubmitted } from '../events/orders-submitted.event';
import { ORDERS_CONFIG, OrdersConfig } from '../orders-config';
import { resolveLineRequirements } from '../policies/profile-defaults';
import { GradeFloorService, gradeFloorFor } from './grade-floor.service';
import { OrderLedger } from './order-ledger.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A partner orders devices for the people it supports (a coordinator may order for a partner of
 * its region). Lines get their profile's default minimums, raised where the line asks for more;
 * the order starts OPEN and its region is matched shortly after (debounced job).
 */
@Injectable()
export class OrderSubmissionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly outbox: OutboxService,
    private readonly events: TransactionEvents,
    private readonly gradeFloors: GradeFloorService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async submit(ctx: RequestContext, input: SubmitOrderInput): Promise<PartnerOrder> {
    const early: string[] = [];
    if (input.neededBy && input.neededBy.getTime() < Date.now()) early.push('neededBy is in the past');
    input.lines.forEach((line, i) => {
      if (line.neededBy && line.neededBy.getTime() < Date.now()) early.push(`lines[${i}]: neededBy is in the past`);
    });
    if (early.length) {
      throw new BadInputError(`${early.join('; ')}: choose a date to come`, { problems: early, field: 'neededBy' }, ErrorReason.DATE_IN_PAST);
    }

    return this.tx.run(ctx, async (_, manager) => {
      const partner = await this.partnerFor(ctx, manager, input.partnerId ?? null);
      // the region's grade floors are known once the partner is: a line is checked against them
      const floors = await this.gradeFloors.floorsOf(manager, partner.regionId);
      const problems: string[] = [];
      const lines = input.lines.map((line, i) => {
        const resolved = resolveLineRequirements(line.profile, line.category, line, gradeFloorFor(floors, line.profile));
        problems.push(...resolved.problems.map((p) => `lines[${i}]: ${p}`));
        return {
          category: line.category,
          quantity: line.quantity,
          profile: line.profile,
          priority: line.priority ?? 0,
          neededBy: line.neededBy ?? input.neededBy ?? null,
          ...resolved.requirements,
        };
      });
      if (problems.length) {
        throw new BadInputError(
          `${problems.join('; ')}: raise these requirements, or leave them out to keep the profile's`,
          { problems, count: problems.length },
          ErrorReason.ORDER_LINES_INVALID,
        );
      }
      const repo = manager.getRepository(PartnerOrder);
      const order = await repo.save(
        repo.create({
          reference: await this.ledger.nextReference(manager),
          partnerId: partner.id,
          regionId: partner.regionId,
          status: OrderStatus.OPEN,
          neededBy: input.neededBy ?? null,
          submittedBy: UUID.test(ctx.user.userId) ? ctx.user.userId : null,
          cancelledAt: null,
        }),
      );
      await manager.getRepository(OrderLine).insert(lines.map((l, position) => ({ ...l, orderId: order.id, regionId: order.regionId, position })));
      await this.events.record(manager, new OrdersSubmitted([order.id]));
      await this.outbox.enqueue(manager, matchRegionRequest(order.regionId, this.config.matchingDebounceMs));
      return order;
    });
  }

  /** The partner an order is for: the caller's own organization, or one staff name. */
  private async partnerFor(ctx: RequestContext, manager: EntityManager, partnerId: string | null): Promise<Organization> {
    const caller = ctx.user;
    if (caller.role === Role.PARTNER) {
      if (partnerId) ActAccess.assert(ctx, 'Organization', 'submitOrderFor', { id: partnerId });
      const own = await manager.getRepository(Organization).findOneByOrFail({ id: caller.organizationId! });
      refuseIfDeactivated(own, 'submit orders');
      return own;
    }
    if (!partnerId)
      throw new BadInputError(
        'partnerId is required when staff submit an order: choose the partner',
        { field: 'partnerId' },
        ErrorReason.ORGANIZATION_REQUIRED,
      );
    const partner = await manager.getRepository(Organization).findOne({ where: { id: partnerId } });
    if (!partner) throw new NotFoundError('Organization', partnerId);
    ActAccess.assert(ctx, 'Organization', 'submitOrderFor', partner);
    if (partner.kind !== OrganizationKind.PARTNER) {
      throw new BadInputError(
        'partnerId must be a partner organization: choose a partner',
        { field: 'partnerId', expected: OrganizationKind.PARTNER },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
    refuseIfDeactivated(partner, 'submit orders');
    return partner;
  }
}
