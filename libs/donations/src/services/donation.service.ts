import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  Address,
  AddressResolver,
  APP_CONFIG,
  AppConfig,
  BadInputError,
  byKey,
  ConflictError,
  Connection,
  decodeCursor,
  DeviceCategory,
  ErrorReason,
  groupedByKey,
  NotFoundError,
  pageSize,
  RequestContext,
  requestLoader,
  Role,
  toConnection,
} from '@app/common';
import { preparedQuery, TransactionEvents, TransactionRunner } from '@app/database';
import { OutboxService } from '@app/jobs';
import { ActAccess, ReadScope } from '@app/auth';
import { LoadChange, Organization, OrganizationKind, RefurbisherLoad, refuseIfDeactivated } from '@app/network';
import { EntityManager, In } from 'typeorm';
import { readDeclaredInventory } from '../inventory/declared-inventory';
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
import { ExpectedDeviceService } from './expected-device.service';
import { lockRegionRouting } from './region-routing.lock';
import { entityFromReturnedRow, positional } from './returned-row';

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

/** Lines of one declaration: a larger site is declared as several donations. */
const MAX_LINES = 5000;

@Injectable()
export class DonationService {
  /** The declaration's statement per rule of the donor: a text of the code, never of a request. */
  private readonly declarationStatements = new Map<string, { sql: string; names: string[] }>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DonationLedger,
    private readonly expectedDevices: ExpectedDeviceService,
    private readonly loads: RefurbisherLoad,
    private readonly outbox: OutboxService,
    private readonly events: TransactionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly addresses: AddressResolver,
  ) {}

  async declare(ctx: RequestContext, input: DeclareDonationInput): Promise<Donation> {
    const inventory = await readDeclaredInventory(input);
    const lines = [...(input.lines ?? []), ...inventory.rows].map((l) => ({
      category: l.category,
      quantity: l.quantity,
      brand: l.brand?.trim() || null,
      model: l.model?.trim() || null,
      year: l.year ?? null,
      dataBearing: l.dataBearing ?? DATA_BEARING_BY_DEFAULT.has(l.category),
    }));
    if (!lines.length) {
      throw new BadInputError('A donation needs at least one line: give lines, inventoryCsv or inventoryFile', { field: 'lines' }, ErrorReason.INVENTORY_EMPTY);
    }
    if (lines.length > MAX_LINES) {
      throw new BadInputError(
        `A donation has at most ${MAX_LINES} lines: split it into several donations`,
        { field: 'lines', max: MAX_LINES, given: lines.length },
        ErrorReason.LIST_TOO_LONG,
      );
    }
    // placed before the transaction: the street geocoder may take a network round trip
    const pickupAddress = await this.addresses.resolve(input.pickupAddress);

    const caller = ctx.user;
    const donorId = input.donorId ?? null;
    if (caller.role === Role.DONOR) {
      if (donorId) ActAccess.assert(ctx, 'Organization', 'declareDonationFor', { id: donorId });
    } else if (!donorId) {
      throw new BadInputError('donorId is required when a coordinator declares: choose the donor', { field: 'donorId' }, ErrorReason.ORGANIZATION_REQUIRED);
    }

    const { donation, lineIds } = await this.tx.run(ctx, async (_, manager) => {
      const written = await this.insertDeclaration(ctx, manager, donorId, pickupAddress, input.availableFrom, lines);
      if (!written) {
        // nothing written: the donor is missing, not the caller's to name, or not a donor; say which, as before
        await this.donorFor(ctx, manager, donorId);
        throw new ConflictError('The donor changed meanwhile; try again', { field: 'donorId' }, ErrorReason.CONCURRENT_CHANGE);
      }
      await this.expectedDevices.record(manager, written.donation.id, inventory.devices);
      await this.events.record(manager, new DonationsDeclared([written.donation.id]));
      await this.outbox.enqueue(manager, routeRegionRequest(written.donation.regionId, this.config.routingDebounceMs));
      return written;
    });
    // the answer's lines, quantity and unrouted quantity are what was just written: no read after the commit
    const declared = lines.map((l, position) => Object.assign(new DonationLine(), { ...l, id: lineIds[position], donationId: donation.id, position }));
    this.linesLoader(ctx).prime(donation.id, declared);
    this.unroutedLoader(ctx).prime(
      donation.id,
      declared.reduce((s, l) => s + l.quantity, 0),
    );
    return donation;
  }

  /**
   * The declaration's statement for a rule of the donor (one per caller role), with `:named`
   * parameters made positional once: the text is built, rewritten and hashed (for its prepared
   * name) once per process, not on every declaration. The names come back in the order of the
   * placeholders, since each stands for itself here (`names`: those of the values, the same for a
   * given rule).
   */
  private declarationStatement(manager: EntityManager, donorWhere: string, names: readonly string[]): { sql: string; names: string[] } {
    let statement = this.declarationStatements.get(donorWhere);
    if (!statement) {
      const [sql, ordered] = positional(
        manager,
        `WITH donor AS (
         SELECT o.id, o.region_id FROM organization o WHERE ${donorWhere} AND o.deactivated_at IS NULL
       ), donation_row AS (
         INSERT INTO donation (reference, donor_id, region_id, status, available_from, cancelled_at, pickup_address_street,
                               pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon)
         SELECT 'DON-' || extract(year FROM now() AT TIME ZONE 'UTC')::int || '-' || lpad(r.n::text, greatest(6, length(r.n::text)), '0'),
                donor.id, donor.region_id, :status, :availableFrom, NULL, :street, :postalCode, :city, :lat, :lon
           FROM donor, LATERAL (SELECT nextval('donation_reference_seq') AS n) r
         RETURNING *
       ), line_rows AS (
         INSERT INTO donation_line (donation_id, position, category, quantity, brand, model, year, data_bearing)
         SELECT d.id, l.position - 1, l.category, l.quantity, l.brand, l.model, l.year, l.data_bearing
           FROM donation_row d,
                unnest(CAST(:categories AS device_category[]), CAST(:quantities AS int[]), CAST(:brands AS varchar[]),
                       CAST(:models AS varchar[]), CAST(:years AS int[]), CAST(:dataBearing AS boolean[]))
                  WITH ORDINALITY AS l(category, quantity, brand, model, year, data_bearing, position)
         RETURNING id, position
       )
       SELECT d.*, ARRAY(SELECT id FROM line_rows ORDER BY position) AS line_ids FROM donation_row d`,
        Object.fromEntries(names.map((name) => [name, name])),
      );
      statement = { sql, names: ordered as string[] };
      this.declarationStatements.set(donorWhere, statement);
    }
    return statement;
  }

  /**
   * The donation and its lines in one statement: the donor is read under the rule of the caller
   * (its own organization for a donor; a donor organization the caller may declare for
   * otherwise), and nothing is written, nor any reference taken, when it does not qualify.
   */
  private async insertDeclaration(
    ctx: RequestContext,
    manager: EntityManager,
    donorId: string | null,
    pickupAddress: Address,
    availableFrom: Date,
    lines: Array<Pick<DonationLine, 'category' | 'quantity' | 'brand' | 'model' | 'year' | 'dataBearing'>>,
  ): Promise<{ donation: Donation; lineIds: string[] } | null> {
    const caller = ctx.user;
    const allowed = ActAccess.where(ctx, 'Organization', 'declareDonationFor', 'o');
    const donorWhere = caller.role === Role.DONOR ? 'o.id = :donorId' : `o.id = :donorId AND o.kind = :donorKind AND ${allowed.sql}`;
    const values: Record<string, unknown> = {
      ...allowed.params,
      donorId: caller.role === Role.DONOR ? caller.organizationId : donorId,
      donorKind: OrganizationKind.DONOR,
      status: DonationStatus.DECLARED,
      availableFrom,
      street: pickupAddress.street,
      postalCode: pickupAddress.postalCode,
      city: pickupAddress.city,
      lat: pickupAddress.location.lat,
      lon: pickupAddress.location.lon,
      categories: lines.map((l) => l.category),
      quantities: lines.map((l) => l.quantity),
      brands: lines.map((l) => l.brand),
      models: lines.map((l) => l.model),
      years: lines.map((l) => l.year),
      dataBearing: lines.map((l) => l.dataBearing),
    };
    const statement = this.declarationStatement(manager, donorWhere, Object.keys(values));
    const params = statement.names.map((name) => values[name]);
    // one text per caller role: kept, and prepared (the planning of this statement was most of its cost)
    const [row] = await preparedQuery<Record<string, unknown> & { line_ids: string[] }>(manager, statement.sql, params);
    if (!row) return null;
    return { donation: entityFromReturnedRow(manager, Donation, row), lineIds: row.line_ids };
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
      if (donation.status === DonationStatus.CANCELLED || donation.cancelledAt) {
        throw new ConflictError(
          'Donation: CANCELLED is final: there is nothing left to cancel',
          { entity: 'Donation', state: DonationStatus.CANCELLED, donationId: id },
          ErrorReason.FINAL_STATE,
        );
      }
      const lots = await manager.getRepository(Lot).find({ where: { donationId: id }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const late = lots.find((l) => [LotStatus.COLLECTED, LotStatus.RECEIVED, LotStatus.CLOSED].includes(l.status));
      if (late) {
        throw new ConflictError(
          `Donation ${donation.reference} is already collected (lot ${late.reference}): it can no longer be cancelled`,
          { donationId: id, lotId: late.id },
          ErrorReason.DONATION_ALREADY_COLLECTED,
        );
      }
      const withdrawn = lots.filter((l) => WITHDRAWABLE.includes(l.status));
      const loadChanges: LoadChange[] = [];
      for (const lot of withdrawn) {
        await manager.update(Lot, { id: lot.id }, { status: LotStatus.CANCELLED, version: lot.version + 1 });
        const items = await manager.getRepository(LotItem).find({ where: { lotId: lot.id } });
        loadChanges.push(...items.map((i) => ({ refurbisherId: lot.refurbisherId, category: i.category, quantity: -i.quantity })));
      }
      // logistics cancels their pickups here, before the load counters: same transaction, so nobody is sent to collect
      const withdrawnIds = withdrawn.map((l) => l.id);
      await this.events.record(manager, new LotsWithdrawn(withdrawnIds, ctx.user));
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
    return this.linesLoader(ctx).load(donationId);
  }

  unroutedQuantity(ctx: RequestContext, donationId: string): Promise<number> {
    return this.unroutedLoader(ctx).load(donationId);
  }

  private linesLoader(ctx: RequestContext): DataLoader<string, DonationLine[]> {
    return requestLoader<string, DonationLine[]>(ctx, 'donation-lines', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(DonationLine)
          .find({ where: { donationId: In([...ids]) }, order: { position: 'ASC' } }),
        (l) => l.donationId,
      ),
    );
  }

  private unroutedLoader(ctx: RequestContext): DataLoader<string, number> {
    return requestLoader<string, number>(ctx, 'donation-unrouted', async (ids) => {
      const rows = await this.ledger.unrouted(this.tx.manager(ctx), ids);
      return ids.map((id) => rows.filter((r) => r.donationId === id).reduce((s, r) => s + r.quantity, 0));
    });
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
      const own = await manager.getRepository(Organization).findOneByOrFail({ id: caller.organizationId! });
      refuseIfDeactivated(own, 'declare donations');
      return own;
    }
    if (!donorId)
      throw new BadInputError('donorId is required when a coordinator declares: choose the donor', { field: 'donorId' }, ErrorReason.ORGANIZATION_REQUIRED);
    const donor = await manager.getRepository(Organization).findOne({ where: { id: donorId } });
    if (!donor) throw new NotFoundError('Organization', donorId);
    ActAccess.assert(ctx, 'Organization', 'declareDonationFor', donor);
    if (donor.kind !== OrganizationKind.DONOR) {
      throw new BadInputError(
        'donorId must be a donor organization: choose a donor',
        { field: 'donorId', expected: OrganizationKind.DONOR },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
    refuseIfDeactivated(donor, 'declare donations');
    return donor;
  }
}
