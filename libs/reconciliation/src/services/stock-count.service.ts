import { Injectable } from '@nestjs/common';
import { BadInputError, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { OutboxService } from '@app/jobs';
import { actorUserIdOf } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { SubmitStockCountInput } from '../dto/stock-count.inputs';
import { RECONCILIATION_MACHINE, ReconciliationStatus } from '../entities/reconciliation-status';
import { Reconciliation } from '../entities/reconciliation.entity';
import { reconcileStockRequest } from '../jobs/reconcile-stock.request';
import { compareCount, CountedDevice, countedSerials } from '../policies/stock-count';
import { ReconciliationAccess } from './reconciliation-access';

/**
 * A refurbisher's physical count of its shelves becomes an OPEN reconciliation, in one
 * transaction: the count is compared with one snapshot of the devices, its discrepancies are
 * stored, an open count of the same shelves is superseded, and the stock counters are rebuilt
 * shortly after (reconcile-stock, debounced, through the outbox). No device changes here: that
 * is the resolution's business, after review.
 */
@Injectable()
export class StockCountService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
  ) {}

  submit(ctx: RequestContext, input: SubmitStockCountInput): Promise<Reconciliation> {
    const { serials, blank } = countedSerials(input.serialNumbers);
    if (blank) throw new BadInputError(`${blank} serial number(s) are blank`, { field: 'serialNumbers' });

    return this.tx.run(ctx, async (_, manager) => {
      const refurbisher = await ReconciliationAccess.refurbisherFor(ctx, manager, input.refurbisherId);
      // Counts of one refurbisher queue here, so that exactly one stays OPEN. NO KEY UPDATE: rows
      // that reference the organization (devices received meanwhile) are not held up.
      await manager.query(`SELECT 1 FROM organization WHERE id = $1 FOR NO KEY UPDATE`, [refurbisher.id]);
      await this.supersedeOpen(manager, refurbisher.id);

      // One statement, so one snapshot: what is on the shelf and what the counted serials are
      // cannot disagree because a device moved between two reads.
      const devices: CountedDevice[] = (
        await manager.query(
          `SELECT id, serial_number, (refurbisher_id = $1 AND status IN ('IN_STOCK', 'RESERVED')) AS on_shelf
             FROM device
            WHERE (refurbisher_id = $1 AND status IN ('IN_STOCK', 'RESERVED')) OR serial_number = ANY($2::varchar[])`,
          [refurbisher.id, serials],
        )
      ).map((r: { id: string; serial_number: string; on_shelf: boolean }) => ({ id: r.id, serialNumber: r.serial_number, onShelf: r.on_shelf }));
      const outcome = compareCount(devices, serials);

      // Stamped now, after the lock, not at the transaction's start: the count that stays OPEN is the newest.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Reconciliation)
        .values({
          refurbisherId: refurbisher.id,
          regionId: refurbisher.regionId,
          status: ReconciliationStatus.OPEN,
          expectedQuantity: outcome.expectedQuantity,
          countedQuantity: outcome.countedQuantity,
          missingQuantity: outcome.discrepancies.filter((d) => d.kind === 'MISSING').length,
          unexpectedQuantity: outcome.discrepancies.filter((d) => d.kind === 'UNEXPECTED').length,
          submittedBy: ctx.user.email,
          submittedByUserId: actorUserIdOf(ctx),
          resolvedAt: null,
          resolvedBy: null,
          resolvedByUserId: null,
          markedMissingQuantity: null,
          createdAt: () => 'clock_timestamp()',
        })
        .returning(['id'])
        .updateEntity(false)
        .execute();
      const reconciliation = await manager.getRepository(Reconciliation).findOneByOrFail({ id: (inserted.raw as Array<{ id: string }>)[0]!.id });
      if (outcome.discrepancies.length) {
        // Arrays rather than a multi-row VALUES: 100,000 discrepancies stay one statement, far below the parameter limit.
        await manager.query(
          `INSERT INTO reconciliation_discrepancy (reconciliation_id, kind, serial_number, device_id)
           SELECT $1, kind, serial_number, device_id FROM unnest($2::discrepancy_kind[], $3::varchar[], $4::uuid[]) AS d(kind, serial_number, device_id)`,
          [
            reconciliation.id,
            outcome.discrepancies.map((d) => d.kind),
            outcome.discrepancies.map((d) => d.serialNumber),
            outcome.discrepancies.map((d) => d.deviceId),
          ],
        );
      }
      await this.outbox.enqueue(manager, reconcileStockRequest(refurbisher.id));
      return reconciliation;
    });
  }

  /** The refurbisher's OPEN count, if any, is replaced by this one (through the machine). */
  private async supersedeOpen(manager: EntityManager, refurbisherId: string): Promise<void> {
    const open = await manager
      .getRepository(Reconciliation)
      .createQueryBuilder('r')
      .where('r.refurbisher_id = :refurbisherId AND r.status = :open', { refurbisherId, open: ReconciliationStatus.OPEN })
      .setLock('pessimistic_write')
      .getMany();
    for (const r of open) {
      RECONCILIATION_MACHINE.assertTransition(r.status, ReconciliationStatus.SUPERSEDED);
      await manager.update(Reconciliation, { id: r.id }, { status: ReconciliationStatus.SUPERSEDED, version: r.version + 1 });
    }
  }
}
