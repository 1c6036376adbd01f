import { Injectable } from '@nestjs/common';
import { byKey, Connection, RequestContext, requestLoader } from '@app/common';
import { ActAccess, ReadScope } from '@app/auth';
import { keysetPage, TransactionRunner } from '@app/database';
import { Device } from '@app/refurbishing';
import { assertDueDate } from './delivery-records.service';
import { LoanStatus } from './delivery-terms';
import { assertActive, lockLoan } from './loan-access';
import { Loan } from './loan.entity';

/**
 * A loan's life besides its return: moved later, converted to a gift, listed. Each command locks
 * the loan, asks the act table (ACT_RULES.Loan), then checks its state.
 */
@Injectable()
export class LoanService {
  constructor(private readonly tx: TransactionRunner) {}

  extend(ctx: RequestContext, loanId: string, dueDate: Date): Promise<Loan> {
    return this.tx.run(ctx, async (_, manager) => {
      const loan = await lockLoan(manager, loanId);
      ActAccess.assert(ctx, 'Loan', 'extend', loan, 'Loan');
      assertActive(loan);
      assertDueDate(dueDate, new Date(), loan.dueDate);
      await manager.update(Loan, { id: loan.id }, { dueDate, extensions: loan.extensions + 1, version: loan.version + 1 });
      return manager.getRepository(Loan).findOneByOrFail({ id: loan.id });
    });
  }

  /** The person keeps the device: the loan ends, the delivery stays as it is (a gift from now on). */
  convertToGift(ctx: RequestContext, loanId: string): Promise<Loan> {
    return this.tx.run(ctx, async (_, manager) => {
      const loan = await lockLoan(manager, loanId);
      ActAccess.assert(ctx, 'Loan', 'convertToGift', loan, 'Loan');
      assertActive(loan);
      await manager.query(`UPDATE loan SET status = 'CONVERTED', ended_at = now(), version = version + 1 WHERE id = $1`, [loan.id]);
      return manager.getRepository(Loan).findOneByOrFail({ id: loan.id });
    });
  }

  /**
   * The loans the caller may read (READ_RULES.Loan: a partner its own, a refurbisher those of the
   * devices it delivered, staff their region), newest first; overdueOnly: still with the person
   * after their due date.
   */
  async list(
    ctx: RequestContext,
    filter: { overdueOnly?: boolean | null; loanId?: string | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Loan>> {
    const qb = this.tx.manager(ctx).getRepository(Loan).createQueryBuilder('l');
    ReadScope.apply(ctx, qb, 'Loan', 'l');
    if (filter.loanId) qb.andWhere('l.id = :loanId', { loanId: filter.loanId });
    if (filter.overdueOnly) qb.andWhere(`l.status = :active AND l.due_date < now()`, { active: LoanStatus.ACTIVE });
    return keysetPage(qb, 'l', first, after);
  }

  /** Loan.device: the device when the caller may read it now (a returned device has left the partner). */
  device(ctx: RequestContext, deviceId: string): Promise<Device | null> {
    return requestLoader<string, Device | null>(ctx, 'loans:device', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Device)
        .createQueryBuilder('d')
        .where('d.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Device', 'd').getMany(), (d) => d.id);
    }).load(deviceId);
  }

  /** The partner's reference of the person who has it: the partner and staff (as OrderLine.beneficiaryRefs), null for a refurbisher. */
  async beneficiaryRef(ctx: RequestContext, loan: Loan): Promise<string | null> {
    if (!ActAccess.allows(ctx.user, 'PartnerOrder', 'readBeneficiaryRefs', { id: loan.orderId, partnerId: loan.partnerId, regionId: loan.regionId }))
      return null;
    const reference = await requestLoader<string, string | null>(ctx, 'loans:beneficiary-ref', async (linkIds) => {
      const rows: Array<{ link_id: string; reference: string }> = await this.tx.manager(ctx).query(
        `SELECT x.id::text AS link_id, r.reference FROM order_line_device x
           JOIN beneficiary_reference r ON r.device_id = x.device_id AND r.order_line_id = x.order_line_id
          WHERE x.id = ANY($1::bigint[])`,
        [[...linkIds]],
      );
      return byKey(linkIds, rows, (r) => r.link_id).map((r) => r?.reference ?? null);
    }).load(String(loan.orderLineDeviceId));
    return reference;
  }
}
