import { Injectable } from '@nestjs/common';
import { byKey, Connection, decodeCursor, encodeCursor, pageSize, RequestContext, requestLoader } from '@app/common';
import { ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Device } from '@app/refurbishing';
import { RepairTicketStatus } from './repair-outcome';
import { RepairTicket } from './repair-ticket.entity';

/** The tickets a caller reads (READ_RULES.RepairTicket), and the warranty of delivered devices. */
@Injectable()
export class RepairTicketService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(
    ctx: RequestContext,
    filter: { deviceId?: string | null; openOnly?: boolean | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<RepairTicket>> {
    const limit = pageSize(first);
    const qb = this.tx.manager(ctx).getRepository(RepairTicket).createQueryBuilder('t');
    ReadScope.apply(ctx, qb, 'RepairTicket', 't');
    // a swap's replacement is the same repair: its ticket is found from either device
    if (filter.deviceId) qb.andWhere('(t.device_id = :deviceId OR t.replacement_device_id = :deviceId)', { deviceId: filter.deviceId });
    if (filter.openOnly) qb.andWhere('t.status = :open', { open: RepairTicketStatus.OPEN });
    const total = await qb.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      qb.andWhere('(t.opened_at, t.id) < (:ca, :cid)', { ca: cursor.createdAt, cid: cursor.id });
    }
    const rows = await qb
      .orderBy('t.opened_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor({ createdAt: node.openedAt, id: node.id }), node }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** A device the ticket names, when the caller may read it now. */
  device(ctx: RequestContext, id: string): Promise<Device | null> {
    return requestLoader<string, Device | null>(ctx, 'repairs:device', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Device)
        .createQueryBuilder('d')
        .where('d.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Device', 'd').getMany(), (d) => d.id);
    }).load(id);
  }

  /** Device.warrantyUntil: the end of the warranty of its current delivery; null when it is not with a person. */
  warrantyUntil(ctx: RequestContext, deviceId: string): Promise<Date | null> {
    return requestLoader<string, Date | null>(ctx, 'repairs:warranty-until', async (ids) => {
      const rows: Array<{ device_id: string; warranty_until: Date }> = await this.tx.manager(ctx).query(
        `SELECT w.device_id, w.warranty_until FROM device_warranty w
           JOIN order_line_device x ON x.id = w.order_line_device_id AND x.released_at IS NULL
          WHERE w.device_id = ANY($1::uuid[])`,
        [[...ids]],
      );
      return byKey(ids, rows, (r) => r.device_id).map((r) => r?.warranty_until ?? null);
    }).load(deviceId);
  }
}
