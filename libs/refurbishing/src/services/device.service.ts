import { Injectable } from '@nestjs/common';
import {
  byKey,
  Connection,
  normalizeSerialNumber,
  decodeCursor,
  DeviceCategory,
  groupedByKey,
  pageSize,
  RequestContext,
  requestLoader,
  toConnection,
} from '@app/common';
import { ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Lot } from '@app/donations';
import { In } from 'typeorm';
import { CustodyEvent } from '../entities/custody-event.entity';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { ErasureRecord } from '../entities/erasure-record.entity';

export interface DeviceFilter {
  status?: DeviceStatus | null;
  category?: DeviceCategory | null;
  refurbisherId?: string | null;
  donationId?: string | null;
  serialNumber?: string | null;
}

/**
 * Reading devices, scoped per role (READ_RULES.Device), and the per-request loaders behind their
 * nested fields: a page of 500 devices with lot, donor, refurbisher, erasure and history costs
 * one query per field, not one per device.
 */
@Injectable()
export class DeviceService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(ctx: RequestContext, filter: DeviceFilter, first?: number | null, after?: string | null): Promise<Connection<Device>> {
    const limit = pageSize(first);
    const qb = this.tx.manager(ctx).getRepository(Device).createQueryBuilder('d');
    ReadScope.apply(ctx, qb, 'Device', 'd');
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.category) qb.andWhere('d.category = :category', { category: filter.category });
    if (filter.refurbisherId) qb.andWhere('d.refurbisher_id = :refurbisherId', { refurbisherId: filter.refurbisherId });
    if (filter.donationId) qb.andWhere('d.donation_id = :donationId', { donationId: filter.donationId });
    // by its key: "ab-12 34.5" typed finds the device scanned as "AB12345"
    if (filter.serialNumber) qb.andWhere('d.serial_number_key = :serial', { serial: normalizeSerialNumber(filter.serialNumber) });
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

  /** null when absent or not visible to the caller: ids are not probed. */
  find(ctx: RequestContext, id: string): Promise<Device | null> {
    const qb = this.tx.manager(ctx).getRepository(Device).createQueryBuilder('d').where('d.id = :id', { id });
    return ReadScope.apply(ctx, qb, 'Device', 'd').getOne();
  }

  /** Lot.devices: the devices of a lot that the caller may read (a partner none, a refurbisher those it holds). */
  ofLot(ctx: RequestContext, lotId: string): Promise<Device[]> {
    return requestLoader<string, Device[]>(ctx, 'refurbishing:lot-devices', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Device)
        .createQueryBuilder('d')
        .where('d.lot_id IN (:...ids)', { ids: [...ids] });
      ReadScope.apply(ctx, qb, 'Device', 'd');
      return groupedByKey(ids, await qb.orderBy('d.serial_number_key', 'ASC').getMany(), (d) => d.lotId);
    }).load(lotId);
  }

  /** Device.lot: null when the caller may not read that lot (a partner never does). */
  lot(ctx: RequestContext, lotId: string): Promise<Lot | null> {
    return requestLoader<string, Lot | null>(ctx, 'refurbishing:lot', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Lot)
        .createQueryBuilder('l')
        .where('l.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Lot', 'l').getMany(), (l) => l.id);
    }).load(lotId);
  }

  /**
   * The latest certified erasure: only a verified attempt gets a certificate; failed ones are in
   * the device's history (ERASURE_FAILED).
   */
  erasure(ctx: RequestContext, deviceId: string): Promise<ErasureRecord | null> {
    return requestLoader<string, ErasureRecord | null>(ctx, 'refurbishing:erasure', async (ids) => {
      const rows = await this.tx
        .manager(ctx)
        .getRepository(ErasureRecord)
        .createQueryBuilder('e')
        .distinctOn(['e.device_id'])
        .where('e.device_id IN (:...ids) AND e.verified', { ids: [...ids] })
        .orderBy('e.device_id')
        .addOrderBy('e.performed_at', 'DESC')
        .addOrderBy('e.certificate_number', 'DESC')
        .getMany();
      return byKey(ids, rows, (e) => e.deviceId);
    }).load(deviceId);
  }

  /** The chain of custody, oldest first. */
  history(ctx: RequestContext, deviceId: string): Promise<CustodyEvent[]> {
    return requestLoader<string, CustodyEvent[]>(ctx, 'refurbishing:history', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(CustodyEvent)
          .find({ where: { deviceId: In([...ids]) }, order: { id: 'ASC' } }),
        (e) => e.deviceId,
      ),
    ).load(deviceId);
  }
}
