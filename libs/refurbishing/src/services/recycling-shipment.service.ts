import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { EntityManager } from 'typeorm';
import { DEFAULT_WASTE_CODE, RecordRecyclingDestinationInput, RecyclingDestinationInput } from '../dto/recycling-destination.inputs';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { RecyclingShipmentDevice } from '../entities/recycling-shipment-device.entity';
import { RecyclingShipment } from '../entities/recycling-shipment.entity';
import { actorUserIdOf } from './actor';
import { DeviceLedger } from './device-ledger.service';

/** What a load says besides its devices. */
export interface RecyclingLoad {
  destination: RecyclingDestinationInput;
  weightKg: number;
  transportDocument?: string | null;
  carrier?: string | null;
  wasteCode?: string | null;
  shippedAt?: Date | null;
}

/**
 * Recycled devices leave in loads, each a line of the refurbisher's register of outgoing waste
 * (RecyclingShipment). A load is recorded with the recycling itself (recycleDevice with a
 * destination) or afterwards for devices recycled without one, in a batch when the
 * eco-organisation collects (recordRecyclingDestination). A device leaves in one load only.
 */
@Injectable()
export class RecyclingShipmentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  /** recordRecyclingDestination: the devices must be RECYCLED, held by the caller, and in no load yet. */
  record(ctx: RequestContext, input: RecordRecyclingDestinationInput): Promise<RecyclingShipment> {
    return this.tx.run(ctx, async (inner, manager) => {
      const devices = await this.ledger.lock(manager, input.deviceIds);
      for (const device of devices) ActAccess.assert(inner, 'Device', 'recordRecyclingDestination', device, 'Device');
      const notRecycled = devices.find((d) => d.status !== DeviceStatus.RECYCLED);
      if (notRecycled) {
        throw new ConflictError(
          `Device ${notRecycled.serialNumber} is ${notRecycled.status}, not RECYCLED: only recycled devices leave as waste`,
          { deviceId: notRecycled.id, status: notRecycled.status },
          ErrorReason.DEVICE_NOT_RECYCLED,
        );
      }
      return this.ship(inner, manager, devices, input);
    });
  }

  /** Writes the load and its devices in the caller's transaction; the devices are locked and checked by the caller. */
  async ship(ctx: RequestContext, manager: EntityManager, devices: readonly Device[], load: RecyclingLoad): Promise<RecyclingShipment> {
    const weightGrams = Math.round(load.weightKg * 1000);
    if (!(weightGrams > 0)) throw new BadInputError('weightKg must be at least 1 g', { field: 'weightKg' }, ErrorReason.VALUE_REQUIRED);
    const refurbishers = new Set(devices.map((d) => d.refurbisherId));
    if (refurbishers.size !== 1) throw new Error('A load leaves one workshop');
    const ids = devices.map((d) => d.id);
    const already: Array<{ device_id: string }> = await manager.query(
      `SELECT device_id FROM recycling_shipment_device WHERE device_id = ANY($1::uuid[]) ORDER BY device_id`,
      [ids],
    );
    if (already.length) {
      const device = devices.find((d) => d.id === already[0]!.device_id)!;
      throw new ConflictError(
        `Device ${device.serialNumber} already left with a recorded destination`,
        { deviceId: device.id, count: already.length },
        ErrorReason.RECYCLING_DESTINATION_RECORDED,
      );
    }
    const first = devices[0]!;
    const shipment = await manager.getRepository(RecyclingShipment).save(
      manager.getRepository(RecyclingShipment).create({
        refurbisherId: first.refurbisherId,
        regionId: first.regionId,
        shippedAt: load.shippedAt ?? new Date(),
        destinationName: load.destination.name.trim(),
        destinationSiret: load.destination.siret,
        destinationAddress: load.destination.address?.trim() || null,
        treatmentCode: load.destination.treatmentCode ?? null,
        wasteCode: load.wasteCode ?? DEFAULT_WASTE_CODE,
        weightGrams,
        deviceCount: devices.length,
        transportDocument: load.transportDocument?.trim() || null,
        carrier: load.carrier?.trim() || null,
        recordedByUserId: actorUserIdOf(ctx),
      }),
    );
    await manager.getRepository(RecyclingShipmentDevice).insert(ids.map((deviceId) => ({ deviceId, shipmentId: shipment.id })));
    return shipment;
  }
}
