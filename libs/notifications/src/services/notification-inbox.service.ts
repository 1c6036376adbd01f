import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Connection, decodeCursor, pageSize, RequestContext, toConnection } from '@app/common';
import { ActAccess, ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { DataSource } from 'typeorm';
import { NotificationView } from '../dto/notification.types';
import { Notification } from '../entities/notification.entity';

/** The caller's inbox: their own rows only (READ_RULES "Notification"), newest first. */
@Injectable()
export class NotificationInbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }): Promise<Connection<NotificationView>> {
    const limit = pageSize(args.first);
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n');
    ReadScope.apply(ctx, qb, 'Notification', 'n');
    if (args.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const total = await qb.clone().getCount();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      qb.andWhere('(n.created_at, n.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(
      rows.map((n) => this.view(n)),
      limit,
      total,
    );
  }

  /** How many of the caller's notifications are unread (Me.unreadNotifications). */
  async unreadCount(ctx: RequestContext): Promise<number> {
    const [row]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [ctx.user.userId],
    );
    return row?.count ?? 0;
  }

  /** Marks the caller's notifications read: those named (others' ids are silently not the caller's), or all. Answers how many changed. */
  markRead(ctx: RequestContext, ids: readonly string[] | null | undefined): Promise<number> {
    ActAccess.assert(ctx, 'Notification', 'markRead', { id: ctx.user.userId });
    return this.tx.run(ctx, async (_, manager) => {
      const [, changed]: [unknown, number] = await manager.query(
        `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
        [ctx.user.userId, ids ?? null],
      );
      return changed;
    });
  }

  view(n: Pick<Notification, 'id' | 'event' | 'title' | 'body' | 'reference' | 'actionPath' | 'createdAt' | 'readAt'>): NotificationView {
    return {
      id: n.id,
      event: n.event,
      title: n.title,
      body: n.body,
      reference: n.reference,
      link: `${this.config.publicUrl}${n.actionPath}`,
      createdAt: n.createdAt,
      readAt: n.readAt,
    };
  }
}
