import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  byKey,
  ConflictError,
  Connection,
  decodeCursor,
  DeviceCategory,
  groupedByKey,
  NotFoundError,
  pageSize,
  RequestContext,
  requestLoader,
  resolveAddress,
  Role,
  toConnection,
} from '@app/common';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { OutboxService } from '@app/jobs';
import { ActAccess, ReadScope } from '@app/auth';
import { LoadChange, Organization, OrganizationKind, RefurbisherLoad } from '@app/network';
import { EntityManager, In } from 'typeorm';
import { parseInventoryCsv } from '../csv/inventory-csv';
import { DeclareDonationInput } from '../dto/donation.inputs';
import { DonationLine } from '../entities/donation-line.entity';
import { DonationStatus } from '../entities/donation-status';
import { DonationsCancelled } from '../events/donations-cancelled.event';
import { DonationsDeclared } from '../events/donations-declared.event';
import { LotsWithdrawn } from '../events/lots-withdrawn.event';
import { Donation } from '../entities/donation.entity';
import { LotItem } from '../entities/lot-item.entity';
import { LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';
import { routeRegionRequest } from '../jobs/route-region.request';
import { DonationLedger } from './donation-ledger.service';
import { lockRegionRouting } from './region-routing.lock';

/** Categories whose devices hold data unless the donor says otherwise. */
const DATA_BEARING_BY_DEFAULT = new Set<DeviceCategory>([
  DeviceCategory.LAPTOP,
  DeviceCategory.DESKTOP,
  DeviceCategory.TABLET,
  DeviceCategory.SMARTPHONE,
  DeviceCategory.OTHER,
]);

/** Lots a cancellation withdraws; once collected, the devices are on their way and it is too late. */
const WITHDRAWABLE = [LotStatus.OFFERED, LotStatus.CLAIMED, LotStatus.PICKUP_SCHEDULED];

@Injectable()
export class DonationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DonationLedger,
    private readonly loads: RefurbisherLoad,
    private readonly outbox: OutboxService,
    private readonly events: TransactionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async declare(ctx: RequestContext, input: DeclareDonationInput): Promise<Donation> {
    const csv = input.inventoryCsv ? parseInventoryCsv(input.inventoryCsv) : { rows: [], errors: [] };
    if (csv.errors.length) {
      throw new BadInputError(`inventoryCsv: ${csv.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`, { field: 'inventoryCsv', rows: csv.errors });
    }
    const lines = [...input.lines, ...csv.rows].map((l) => ({
      category: l.category,
      quantity: l.quantity,
      brand: l.brand?.trim() || null,
      model: l.model?.trim() || null,
      year: l.year ?? null,
      dataBearing: l.dataBearing ?? DATA_BEARING_BY_DEFAULT.has(l.category),
    }));
    if (!lines.length) throw new BadInputError('A donation needs at least one line (lines or inventoryCsv)', { field: 'lines' });
    if (lines.length > 5000) throw new BadInputError('A donation has at most 5000 lines', { field: 'lines' });
    const pickupAddress = resolveAddress(input.pickupAddress);

    return this.tx.run(ctx, async (_, manager) => {
      const donor = await this.donorFor(ctx, manager, input.donorId ?? null);
      const repo = manager.getRepository(Donation);
      const donation = await repo.save(
        repo.create({
          reference: await this.ledger.nextReference(manager, 'DON'),
          donorId: donor.id,
          regionId: donor.regionId,
          status: DonationStatus.DECLARED,
          pickupAddress,
          availableFrom: input.availableFrom,
          cancelledAt: null,
        }),
      );
      await manager.getRepository(DonationLine).insert(lines.map((l, position) => ({ ...l, donationId: donation.id, position })));
      await this.events.record(manager, new DonationsDeclared([donation.id]));
      await this.outbox.enqueue(manager, routeRegionRequest(donation.regionId, this.config.routingDebounceMs));
      return donation;
    });
  }

  /**
   * Withdraws the donation's lots that are not yet collected. Takes the region routing lock first,
   * so no router can be between reading this donation as routable and writing its lots: either
   * routing committed before (its lots are withdrawn here) or it runs after (it sees the
   * cancellation). Then the lots (in id order), their pickups, the load counters, the donation:
   * the order every command follows (docs/concurrency.md).
   */
  cancel(ctx: RequestContext, id: string): Promise<Donation> {
    return this.tx.run(ctx, async (_, manager) => {
      const found = await manager.getRepository(Donation).findOne({ where: { id } });
      if (!found) throw new NotFoundError('Donation', id);
      ActAccess.assert(ctx, 'Donation', 'cancel', found, 'Donation');
      await lockRegionRouting(manager, found.regionId);
      // read again under the lock: a concurrent cancellation may have committed while we waited
      const donation = await manager.getRepository(Donation).findOneByOrFail({ id });
      if (donation.status === DonationStatus.CANCELLED || donation.cancelledAt) throw new ConflictError('Donation: CANCELLED is final');
      const lots = await manager.getRepository(Lot).find({ where: { donationId: id }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const late = lots.find((l) => [LotStatus.COLLECTED, LotStatus.RECEIVED, LotStatus.CLOSED].includes(l.status));
      if (late) throw new ConflictError(`Donation ${donation.reference} is already collected (lot ${late.reference})`);
      const withdrawn = lots.filter((l) => WITHDRAWABLE.includes(l.status));
      const loadChanges: LoadChange[] = [];
      for (const lot of withdrawn) {
        await manager.update(Lot, { id: lot.id }, { status: LotStatus.CANCELLED, version: lot.version + 1 });
        const items = await manager.getRepository(LotItem).find({ where: { lotId: lot.id } });
        loadChanges.push(...items.map((i) => ({ refurbisherId: lot.refurbisherId, category: i.category, quantity: -i.quantity })));
      }
      // logistics cancels their pickups here, before the load counters: same transaction, so nobody is sent to collect
      await this.events.record(manager, new LotsWithdrawn(withdrawn.map((l) => l.id)));
      await this.loads.adjust(manager, loadChanges);
      await manager.update(Donation, { id }, { cancelledAt: new Date() });
      await this.ledger.refreshStatuses(manager, [id]);
      await this.events.record(manager, new DonationsCancelled([id]));
      return manager.getRepository(Donation).findOneByOrFail({ id });
    });
  }

  async list(
    ctx: RequestContext,
    filter: { status?: DonationStatus | null; donorId?: string | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Donation>> {
    const limit = pageSize(first);
    const qb = this.tx.manager(ctx).getRepository(Donation).createQueryBuilder('d');
    ReadScope.apply(ctx, qb, 'Donation', 'd');
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.donorId) qb.andWhere('d.donor_id = :donorId', { donorId: filter.donorId });
    const total = await qb.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      qb.andWhere('(d.created_at, d.id) < (:ca, :cid)', { ca: cursor.createdAt, cid: cursor.id });
    }
    const rows = await qb
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, total);
  }

  async find(ctx: RequestContext, id: string): Promise<Donation | null> {
    const qb = this.tx.manager(ctx).getRepository(Donation).createQueryBuilder('d').where('d.id = :id', { id });
    return ReadScope.apply(ctx, qb, 'Donation', 'd').getOne();
  }

  lines(ctx: RequestContext, donationId: string): Promise<DonationLine[]> {
    return requestLoader<string, DonationLine[]>(ctx, 'donation-lines', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(DonationLine)
          .find({ where: { donationId: In([...ids]) }, order: { position: 'ASC' } }),
        (l) => l.donationId,
      ),
    ).load(donationId);
  }

  unroutedQuantity(ctx: RequestContext, donationId: string): Promise<number> {
    return requestLoader<string, number>(ctx, 'donation-unrouted', async (ids) => {
      const rows = await this.ledger.unrouted(this.tx.manager(ctx), ids);
      return ids.map((id) => rows.filter((r) => r.donationId === id).reduce((s, r) => s + r.quantity, 0));
    }).load(donationId);
  }

  /** Lot.donation: null when the caller may not read that donation, by the rule of the root query. */
  load(ctx: RequestContext, id: string): Promise<Donation | null> {
    return requestLoader<string, Donation | null>(ctx, 'donation', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Donation)
        .createQueryBuilder('d')
        .where('d.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Donation', 'd').getMany(), (d) => d.id);
    }).load(id);
  }

  /** The donor a declaration is for: the caller's own organization, or one a coordinator names. */
  private async donorFor(ctx: RequestContext, manager: EntityManager, donorId: string | null): Promise<Organization> {
    const caller = ctx.user;
    if (caller.role === Role.DONOR) {
      if (donorId) ActAccess.assert(ctx, 'Organization', 'declareDonationFor', { id: donorId });
      return manager.getRepository(Organization).findOneByOrFail({ id: caller.organizationId! });
    }
    if (!donorId) throw new BadInputError('donorId is required when a coordinator declares', { field: 'donorId' });
    const donor = await manager.getRepository(Organization).findOne({ where: { id: donorId } });
    if (!donor) throw new NotFoundError('Organization', donorId);
    ActAccess.assert(ctx, 'Organization', 'declareDonationFor', donor);
    if (donor.kind !== OrganizationKind.DONOR) throw new BadInputError('donorId must be a donor organization', { field: 'donorId' });
    return donor;
  }
}
