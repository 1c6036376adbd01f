import { Injectable } from '@nestjs/common';
import { byKey, Connection, groupedByKey, RequestContext, requestLoader } from '@app/common';
import { ConnectionSelection, KeysetListing, TransactionRunner } from '@app/database';
import { ActAccess, ReadScope } from '@app/auth';
import { Device } from '@app/refurbishing';
import { In, IsNull } from 'typeorm';
import { BeneficiaryReference } from '../entities/beneficiary-reference.entity';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { OrderLine } from '../entities/order-line.entity';
import { OrderStatus } from '../entities/order-status';
import { PartnerOrder } from '../entities/partner-order.entity';

export interface OrderFilter {
  status?: OrderStatus | null;
  partnerId?: string | null;
}

/**
 * Reading orders, scoped per role (READ_RULES.PartnerOrder), and the per-request loaders behind their nested
 * fields (lines, devices, Device.order): one query per field for a whole page, not one per row.
 */
@Injectable()
export class OrderService {
  private readonly listing = new KeysetListing(PartnerOrder, 'o', new Set(['id', 'createdAt']));

  constructor(private readonly tx: TransactionRunner) {}

  /**
   * A page of the orders the caller may read. With `selection` (what the GraphQL query asks for),
   * only the columns it needs are read, besides id and createdAt (the cursor), and the count only
   * when asked for.
   */
  list(
    ctx: RequestContext,
    filter: OrderFilter,
    first?: number | null,
    after?: string | null,
    selection?: ConnectionSelection,
  ): Promise<Connection<PartnerOrder>> {
    const filters = [
      { name: 'status', sql: 'o.status = :status', value: filter.status },
      { name: 'partnerId', sql: 'o.partner_id = :partnerId', value: filter.partnerId },
    ];
    return this.listing.list(this.tx.manager(ctx), ReadScope.sql(ctx.user, 'PartnerOrder', 'o'), filters, first, after, selection);
  }

  /** null when absent or not visible to the caller: ids are not probed. */
  find(ctx: RequestContext, id: string): Promise<PartnerOrder | null> {
    const qb = this.tx.manager(ctx).getRepository(PartnerOrder).createQueryBuilder('o').where('o.id = :id', { id });
    return ReadScope.apply(ctx, qb, 'PartnerOrder', 'o').getOne();
  }

  /** Batched load for nested fields; the parent the caller could see decides visibility. */
  load(ctx: RequestContext, id: string): Promise<PartnerOrder | null> {
    return requestLoader<string, PartnerOrder | null>(ctx, 'orders:order', async (ids) =>
      byKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(PartnerOrder)
          .find({ where: { id: In([...ids]) } }),
        (o) => o.id,
      ),
    ).load(id);
  }

  lines(ctx: RequestContext, orderId: string): Promise<OrderLine[]> {
    return requestLoader<string, OrderLine[]>(ctx, 'orders:lines', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(OrderLine)
          .find({ where: { orderId: In([...ids]) }, order: { position: 'ASC' } }),
        (l) => l.orderId,
      ),
    ).load(orderId);
  }

  /**
   * OrderLine.devices: the devices reserved for, shipped or delivered to a line that the caller
   * may read (READ_RULES.Device): the partner and staff all, a refurbisher the ones it holds.
   */
  lineDevices(ctx: RequestContext, lineId: string): Promise<Device[]> {
    return requestLoader<string, Device[]>(ctx, 'orders:line-devices', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Device)
        .createQueryBuilder('d')
        .innerJoinAndMapOne('d.link', OrderLineDevice, 'x', 'x.device_id = d.id AND x.released_at IS NULL')
        .where('x.order_line_id IN (:...ids)', { ids: [...ids] });
      const rows = await ReadScope.apply(ctx, qb, 'Device', 'd').orderBy('d.serial_number', 'ASC').getMany();
      return groupedByKey(ids, rows, (d) => (d as Device & { link: OrderLineDevice }).link.orderLineId);
    }).load(lineId);
  }

  /**
   * Device.order: the order a device is reserved for or was delivered to, when the caller may
   * read it (READ_RULES.PartnerOrder): staff of its region, its partner, or the refurbisher holding the
   * device (to ship it). Donors never: the order says who the devices went to.
   */
  async orderOfDevice(ctx: RequestContext, device: Device): Promise<PartnerOrder | null> {
    const orderId = await requestLoader<string, string | null>(ctx, 'orders:device-order', async (ids) => {
      const live = await this.tx
        .manager(ctx)
        .getRepository(OrderLineDevice)
        .find({ where: { deviceId: In([...ids]), releasedAt: IsNull() } });
      return byKey(ids, live, (l) => l.deviceId).map((l) => l?.orderId ?? null);
    }).load(device.id);
    if (!orderId) return null;
    return requestLoader<string, PartnerOrder | null>(ctx, 'orders:readable-order', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(PartnerOrder)
        .createQueryBuilder('o')
        .where('o.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'PartnerOrder', 'o').getMany(), (o) => o.id);
    }).load(orderId);
  }

  /** The partner's references of the people a line equipped: for the partner and staff only, null for anyone else. */
  async beneficiaryRefs(ctx: RequestContext, line: OrderLine): Promise<string[] | null> {
    const order = await this.load(ctx, line.orderId);
    if (!order || !ActAccess.allows(ctx.user, 'PartnerOrder', 'readBeneficiaryRefs', order)) return null;
    const refs = await requestLoader<string, BeneficiaryReference[]>(ctx, 'orders:beneficiary-refs', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(BeneficiaryReference)
          .find({ where: { orderLineId: In([...ids]) }, order: { reference: 'ASC' } }),
        (r) => r.orderLineId,
      ),
    ).load(line.id);
    return refs.map((r) => r.reference);
  }
}
