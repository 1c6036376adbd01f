import { Injectable } from '@nestjs/common';
import { ConflictError, DeviceCategory, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess, ActAction } from '@app/auth';
import { DonationLedger, LotTransitions } from '@app/donations';
import { TransactionEvents } from '@app/database';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CustodyEvent } from '../entities/custody-event.entity';
import { DEVICE_ACTIONS, DeviceAction, StatusChangingAction } from '../entities/device-action';
import { DEVICE_MACHINE, DeviceStatus, ERASURE_REQUIRED_FOR, isProcessed } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { Grade } from '../entities/grade';
import { DeviceStatusesChanged } from '../events/device-statuses-changed.event';
import { stockEffectOf } from '../policies/stock-effect';
import { actorUserIdOf } from './actor';
import { chunks } from './chunks';
import { StockChange, StockLedger } from './stock-ledger.service';

/** One device's change: the locked row as read, what is done to it, and what the chain of custody adds. */
export interface DeviceChange {
  device: Device;
  action: StatusChangingAction;
  detail?: string | null;
  /** columns written with the status */
  set?: Partial<
    Pick<
      Device,
      | 'grade'
      | 'specs'
      | 'recycleReason'
      | 'location'
      | 'needsStorage'
      | 'batteryHealthPercent'
      | 'webcamWorks'
      | 'microphoneWorks'
      | 'checklist'
      | 'refurbisherId'
    >
  >;
  /** where the action offers several statuses (DEVICE_ACTIONS alsoTo): the one this change goes to */
  to?: DeviceStatus;
}

/** A custody event that is not a change of status (a failed erasure, an intake). */
export interface CustodyNote {
  deviceId: string;
  action: DeviceAction;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus | null;
  detail?: string | null;
}

/**
 * Every change of a device goes through here, in the caller's transaction: the state machine,
 * the erasure rule, the status update, one custody event per device, the stock counters and
 * their ledger, and the closing of lots whose last device got processed. Use cases lock the
 * devices first (`lock`), so the status they checked is the status they change.
 */
@Injectable()
export class DeviceLedger {
  constructor(
    private readonly stock: StockLedger,
    private readonly donations: DonationLedger,
    private readonly lots: LotTransitions,
    private readonly events: TransactionEvents,
  ) {}

  /** Locks these devices in id order (two commands on overlapping sets cannot deadlock). */
  async lock(manager: EntityManager, ids: readonly string[]): Promise<Device[]> {
    const unique = [...new Set(ids)].sort();
    if (!unique.length) return [];
    const devices = await manager
      .getRepository(Device)
      .createQueryBuilder('d')
      .where('d.id IN (:...ids)', { ids: unique })
      .orderBy('d.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    const missing = unique.find((id) => !devices.some((d) => d.id === id));
    if (missing) throw new NotFoundError('Device', missing);
    return devices;
  }

  /** The device, locked, when the caller may do this to it (ACT_RULES.Device: its holder); NOT_FOUND otherwise (ids are not probed). */
  async lockHeld(ctx: RequestContext, manager: EntityManager, id: string, action: ActAction<'Device'>): Promise<Device> {
    const device = await manager.getRepository(Device).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!device) throw new NotFoundError('Device', id);
    ActAccess.assert(ctx, 'Device', action, device, 'Device');
    return device;
  }

  /**
   * The device as it is now, unlocked, when the caller may do this to it; NOT_FOUND otherwise.
   * For commands that must let the reservations' owner lock first (ReservationsWithdrawn).
   */
  async readHeld(ctx: RequestContext, manager: EntityManager, id: string, action: ActAction<'Device'>): Promise<Device> {
    const device = await manager.getRepository(Device).findOne({ where: { id } });
    if (!device) throw new NotFoundError('Device', id);
    ActAccess.assert(ctx, 'Device', action, device, 'Device');
    return device;
  }

  async apply(ctx: RequestContext, manager: EntityManager, changes: readonly DeviceChange[]): Promise<void> {
    if (!changes.length) return;
    const targets = changes.map((c) => ({ ...c, to: this.assertAllowed(c) }));
    await this.assertErased(manager, targets);

    // a device declared MISSING keeps the status it had, to go back there if it turns up
    const plain = targets.filter((c) => !c.set);
    for (const to of new Set(plain.map((c) => c.to))) {
      const ids = plain.filter((c) => c.to === to).map((c) => c.device.id);
      await manager.query(
        `UPDATE device SET status_before_missing = CASE WHEN $1::device_status = 'MISSING' THEN status END, status = $1::device_status, version = version + 1, updated_at = now()
          WHERE id = ANY($2::uuid[])`,
        [to, ids],
      );
    }
    for (const c of targets.filter((x) => x.set)) {
      const before = c.to === DeviceStatus.MISSING ? c.device.status : null;
      // the checklist is jsonb: TypeORM's deep-partial type cannot see through Record<string, unknown>
      const columns = { ...c.set, status: c.to, statusBeforeMissing: before, version: c.device.version + 1 } as QueryDeepPartialEntity<Device>;
      await manager.update(Device, { id: c.device.id }, columns);
    }

    const eventIds = await this.note(
      ctx,
      manager,
      targets.map((c) => ({ deviceId: c.device.id, action: c.action, fromStatus: c.device.status, toStatus: c.to, detail: c.detail ?? null })),
    );
    await this.stock.apply(ctx, manager, this.stockChanges(targets));
    await this.closeFinishedLots(manager, targets);
    // recorded last, so subscribers read the change complete (the region's dashboard counters: every command takes stock rows before them)
    await this.events.record(
      manager,
      new DeviceStatusesChanged(targets.map((c, i) => ({ custodyEventId: eventIds[i]!, deviceId: c.device.id, from: c.device.status, to: c.to }))),
    );
  }

  /**
   * The same change for many devices, set-based: a handful of statements whatever their number.
   * Of these devices, those still in one of `from` (and held by `heldBy` when given) are locked in
   * id order and moved, their custody events and stock movements written by INSERT … SELECT from
   * the UPDATE's RETURNING (in the same statement, so each event's id is drawn after its device's
   * lock, as `apply` does), then the counters move once per (refurbisher, category, grade) in key
   * order, lots whose last device got processed close, and DeviceStatusesChanged is recorded last.
   * The others are left alone (a device that left those statuses meanwhile is not this change's).
   * Returns the devices moved, in id order, with the status each left.
   */
  async applyMany(
    ctx: RequestContext,
    manager: EntityManager,
    deviceIds: readonly string[],
    change: { action: StatusChangingAction; from: readonly DeviceStatus[]; heldBy?: string; detail?: string | null },
  ): Promise<Array<{ deviceId: string; from: DeviceStatus }>> {
    const { to, from: actionFrom } = DEVICE_ACTIONS[change.action];
    // the same rules as `apply`, decided once per starting status instead of once per device
    const from = [...new Set(change.from)].sort();
    const refused = from.find((f) => !DEVICE_MACHINE.canTransition(f, to) || (actionFrom && !actionFrom.includes(f)));
    if (refused) throw new Error(`${change.action} cannot move a device from ${refused} to ${to}`);
    // the erasure check reads each device's records: `apply` does it, this batch does not
    if (ERASURE_REQUIRED_FOR.has(to)) throw new Error(`A batch cannot move devices to ${to}: use apply (erasure records)`);
    const ids = [...new Set(deviceIds)].sort();
    if (!ids.length || !from.length) return [];

    const effects = from.map((f) => ({ from: f, effect: stockEffectOf(f, to) })).filter((e) => e.effect !== null);
    const caller = ctx.user;
    const actorUserId = actorUserIdOf(ctx);
    const moved: Array<{
      id: string;
      from_status: DeviceStatus;
      refurbisher_id: string;
      region_id: string;
      category: DeviceCategory;
      grade: Grade | null;
      lot_id: string;
      event_id: string;
    }> = [];
    for (const slice of chunks(ids, 10_000)) {
      const rows = await manager.query(
        `WITH locked AS (
           SELECT id, status, refurbisher_id, region_id, category, grade, lot_id FROM device
            WHERE id = ANY($1::uuid[]) AND status = ANY($2::device_status[]) AND ($3::uuid IS NULL OR refurbisher_id = $3)
            ORDER BY id FOR UPDATE
         ), moved AS (
           UPDATE device d SET status = $4::device_status, status_before_missing = CASE WHEN $4::device_status = 'MISSING' THEN l.status END, version = d.version + 1, updated_at = now()
             FROM locked l WHERE d.id = l.id
           RETURNING d.id, l.status AS from_status, l.refurbisher_id, l.region_id, l.category, l.grade, l.lot_id
         ), events AS (
           INSERT INTO custody_event (device_id, action, from_status, to_status, actor, actor_user_id, organization_id, detail)
           SELECT m.id, $5, m.from_status, $4, $6, $7, $8, $9 FROM moved m ORDER BY m.id
           RETURNING id, device_id
         ), movements AS (
           INSERT INTO stock_movement (device_id, refurbisher_id, region_id, category, grade, kind, available_delta, reserved_delta, actor_user_id)
           SELECT m.id, m.refurbisher_id, m.region_id, m.category, m.grade, e.kind, e.available, e.reserved, $7
             FROM moved m JOIN unnest($10::device_status[], $11::varchar[], $12::int[], $13::int[]) AS e(from_status, kind, available, reserved)
               ON e.from_status = m.from_status
            ORDER BY m.id
         )
         SELECT m.*, e.id AS event_id FROM moved m JOIN events e ON e.device_id = m.id ORDER BY m.id`,
        [
          slice,
          from,
          change.heldBy ?? null,
          to,
          change.action,
          caller.email,
          actorUserId,
          caller.organizationId,
          change.detail?.slice(0, 500) ?? null,
          effects.map((e) => e.from),
          effects.map((e) => e.effect!.kind),
          effects.map((e) => e.effect!.available),
          effects.map((e) => e.effect!.reserved),
        ],
      );
      moved.push(...rows);
    }
    if (!moved.length) return [];

    const counters: Array<Omit<StockChange, 'deviceId'>> = [];
    for (const m of moved) {
      const effect = stockEffectOf(m.from_status, to);
      if (!effect) continue;
      // the stock_movement insert above refused it already (grade NOT NULL); said plainly here
      if (!m.grade) throw new Error(`Device ${m.id} moves stock without a grade`);
      counters.push({ refurbisherId: m.refurbisher_id, regionId: m.region_id, category: m.category, grade: m.grade, effect });
    }
    await this.stock.moveCounters(manager, counters);
    const finished = new Map<string, number>();
    for (const m of moved) if (!isProcessed(m.from_status) && isProcessed(to)) finished.set(m.lot_id, (finished.get(m.lot_id) ?? 0) + 1);
    await this.closeLots(manager, finished);
    await this.events.record(
      manager,
      new DeviceStatusesChanged(moved.map((m) => ({ custodyEventId: String(m.event_id), deviceId: m.id, from: m.from_status, to }))),
    );
    return moved.map((m) => ({ deviceId: m.id, from: m.from_status }));
  }

  /** The device machine first (a final status says so), then the statuses this action starts from. */
  private assertAllowed(c: DeviceChange): DeviceStatus {
    const { to: usual, from, alsoTo } = DEVICE_ACTIONS[c.action];
    if (c.to && c.to !== usual && !alsoTo?.includes(c.to)) throw new Error(`${c.action} does not lead to ${c.to}`);
    const to = c.to ?? usual;
    // the machine's own reason (a final status, a transition it has not) travels with the device's details
    const refuse = (message: string, reason: ErrorReason = ErrorReason.TRANSITION_NOT_ALLOWED, state?: unknown) =>
      new ConflictError(
        `Device ${c.device.serialNumber}: ${message}`,
        { deviceId: c.device.id, from: c.device.status, to, entity: 'Device', ...(state ? { state } : {}) },
        reason,
      );
    try {
      DEVICE_MACHINE.assertTransition(c.device.status, to);
    } catch (error) {
      if (error instanceof ConflictError) throw refuse(error.message, error.reason, error.details?.state);
      throw error;
    }
    if (from && !from.includes(c.device.status)) throw refuse(`${c.action} applies to a device ${from.join(' or ')}, not ${c.device.status}`);
    return to;
  }

  /** Appends custody events: the only way anything is written to custody_event. Returns their ids, in order. */
  async note(ctx: RequestContext, manager: EntityManager, notes: readonly CustodyNote[]): Promise<string[]> {
    const caller = ctx.user;
    const actorUserId = actorUserIdOf(ctx);
    const ids: string[] = [];
    for (const slice of chunks(notes)) {
      const result = await manager.getRepository(CustodyEvent).insert(
        slice.map((n) => ({
          deviceId: n.deviceId,
          action: n.action,
          fromStatus: n.fromStatus,
          toStatus: n.toStatus,
          actor: caller.email,
          actorUserId,
          organizationId: caller.organizationId,
          detail: n.detail?.slice(0, 500) ?? null,
        })),
      );
      ids.push(...result.identifiers.map((row) => String(row.id)));
    }
    return ids;
  }

  /**
   * A data-bearing device reaches IN_STOCK or RECYCLED only with a verified erasure record, and
   * only when its latest attempt is verified: a device sent back to the workshop and failed at
   * its new erasure stays blocked until an attempt succeeds.
   */
  private async assertErased(manager: EntityManager, changes: ReadonlyArray<DeviceChange & { to: DeviceStatus }>): Promise<void> {
    const guarded = changes.filter((c) => c.device.dataBearing && ERASURE_REQUIRED_FOR.has(c.to));
    if (!guarded.length) return;
    const rows: Array<{ device_id: string }> = await manager.query(
      `SELECT device_id FROM (
         SELECT DISTINCT ON (device_id) device_id, verified FROM erasure_record WHERE device_id = ANY($1::uuid[])
          ORDER BY device_id, performed_at DESC, id DESC
       ) latest WHERE verified`,
      [guarded.map((c) => c.device.id)],
    );
    const erased = new Set(rows.map((r) => r.device_id));
    const unerased = guarded.find((c) => !erased.has(c.device.id));
    if (unerased) {
      throw new ConflictError(
        `Device ${unerased.device.serialNumber} holds data: record a verified erasure before ${unerased.to}`,
        {
          deviceId: unerased.device.id,
          to: unerased.to,
          status: unerased.device.status,
        },
        ErrorReason.ERASURE_REQUIRED,
      );
    }
  }

  private stockChanges(changes: ReadonlyArray<DeviceChange & { to: DeviceStatus }>): StockChange[] {
    const out: StockChange[] = [];
    for (const c of changes) {
      const effect = stockEffectOf(c.device.status, c.to);
      if (!effect) continue;
      const grade = c.set?.grade ?? c.device.grade;
      if (!grade) throw new Error(`Device ${c.device.id} moves stock without a grade`);
      out.push({ deviceId: c.device.id, refurbisherId: c.device.refurbisherId, regionId: c.device.regionId, category: c.device.category, grade, effect });
    }
    return out;
  }

  /**
   * Counts down the lots' open devices; the change that takes a lot to zero closes it and
   * re-derives its donation's status. The counter's UPDATE takes the row lock, so of two
   * devices of one lot finished at once exactly one sees zero. A device sent back to the workshop
   * counts as open again (the counter stays the number of open devices), but its lot stays
   * closed: rework is not intake.
   */
  private async closeFinishedLots(manager: EntityManager, changes: ReadonlyArray<DeviceChange & { to: DeviceStatus }>): Promise<void> {
    const finished = new Map<string, number>();
    for (const c of changes) {
      const step = !isProcessed(c.device.status) && isProcessed(c.to) ? 1 : isProcessed(c.device.status) && !isProcessed(c.to) ? -1 : 0;
      if (step) finished.set(c.device.lotId, (finished.get(c.device.lotId) ?? 0) + step);
    }
    await this.closeLots(manager, finished);
  }

  /** Counts down these lots' open devices by so many each (negative: devices reopened), in lot id order. */
  private async closeLots(manager: EntityManager, finished: ReadonlyMap<string, number>): Promise<void> {
    const donationIds: string[] = [];
    for (const lotId of [...finished.keys()].sort()) {
      if (!finished.get(lotId)) continue;
      const [rows]: [Array<{ open_quantity: number; donation_id: string; lot_status: string }>, number] = await manager.query(
        `UPDATE lot_intake i SET open_quantity = open_quantity - $2 FROM lot l WHERE i.lot_id = $1 AND l.id = i.lot_id
         RETURNING i.open_quantity, i.donation_id, l.status AS lot_status`,
        [lotId, finished.get(lotId)],
      );
      const row = rows[0];
      if (!row) throw new Error(`Lot ${lotId} has devices but no intake`);
      if (row.open_quantity > 0 || row.lot_status === 'CLOSED') continue;
      await this.lots.close(manager, lotId);
      donationIds.push(row.donation_id);
    }
    await this.donations.refreshStatuses(manager, donationIds);
  }
}
