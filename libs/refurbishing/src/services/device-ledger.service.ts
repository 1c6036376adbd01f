import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { DonationLedger, LotTransitions } from '@app/donations';
import { TransactionEvents } from '@app/database';
import { EntityManager } from 'typeorm';
import { CustodyEvent } from '../entities/custody-event.entity';
import { DEVICE_ACTIONS, DeviceAction, StatusChangingAction } from '../entities/device-action';
import { DEVICE_MACHINE, DeviceStatus, ERASURE_REQUIRED_FOR, isProcessed } from '../entities/device-status';
import { Device } from '../entities/device.entity';
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
  set?: Partial<Pick<Device, 'grade' | 'specs' | 'recycleReason'>>;
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
  async lockHeld(ctx: RequestContext, manager: EntityManager, id: string, action: 'erase' | 'grade' | 'recycle'): Promise<Device> {
    const device = await manager.getRepository(Device).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!device) throw new NotFoundError('Device', id);
    ActAccess.assert(ctx, 'Device', action, device, 'Device');
    return device;
  }

  async apply(ctx: RequestContext, manager: EntityManager, changes: readonly DeviceChange[]): Promise<void> {
    if (!changes.length) return;
    const targets = changes.map((c) => ({ ...c, to: this.assertAllowed(c) }));
    await this.assertErased(manager, targets);

    const plain = targets.filter((c) => !c.set);
    for (const to of new Set(plain.map((c) => c.to))) {
      const ids = plain.filter((c) => c.to === to).map((c) => c.device.id);
      await manager.query(`UPDATE device SET status = $1, version = version + 1, updated_at = now() WHERE id = ANY($2::uuid[])`, [to, ids]);
    }
    for (const c of targets.filter((x) => x.set)) {
      await manager.update(Device, { id: c.device.id }, { ...c.set, status: c.to, version: c.device.version + 1 });
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

  /** The device machine first (a final status says so), then the statuses this action starts from. */
  private assertAllowed(c: DeviceChange): DeviceStatus {
    const { to, from } = DEVICE_ACTIONS[c.action];
    const refuse = (reason: string) => new ConflictError(`Device ${c.device.serialNumber}: ${reason}`, { deviceId: c.device.id, from: c.device.status, to });
    try {
      DEVICE_MACHINE.assertTransition(c.device.status, to);
    } catch (error) {
      if (error instanceof ConflictError) throw refuse(error.message);
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

  /** A data-bearing device reaches IN_STOCK or RECYCLED only with a verified erasure record. */
  private async assertErased(manager: EntityManager, changes: ReadonlyArray<DeviceChange & { to: DeviceStatus }>): Promise<void> {
    const guarded = changes.filter((c) => c.device.dataBearing && ERASURE_REQUIRED_FOR.has(c.to));
    if (!guarded.length) return;
    const rows: Array<{ device_id: string }> = await manager.query(
      `SELECT DISTINCT device_id FROM erasure_record WHERE device_id = ANY($1::uuid[]) AND verified`,
      [guarded.map((c) => c.device.id)],
    );
    const erased = new Set(rows.map((r) => r.device_id));
    const unerased = guarded.find((c) => !erased.has(c.device.id));
    if (unerased) {
      throw new ConflictError(`Device ${unerased.device.serialNumber} holds data: it needs a verified erasure record before ${unerased.to}`, {
        deviceId: unerased.device.id,
        to: unerased.to,
      });
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
   * devices of one lot finished at once exactly one sees zero.
   */
  private async closeFinishedLots(manager: EntityManager, changes: ReadonlyArray<DeviceChange & { to: DeviceStatus }>): Promise<void> {
    const finished = new Map<string, number>();
    for (const c of changes) {
      if (!isProcessed(c.device.status) && isProcessed(c.to)) finished.set(c.device.lotId, (finished.get(c.device.lotId) ?? 0) + 1);
    }
    const donationIds: string[] = [];
    for (const lotId of [...finished.keys()].sort()) {
      const [rows]: [Array<{ open_quantity: number; donation_id: string }>, number] = await manager.query(
        `UPDATE lot_intake SET open_quantity = open_quantity - $2 WHERE lot_id = $1 RETURNING open_quantity, donation_id`,
        [lotId, finished.get(lotId)],
      );
      const row = rows[0];
      if (!row) throw new Error(`Lot ${lotId} has devices but no intake`);
      if (row.open_quantity > 0) continue;
      await this.lots.close(manager, lotId);
      donationIds.push(row.donation_id);
    }
    await this.donations.refreshStatuses(manager, donationIds);
  }
}
