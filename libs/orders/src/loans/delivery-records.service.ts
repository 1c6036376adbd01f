import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason } from '@app/common';
import { EntityManager } from 'typeorm';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { PartnerOrder } from '../entities/partner-order.entity';
import { DeviceWarranty } from '../repairs/device-warranty.entity';
import { warrantyEnd } from '../repairs/warranty';
import { DeliveryTerms } from './delivery-terms';
import { Loan } from './loan.entity';
import { dueDateProblem, latestDueDate } from './loan-rules';

/** The terms a delivery was confirmed with. */
export interface Terms {
  terms?: DeliveryTerms | null;
  dueDate?: Date | null;
}

/** A bad due date, said the same way by confirmDelivery and extendLoan. */
export function assertDueDate(dueDate: Date | null | undefined, now: Date, current?: Date): void {
  const problem = dueDateProblem(dueDate, now, current);
  if (!problem) return;
  const said = {
    MISSING: 'a loan needs a due date',
    NOT_A_LOAN: 'a gift has no due date',
    PAST: 'the due date must be in the future',
    TOO_FAR: 'a loan lasts at most three years: choose an earlier due date, or make it a gift',
    NOT_LATER: 'an extension moves the due date later than the current one',
  }[problem];
  throw new BadInputError(said, { field: 'dueDate', problem, latest: latestDueDate(now).toISOString() }, ErrorReason.LOAN_DUE_DATE_INVALID);
}

/** Before anything is written: a loan has a valid due date, a gift none. */
export function assertTerms(input: Terms, now: Date): void {
  if ((input.terms ?? DeliveryTerms.GIFT) === DeliveryTerms.GIFT) {
    if (input.dueDate != null) {
      throw new BadInputError(
        'a gift has no due date: leave dueDate out, or deliver as a LOAN',
        { field: 'dueDate', problem: 'NOT_A_LOAN' },
        ErrorReason.LOAN_DUE_DATE_INVALID,
      );
    }
    return;
  }
  assertDueDate(input.dueDate, now);
}

/**
 * What a confirmed delivery leaves besides the order's counters, in its transaction: each
 * device's warranty, fixed now from its refurbisher's policy (none set: 0 months), and for a
 * loan, the loan itself, due back to the refurbisher that shipped it.
 */
@Injectable()
export class DeliveryRecords {
  async record(manager: EntityManager, order: PartnerOrder, links: readonly OrderLineDevice[], input: Terms): Promise<void> {
    if (!links.length) return;
    const rows: Array<{ link_id: string; device_id: string; refurbisher_id: string; months: number; delivered_at: Date }> = await manager.query(
      `SELECT x.id AS link_id, x.device_id, d.refurbisher_id, coalesce(w.months, 0)::int AS months, x.delivered_at
         FROM order_line_device x JOIN device d ON d.id = x.device_id
         LEFT JOIN warranty_policy w ON w.refurbisher_id = d.refurbisher_id
        WHERE x.id = ANY($1::bigint[]) ORDER BY x.id`,
      [links.map((l) => l.id)],
    );
    await manager
      .getRepository(DeviceWarranty)
      .insert(
        rows.map((r) => ({ orderLineDeviceId: r.link_id, deviceId: r.device_id, months: r.months, warrantyUntil: warrantyEnd(r.delivered_at, r.months) })),
      );
    if ((input.terms ?? DeliveryTerms.GIFT) !== DeliveryTerms.LOAN) return;
    await manager.getRepository(Loan).insert(
      rows.map((r) => ({
        deviceId: r.device_id,
        orderLineDeviceId: r.link_id,
        orderId: order.id,
        partnerId: order.partnerId,
        refurbisherId: r.refurbisher_id,
        regionId: order.regionId,
        dueDate: input.dueDate!,
        deliveredAt: r.delivered_at,
      })),
    );
  }
}
