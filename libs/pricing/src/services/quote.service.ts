import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext, Role, sumCents } from '@app/common';
import { ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { PartnerOrder } from '@app/orders';
import { Grade } from '@app/refurbishing';
import { DeviceCategory } from '@app/common';
import { Quote, QuoteLine } from '../dto/quote.types';
import { DevicePricing } from './device-pricing.service';

interface AllocatedRow {
  device_id: string;
  serial_number: string;
  category: DeviceCategory;
  grade: Grade | null;
  refurbisher_id: string;
  refurbisher_name: string;
  public_donor: boolean;
  shipped: boolean;
  frozen_price_cents: number | null;
  frozen_listed: boolean | null;
  frozen_cap_cents: number | null;
}

/**
 * What an order costs as soon as devices are allocated to it: each reserved device at its
 * refurbisher's list (and never above the legal cap for a public donor's), each shipped one at the
 * price its invoice froze. A partner reads its own orders', staff their region's, and a
 * refurbisher only the lines of the devices it holds (another workshop's prices are not its business).
 */
@Injectable()
export class QuoteService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly pricing: DevicePricing,
  ) {}

  quote(ctx: RequestContext, orderId: string): Promise<Quote> {
    return this.tx.run(ctx, async (_, manager) => {
      const qb = manager.getRepository(PartnerOrder).createQueryBuilder('o').where('o.id = :id', { id: orderId });
      const order = await ReadScope.apply(ctx, qb, 'PartnerOrder', 'o').getOne();
      if (!order) throw new NotFoundError('Order', orderId);
      const onlyHeldBy = ctx.hasRole(Role.REFURBISHER) ? ctx.organizationId : null;
      const rows: AllocatedRow[] = await manager.query(
        `SELECT x.device_id, d.serial_number, d.category, d.grade, d.refurbisher_id, r.name AS refurbisher_name, dn.public_body AS public_donor,
                x.shipped_at IS NOT NULL AS shipped, il.price_cents AS frozen_price_cents, il.listed AS frozen_listed, il.cap_cents AS frozen_cap_cents
           FROM order_line_device x
           JOIN device d ON d.id = x.device_id
           JOIN organization dn ON dn.id = d.donor_id
           JOIN organization r ON r.id = d.refurbisher_id
           LEFT JOIN LATERAL (
             SELECT l.price_cents, l.listed, l.cap_cents FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
              WHERE l.device_id = x.device_id AND i.order_id = x.order_id ORDER BY l.id DESC LIMIT 1
           ) il ON x.shipped_at IS NOT NULL
          WHERE x.order_id = $1 AND x.released_at IS NULL AND ($2::uuid IS NULL OR d.refurbisher_id = $2)
          ORDER BY x.id`,
        [order.id, onlyHeldBy],
      );
      const priced = await this.pricing.price(
        manager,
        rows.map((r) => ({ ...r, deviceId: r.device_id, refurbisherId: r.refurbisher_id, publicDonor: r.public_donor })),
        new Date(),
      );
      const lines: QuoteLine[] = priced.map((p) => {
        const frozen = p.shipped && p.frozen_price_cents !== null;
        return {
          deviceId: p.device_id,
          serialNumber: p.serial_number,
          category: p.category,
          grade: p.grade,
          refurbisherId: p.refurbisher_id,
          refurbisherName: p.refurbisher_name,
          priceCents: frozen ? p.frozen_price_cents! : p.priceCents,
          listed: frozen ? p.frozen_listed! : p.listed,
          publicDonor: p.public_donor,
          capCents: frozen ? p.frozen_cap_cents : p.capCents,
          shipped: p.shipped,
        };
      });
      const refurbishers = [...new Map(lines.map((l) => [l.refurbisherId, l.refurbisherName])).entries()];
      return {
        orderId: order.id,
        orderReference: order.reference,
        lines,
        byRefurbisher: refurbishers.map(([refurbisherId, refurbisherName]) => {
          const own = lines.filter((l) => l.refurbisherId === refurbisherId);
          return { refurbisherId, refurbisherName, deviceCount: own.length, totalCents: sumCents(own.map((l) => l.priceCents)) };
        }),
        totalCents: sumCents(lines.map((l) => l.priceCents)),
      };
    });
  }
}
