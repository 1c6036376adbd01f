import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { DeviceStockService } from '@app/refurbishing';
import { ConfirmDeliveryInput } from '../dto/order.inputs';
import { BeneficiaryReference } from '../entities/beneficiary-reference.entity';
import { assertTerms, DeliveryRecords } from '../loans/delivery-records.service';
import { ORDER_MACHINE } from '../entities/order-status';
import { PartnerOrder } from '../entities/partner-order.entity';
import { beneficiaryReferenceProblems } from '../policies/beneficiary-reference';
import { OrderLedger } from './order-ledger.service';
import { assertDistinct } from './order-shipping.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The partner confirms that shipped devices arrived: SHIPPED -> DELIVERED, the lines count them,
 * the order's status follows. The optional pseudonymous references (one per device) go to their
 * own table, never onto the device or its custody events, which donors read. The delivery is a
 * gift (the default) or a loan with a due date; each device gets its refurbisher's warranty.
 */
@Injectable()
export class OrderDeliveryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly stock: DeviceStockService,
    private readonly outbox: OutboxService,
    private readonly records: DeliveryRecords,
  ) {}

  confirm(ctx: RequestContext, input: ConfirmDeliveryInput): Promise<PartnerOrder> {
    assertDistinct(input.deviceIds);
    const problems = beneficiaryReferenceProblems(input.deviceIds, input.beneficiaryRefs);
    if (problems.length) throw new BadInputError(problems.join('; '), { field: 'beneficiaryRefs', problems }, ErrorReason.BENEFICIARY_REFS_INVALID);
    assertTerms(input, new Date());
    return this.tx.run(ctx, async (inner, manager) => {
      const order = await this.ledger.lockOrder(manager, input.orderId);
      if (!order) throw new NotFoundError('Order', input.orderId);
      ActAccess.assert(ctx, 'PartnerOrder', 'confirmDelivery', order, 'Order');
      if (ORDER_MACHINE.isTerminal(order.status)) {
        throw new ConflictError(
          `Order ${order.reference}: ${order.status} is final; nothing more can be confirmed`,
          { entity: 'Order', state: order.status, orderId: order.id },
          ErrorReason.FINAL_STATE,
        );
      }
      await this.ledger.lockLines(manager, [order.id]);
      const links = await this.ledger.lockLiveLinks(manager, order.id, input.deviceIds);
      await this.stock.deliver(
        inner,
        links.map((l) => l.deviceId),
        'delivery confirmed by the partner',
      );
      await this.ledger.markLinks(manager, links, 'delivered');
      await this.records.record(manager, order, links, input);
      await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.DELIVERY_CONFIRMED, { orderId: order.id, deviceCount: links.length }));
      if (input.beneficiaryRefs) {
        const lineOf = new Map(links.map((l) => [l.deviceId, l.orderLineId]));
        const recordedBy = UUID.test(ctx.user.userId) ? ctx.user.userId : null;
        await manager.getRepository(BeneficiaryReference).insert(
          input.deviceIds.map((deviceId, i) => ({
            deviceId,
            partnerId: order.partnerId,
            orderId: order.id,
            orderLineId: lineOf.get(deviceId)!,
            reference: input.beneficiaryRefs![i]!,
            recordedBy,
          })),
        );
      }
      await this.ledger.refreshStatuses(manager, [order.id]);
      return manager.getRepository(PartnerOrder).findOneByOrFail({ id: order.id });
    });
  }
}
