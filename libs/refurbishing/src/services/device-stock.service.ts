import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { In } from 'typeorm';
import { DeviceAction, StatusChangingAction } from '../entities/device-action';
import { Device } from '../entities/device.entity';
import { DeviceStatus } from '../entities/device-status';
import { DeviceLedger } from './device-ledger.service';

/**
 * The stock moves other issues make: matching reserves and releases (#6), shipping and delivery
 * follow orders (#6), reconciliation declares devices missing (#7). Each call locks its devices,
 * checks every change against the device machine (all or nothing: CONFLICT if one cannot move),
 * writes the custody events and moves the counters, in the caller's transaction when one is open
 * (`ctx.withManager`). It does not authorize: callers decide who may reserve or ship what.
 */
@Injectable()
export class DeviceStockService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  /** IN_STOCK -> RESERVED. A device reserved already is CONFLICT: never reserved twice. */
  reserve(ctx: RequestContext, deviceIds: readonly string[], detail?: string): Promise<Device[]> {
    return this.move(ctx, deviceIds, DeviceAction.RESERVED, detail);
  }

  /**
   * IN_STOCK -> RESERVED for those of these devices still IN_STOCK once their row lock is granted
   * (the others are left alone, never reserved twice), set-based: matching reserves thousands at
   * once. Returns the ids reserved, in id order.
   */
  reserveInStock(ctx: RequestContext, deviceIds: readonly string[], detail?: string): Promise<string[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const moved = await this.ledger.applyMany(ctx, manager, deviceIds, {
        action: DeviceAction.RESERVED,
        from: [DeviceStatus.IN_STOCK],
        detail: detail ?? null,
      });
      return moved.map((m) => m.deviceId);
    });
  }

  /** RESERVED -> IN_STOCK: an order cancelled, a stale reservation released. */
  unreserve(ctx: RequestContext, deviceIds: readonly string[], reason?: string): Promise<Device[]> {
    return this.move(ctx, deviceIds, DeviceAction.UNRESERVED, reason);
  }

  /** RESERVED -> SHIPPED. */
  ship(ctx: RequestContext, deviceIds: readonly string[], detail?: string): Promise<Device[]> {
    return this.move(ctx, deviceIds, DeviceAction.SHIPPED, detail);
  }

  /** SHIPPED -> DELIVERED (no stock effect: shipped devices left the counters already). */
  deliver(ctx: RequestContext, deviceIds: readonly string[], detail?: string): Promise<Device[]> {
    return this.move(ctx, deviceIds, DeviceAction.DELIVERED, detail);
  }

  /** IN_STOCK|RESERVED -> MISSING: not found on the shelves by a stock count. */
  markMissing(ctx: RequestContext, deviceIds: readonly string[], reason?: string): Promise<Device[]> {
    return this.move(ctx, deviceIds, DeviceAction.MISSING, reason);
  }

  private move(ctx: RequestContext, deviceIds: readonly string[], action: StatusChangingAction, detail?: string): Promise<Device[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const devices = await this.ledger.lock(manager, deviceIds);
      await this.ledger.apply(
        ctx,
        manager,
        devices.map((device) => ({ device, action, detail: detail ?? null })),
      );
      return manager.getRepository(Device).find({ where: { id: In(devices.map((d) => d.id)) }, order: { id: 'ASC' } });
    });
  }
}
