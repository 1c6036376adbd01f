import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { actorUserIdOf } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { StockCountScopeInput } from '../dto/stock-count-scope';
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
    const { serials, blank, labels } = countedSerials(input.serialNumbers);
    if (blank)
      throw new BadInputError(
        `${blank} serial number(s) are blank: remove the empty lines`,
        { field: 'serialNumbers', count: blank },
        ErrorReason.VALUE_REQUIRED,
      );

    return this.tx.run(ctx, async (_, manager) => {
      const refurbisher = await ReconciliationAccess.refurbisherFor(ctx, manager, input.refurbisherId);
      // Counts of one refurbisher queue here, so that exactly one stays OPEN. NO KEY UPDATE: rows
      // that reference the organization (devices received meanwhile) are not held up.
      await manager.query(`SELECT 1 FROM organization WHERE id = $1 FOR NO KEY UPDATE`, [refurbisher.id]);
      await this.supersedeOpen(manager, refurbisher.id);

      // One statement, so one snapshot: what is on the shelf and what the counted serials are
      // cannot disagree because a device moved between two reads.
      // Only the devices within the scope are expected: a shelf count never declares the rest missing.
      const scope = scopeOf(input.scope);
      const devices: CountedDevice[] = (
        await manager.query(
          `WITH shelf AS (
             SELECT id FROM device
              WHERE refurbisher_id = $1 AND status IN ('IN_STOCK', 'RESERVED')
                AND ($3::device_category[] IS NULL OR category = ANY($3::device_category[]))
                AND ($4::varchar IS NULL OR lower(location) = lower($4::varchar))
                AND ($5::uuid[] IS NULL OR id = ANY($5::uuid[]))
           )
           SELECT d.id, d.serial_number_key, d.serial_number, (d.id IN (SELECT id FROM shelf)) AS on_shelf
             FROM device d
            WHERE d.id IN (SELECT id FROM shelf) OR d.serial_number_key = ANY($2::varchar[])`,
          [refurbisher.id, serials, scope?.categories ?? null, scope?.location ?? null, scope?.deviceIds ?? null],
        )
      ).map((r: { id: string; serial_number_key: string; serial_number: string; on_shelf: boolean }) => ({
        id: r.id,
        serialNumber: r.serial_number_key,
        label: r.serial_number,
        onShelf: r.on_shelf,
      }));
      const outcome = compareCount(devices, serials, labels);

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
          scope,
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
      // the coordinator reviews counts that found differences
      if (outcome.discrepancies.length)
        await this.outbox.enqueue(
          manager,
          notificationRequest(NotificationEvent.STOCK_COUNT_DISCREPANCIES, {
            refurbisherId: refurbisher.id,
            stockCountId: reconciliation.id,
            discrepancies: outcome.discrepancies.length,
          }),
        );
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

/** The scope as recorded: null when the count covers the whole stock. */
function scopeOf(input: StockCountScopeInput | null | undefined): Reconciliation['scope'] {
  if (!input) return null;
  const scope = {
    categories: input.categories?.length ? [...new Set(input.categories)].sort() : null,
    location: input.location?.trim() || null,
    deviceIds: input.deviceIds?.length ? [...new Set(input.deviceIds)].sort() : null,
  };
  return scope.categories || scope.location || scope.deviceIds ? scope : null;
}
