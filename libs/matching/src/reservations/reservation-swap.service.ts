import { Inject, Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { GradeFloorService, gradeFloorFor, higherGrade, OrderLedger, OrderLine, OrderLineDevice, ORDERS_CONFIG, OrdersConfig } from '@app/orders';
import { Device } from '@app/refurbishing';
import { EntityManager, In } from 'typeorm';
import { deviceFitsLine, type MatchDevice, type MatchLine } from '../solver';
import { lockLiveReservations } from './live-reservation';

/**
 * The coordinator exchanges two reserved devices between their lines (the person on one line
 * needs what the other device has). Both must be reserved and unshipped, on different lines,
 * and each must fit the other's line by the rules matching uses (minimums, needs, the region's
 * grade floors); else BAD_USER_INPUT saying which does not fit and why. Both links end (SWAPPED)
 * and two new ones are made, with their custody events; the region is re-matched.
 */
@Injectable()
export class ReservationSwapService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly gradeFloors: GradeFloorService,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  swap(ctx: RequestContext, deviceId: string, otherDeviceId: string): Promise<Device[]> {
    return this.tx.run(ctx, async (inner, manager) => {
      const ids = [deviceId, otherDeviceId];
      const devices = await manager.getRepository(Device).find({ where: { id: In(ids) } });
      for (const id of ids) {
        const device = devices.find((d) => d.id === id);
        if (!device) throw new NotFoundError('Device', id);
        ActAccess.assert(ctx, 'Device', 'swapReservations', device, 'Device');
      }
      if (deviceId === otherDeviceId) throw new BadInputError('Name two different devices to swap', { deviceId, otherDeviceId }, ErrorReason.SAME_DEVICE);
      const [a, b] = await lockLiveReservations(this.ledger, manager, ids);
      if (a.orderLineId === b.orderLineId)
        throw new BadInputError(
          'Both devices are on the same order line: swapping them changes nothing; choose a device of another line',
          { deviceId, otherDeviceId },
          ErrorReason.SWAP_SAME_LINE,
        );
      const lines = await manager.getRepository(OrderLine).find({ where: { id: In([a.orderLineId, b.orderLineId]) } });
      const lineOf = (link: OrderLineDevice): OrderLine => lines.find((l) => l.id === link.orderLineId)!;
      const floors = await this.gradeFloors.floorsOf(manager, lineOf(a).regionId);
      const problems = [
        this.misfit(
          devices.find((d) => d.id === a.deviceId)!,
          lineOf(b),
          floors,
        ),
        this.misfit(
          devices.find((d) => d.id === b.deviceId)!,
          lineOf(a),
          floors,
        ),
      ].filter((p): p is string => p !== null);
      if (problems.length) throw new BadInputError(`${problems.join('; ')}: choose another device to swap`, { problems }, ErrorReason.SWAP_NOT_ELIGIBLE);

      await this.ledger.release(inner, manager, [a, b], 'SWAPPED', 'swapped with another reservation by the coordinator');
      await this.ledger.reserve(
        inner,
        manager,
        [
          { deviceId: a.deviceId, lineId: b.orderLineId, orderId: b.orderId, partnerId: b.partnerId },
          { deviceId: b.deviceId, lineId: a.orderLineId, orderId: a.orderId, partnerId: a.partnerId },
        ],
        'swapped with another reservation by the coordinator',
      );
      await this.ledger.refreshStatuses(manager, [a.orderId, b.orderId]);
      await this.enqueue(manager, lineOf(a).regionId);
      return manager.getRepository(Device).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    });
  }

  private async enqueue(manager: EntityManager, regionId: string): Promise<void> {
    await this.outbox.enqueue(manager, matchRegionRequest(regionId, this.config.matchingDebounceMs));
  }

  /** Why the device does not fit the line, in words, or null when it fits. */
  private misfit(device: Device, line: OrderLine, floors: ReadonlyMap<OrderLine['profile'], Device['grade']>): string | null {
    const minGrade = higherGrade(line.minGrade, gradeFloorFor(floors, line.profile));
    const d: MatchDevice = {
      id: device.id,
      category: device.category,
      ramGb: device.specs.ramGb,
      storageGb: device.specs.storageGb,
      ssd: device.specs.ssd,
      grade: device.grade ?? 'C',
      batteryHealthPercent: device.batteryHealthPercent,
      webcam: device.webcamWorks,
      microphone: device.microphoneWorks,
      osInstalled: !!device.specs.os?.trim(),
      lat: 0,
      lon: 0,
    };
    const l: MatchLine = {
      id: line.id,
      category: line.category,
      quantity: 1,
      minRamGb: line.minRamGb,
      minStorageGb: line.minStorageGb,
      requireSsd: line.requireSsd,
      minGrade,
      needsWebcam: line.needsWebcam,
      needsMicrophone: line.needsMicrophone,
      needsOs: line.needsOs,
      minBatteryHealthPercent: line.minBatteryHealthPercent,
      priority: 0,
      age: 0,
      lat: 0,
      lon: 0,
    };
    if (device.grade !== null && deviceFitsLine(d, l)) return null;
    const lacks: string[] = [];
    if (device.category !== line.category) lacks.push(`is a ${device.category}, the line asks for a ${line.category}`);
    if (!deviceFitsLine({ ...d, category: line.category }, l)) lacks.push(this.wants(line, minGrade));
    return `device ${device.id} does not fit line ${line.id} (${line.profile}): it ${lacks.join(' and ')}`;
  }

  private wants(line: OrderLine, minGrade: string | null): string {
    const asks = [
      line.minRamGb !== null && `${line.minRamGb} GB RAM`,
      line.minStorageGb !== null && `${line.minStorageGb} GB storage`,
      line.requireSsd && 'an SSD',
      minGrade && `grade ${minGrade} or better`,
      line.needsWebcam && 'a working webcam',
      line.needsMicrophone && 'a working microphone',
      line.needsOs && 'an installed OS',
      line.minBatteryHealthPercent !== null && `battery health of ${line.minBatteryHealthPercent} %`,
    ].filter(Boolean);
    return `misses what the line needs (${asks.join(', ')})`;
  }
}
