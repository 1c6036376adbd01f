import { Injectable } from '@nestjs/common';
import { Connection, groupedByKey, RequestContext, requestLoader } from '@app/common';
import { ReadScope } from '@app/auth';
import { keysetPage, TransactionRunner } from '@app/database';
import { In } from 'typeorm';
import { InvoiceFilter } from '../dto/invoice.types';
import { InvoiceLine } from '../entities/invoice-line.entity';
import { Invoice } from '../entities/invoice.entity';

/** The documents of shipments, as READ_RULES.Invoice lets each caller read them. */
@Injectable()
export class InvoiceService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(ctx: RequestContext, filter: InvoiceFilter, first?: number | null, after?: string | null): Promise<Connection<Invoice>> {
    const qb = this.tx.manager(ctx).getRepository(Invoice).createQueryBuilder('i');
    ReadScope.apply(ctx, qb, 'Invoice', 'i');
    if (filter.refurbisherId) qb.andWhere('i.refurbisher_id = :refurbisherId', { refurbisherId: filter.refurbisherId });
    if (filter.orderId) qb.andWhere('i.order_id = :orderId', { orderId: filter.orderId });
    return keysetPage(qb, 'i', first, after);
  }

  /** null when absent or not the caller's to read: ids are not probed. */
  find(ctx: RequestContext, id: string): Promise<Invoice | null> {
    const qb = this.tx.manager(ctx).getRepository(Invoice).createQueryBuilder('i').where('i.id = :id', { id });
    return ReadScope.apply(ctx, qb, 'Invoice', 'i').getOne();
  }

  /** The lines of an invoice the caller could read, batched per request. */
  lines(ctx: RequestContext, invoiceId: string): Promise<InvoiceLine[]> {
    return requestLoader<string, InvoiceLine[]>(ctx, 'pricing:invoice-lines', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(InvoiceLine)
          .find({ where: { invoiceId: In([...ids]) }, order: { invoiceId: 'ASC', position: 'ASC' } }),
        (l) => l.invoiceId,
      ),
    ).load(invoiceId);
  }
}
