import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { OrderLine } from '../entities/order-line.entity';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrderSubmissionService } from '../services/order-submission.service';
import { Need } from './need.entity';
import { OrderForNeedsInput } from './need.inputs';
import { NeedStatus } from './need-status';
import { URGENCY_RANK } from './need-urgency';
import { assertWaiting } from './need-recording.service';
import { waitingOrder } from './waiting-list.policy';

/**
 * A partner orders devices for people on the waiting list: the needs become the lines of one
 * order (one line per profile, category and urgency, one unit per need), each need linked to its
 * line and ORDERED, in the submission's own transaction. A line's priority is its urgency's rank,
 * and matching counts its age from its oldest need (region-matching.service), so ordered needs
 * are served in waiting-list order.
 */
@Injectable()
export class NeedOrderingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly submission: OrderSubmissionService,
  ) {}

  order(ctx: RequestContext, input: OrderForNeedsInput): Promise<PartnerOrder> {
    const ids = [...new Set(input.needIds)].sort();
    return this.tx.run(ctx, async (inner, manager) => {
      const needs = await manager
        .getRepository(Need)
        .createQueryBuilder('n')
        .where('n.id IN (:...ids)', { ids })
        .orderBy('n.id')
        .setLock('pessimistic_write')
        .getMany();
      for (const id of ids) {
        const need = needs.find((n) => n.id === id);
        if (!need) throw new NotFoundError('Need', id);
        ActAccess.assert(ctx, 'Need', 'order', need);
      }
      if (new Set(needs.map((n) => n.partnerId)).size > 1) {
        throw new BadInputError(
          'These needs are of several partners: an order is for one partner',
          { field: 'needIds' },
          ErrorReason.NEEDS_OF_SEVERAL_PARTNERS,
        );
      }
      needs.forEach(assertWaiting);

      const groups = new Map<string, Need[]>();
      for (const need of [...needs].sort(waitingOrder)) {
        const key = `${need.profile}|${need.category}|${need.urgency}`;
        groups.set(key, [...(groups.get(key) ?? []), need]);
      }
      const lines = [...groups.values()];
      const order = await this.submission.submit(inner, {
        partnerId: needs[0]!.partnerId,
        neededBy: input.neededBy ?? null,
        lines: lines.map((group) => ({
          category: group[0]!.category,
          quantity: group.length,
          profile: group[0]!.profile,
          priority: URGENCY_RANK[group[0]!.urgency],
        })),
      });
      const saved = await manager.getRepository(OrderLine).find({ where: { orderId: order.id }, order: { position: 'ASC' } });
      for (const [position, group] of lines.entries()) {
        await manager
          .getRepository(Need)
          .createQueryBuilder()
          .update()
          .set({ status: NeedStatus.ORDERED, orderId: order.id, orderLineId: saved[position]!.id })
          .where('id IN (:...ids)', { ids: group.map((n) => n.id) })
          .execute();
      }
      return order;
    });
  }
}
