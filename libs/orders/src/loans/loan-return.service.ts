import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Organization, OrganizationKind } from '@app/network';
import { DeviceAction, DeviceLedger } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { OrderLedger } from '../services/order-ledger.service';
import { assertActive, lockLoan } from './loan-access';
import { Loan } from './loan.entity';

/**
 * A lent device given back. Its delivery ends (the order link is released as RETURNED: the
 * partner no longer sees the device, the line stays served), the same device row goes back into a
 * refurbisher's custody on the workbench (DELIVERED -> RECEIVED, a custody event saying who and
 * when): the one that shipped it, or another of the region named for it. From there it must be
 * erased again before grading (the borrower's data may be on it), then it can be reserved and
 * delivered to someone else, its serial and history continuing. Locks: loan, order, lines, link,
 * device, so that two returns of one loan queue and the second finds it RETURNED.
 */
@Injectable()
export class LoanReturnService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly orders: OrderLedger,
    private readonly devices: DeviceLedger,
  ) {}

  returnLoan(ctx: RequestContext, loanId: string, refurbisherId?: string | null): Promise<Loan> {
    return this.tx.run(ctx, async (inner, manager) => {
      const loan = await lockLoan(manager, loanId);
      ActAccess.assert(ctx, 'Loan', 'return', loan, 'Loan');
      assertActive(loan);
      const receiver = refurbisherId ?? loan.refurbisherId;
      if (receiver !== loan.refurbisherId) await this.assertReceiver(manager, loan, receiver);

      await this.orders.lockOrder(manager, loan.orderId);
      await this.orders.lockLines(manager, [loan.orderId]);
      const [, released]: [unknown, number] = await manager.query(
        `UPDATE order_line_device SET released_at = now(), release_reason = 'RETURNED' WHERE id = $1 AND released_at IS NULL AND delivered_at IS NOT NULL`,
        [loan.orderLineDeviceId],
      );
      if (released !== 1) {
        throw new ConflictError(`Loan ${loan.id}: its delivery already ended`, { entity: 'Loan', loanId: loan.id }, ErrorReason.CONCURRENT_CHANGE);
      }
      const [device] = await this.devices.lock(manager, [loan.deviceId]);
      const elsewhere = receiver !== device!.refurbisherId;
      await this.devices.apply(inner, manager, [
        {
          device: device!,
          action: DeviceAction.LOAN_RETURNED,
          detail: elsewhere ? 'loan returned, to another workshop of the network; to be erased again' : 'loan returned; to be erased again',
          set: elsewhere ? { refurbisherId: receiver } : undefined,
        },
      ]);
      await manager.query(`UPDATE loan SET status = 'RETURNED', ended_at = now(), returned_to_id = $2, version = version + 1 WHERE id = $1`, [
        loan.id,
        receiver,
      ]);
      return manager.getRepository(Loan).findOneByOrFail({ id: loan.id });
    });
  }

  /** Another refurbisher may take it back: an active one of the loan's region (NOT_FOUND outside it: ids are not probed). */
  private async assertReceiver(manager: EntityManager, loan: Loan, id: string): Promise<void> {
    const org = await manager.getRepository(Organization).findOne({ where: { id } });
    if (!org || org.regionId !== loan.regionId) throw new NotFoundError('Organization', id);
    if (org.kind !== OrganizationKind.REFURBISHER || org.deactivatedAt) {
      throw new BadInputError(
        'refurbisherId must name an active refurbisher of the region',
        { field: 'refurbisherId', expected: OrganizationKind.REFURBISHER },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
  }
}
