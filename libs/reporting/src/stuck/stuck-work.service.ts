import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory, RequestContext } from '@app/common';
import { AccessPolicy } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { UnroutedExplainer } from '@app/routing';
import { EntityManager } from 'typeorm';
import { StuckCount, StuckKind, StuckWorkItem } from './stuck-work.types';

/** At most this many items of each kind: the oldest, which are the most urgent. */
const ITEMS_PER_KIND = 200;
/** The dashboard counts each kind up to this; beyond, it says "more" (a person acts on the list, not on the exact figure). */
const COUNT_CAP = 100;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * What stopped moving in a region, for its coordinator: every query starts from an index on the
 * region (or on the few rows in a waiting state) and reads no device that is not waiting, so a
 * region with a million devices answers as fast as a small one. Thresholds are configuration
 * (STUCK_OFFER_HOURS, STUCK_CLAIMED_DAYS, STUCK_ORDER_DAYS, STUCK_RESERVED_DAYS).
 */
@Injectable()
export class StuckWorkService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly explainer: UnroutedExplainer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(ctx: RequestContext, regionId: string): Promise<StuckWorkItem[]> {
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    const manager = this.tx.manager(ctx);
    const waiting = await this.waitingDonations(manager, regionId);
    const explained = await this.explainer.ofDonations(
      ctx,
      waiting.map((d) => ({ id: d.id, regionId })),
    );
    const unrouted: StuckWorkItem[] = waiting.flatMap((d) =>
      (explained.get(d.id) ?? []).map((u) => ({
        kind: StuckKind.UNROUTED_DEVICES,
        since: new Date(d.created_at),
        donationId: d.id,
        reference: d.reference,
        category: u.category,
        quantity: u.quantity,
        reason: u.reason,
      })),
    );
    const rest = await this.sqlItems(manager, regionId, false);
    return [...unrouted, ...(rest as StuckWorkItem[])];
  }

  /**
   * How many of each kind, for the dashboard, up to COUNT_CAP each (`capped` beyond): the same
   * queries stopped after COUNT_CAP + 1 rows, so a region with tens of thousands of late
   * reservations costs the dashboard what a small one does. Unrouted work is counted in
   * donations waiting (a DECLARED donation has devices no lot holds), which its index answers.
   */
  async counts(ctx: RequestContext, regionId: string): Promise<StuckCount[]> {
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    const manager = this.tx.manager(ctx);
    const rows = (await this.sqlItems(manager, regionId, true)) as Array<{ kind: StuckKind; count: number }>;
    const byKind = new Map<StuckKind, number>(rows.map((r) => [r.kind, r.count]));
    return Object.values(StuckKind).map((kind) => {
      const count = byKind.get(kind) ?? 0;
      return { kind, count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
    });
  }

  /** Donations with devices no lot holds: DECLARED, not cancelled (index on region and status). */
  private waitingDonations(manager: EntityManager, regionId: string): Promise<Array<{ id: string; reference: string; created_at: Date }>> {
    return manager.query(
      `SELECT id, reference, created_at FROM donation WHERE region_id = $1 AND status = 'DECLARED' AND cancelled_at IS NULL
        ORDER BY created_at, id LIMIT ${ITEMS_PER_KIND}`,
      [regionId],
    );
  }

  /**
   * The other kinds, one statement: each branch reads its own index (lots by region, status and
   * claim time; OFFERED lots by expiry; orders by region and status; unshipped reservations by
   * reservation time). `count` turns each branch into its count, stopped after COUNT_CAP + 1 rows.
   */
  private async sqlItems(manager: EntityManager, regionId: string, count: boolean): Promise<Array<StuckWorkItem | { kind: StuckKind; count: number }>> {
    const now = Date.now();
    const params = [
      regionId,
      new Date(now + this.config.stuckOfferHours * HOUR),
      new Date(now - this.config.stuckClaimedDays * DAY),
      new Date(now - this.config.stuckOrderDays * DAY),
      new Date(now - this.config.stuckReservedDays * DAY),
    ];
    const branches: Record<StuckKind, string | null> = {
      // listed apart (explained per category by routing); counted here in donations waiting
      [StuckKind.UNROUTED_DEVICES]: count ? `SELECT d.id FROM donation d WHERE d.region_id = $1 AND d.status = 'DECLARED' AND d.cancelled_at IS NULL` : null,
      [StuckKind.OFFER_EXPIRING]: `
        SELECT l.created_at AS since, l.offer_expires_at AS due_at, l.donation_id, l.id AS lot_id, NULL::uuid AS pickup_id, NULL::uuid AS order_id,
               NULL::uuid AS device_id, l.refurbisher_id, l.reference, l.status::text AS status, l.quantity
          FROM lot l WHERE l.status = 'OFFERED' AND l.offer_expires_at > now() AND l.offer_expires_at <= $2 AND l.region_id = $1`,
      [StuckKind.LOT_NOT_COLLECTED]: `
        SELECT l.claimed_at AS since, NULL::timestamptz AS due_at, l.donation_id, l.id AS lot_id, NULL::uuid AS pickup_id, NULL::uuid AS order_id,
               NULL::uuid AS device_id, l.refurbisher_id, l.reference, l.status::text AS status, l.quantity
          FROM lot l WHERE l.region_id = $1 AND l.status IN ('CLAIMED', 'PICKUP_SCHEDULED') AND l.claimed_at < $3`,
      [StuckKind.PICKUP_MISSED]: `
        SELECT p.scheduled_at AS since, NULL::timestamptz AS due_at, l.donation_id, l.id AS lot_id, p.id AS pickup_id, NULL::uuid AS order_id,
               NULL::uuid AS device_id, l.refurbisher_id, l.reference, p.status::text AS status, l.quantity
          FROM lot l JOIN LATERAL (SELECT * FROM pickup p WHERE p.lot_id = l.id ORDER BY p.created_at DESC LIMIT 1) p ON p.status = 'MISSED'
         WHERE l.region_id = $1 AND l.status = 'PICKUP_SCHEDULED'`,
      [StuckKind.ORDER_WAITING]: `
        SELECT o.created_at AS since, NULL::timestamptz AS due_at, NULL::uuid AS donation_id, NULL::uuid AS lot_id, NULL::uuid AS pickup_id, o.id AS order_id,
               NULL::uuid AS device_id, NULL::uuid AS refurbisher_id, o.reference, o.status::text AS status, NULL::int AS quantity
          FROM partner_order o WHERE o.region_id = $1 AND o.status IN ('OPEN', 'ALLOCATED') AND o.created_at < $4`,
      // counted without the device (its refurbisher and status are for the list only). A link has no
      // region: read from the region's orders that can hold an unshipped reservation (OPEN or ALLOCATED:
      // SHIPPED and DELIVERED have every unit shipped, a cancellation releases its links), so a small
      // region does not walk the whole country's reservations to find its own.
      [StuckKind.RESERVATION_NOT_SHIPPED]: count
        ? `SELECT x.id FROM partner_order o JOIN order_line_device x ON x.order_id = o.id
            WHERE o.region_id = $1 AND o.status IN ('OPEN', 'ALLOCATED') AND x.released_at IS NULL AND x.shipped_at IS NULL AND x.reserved_at < $5`
        : `
        SELECT x.reserved_at AS since, NULL::timestamptz AS due_at, NULL::uuid AS donation_id, NULL::uuid AS lot_id, NULL::uuid AS pickup_id, x.order_id,
               x.device_id, d.refurbisher_id, o.reference, d.status::text AS status, 1 AS quantity
          FROM partner_order o JOIN order_line_device x ON x.order_id = o.id JOIN device d ON d.id = x.device_id
         WHERE o.region_id = $1 AND o.status IN ('OPEN', 'ALLOCATED') AND x.released_at IS NULL AND x.shipped_at IS NULL AND x.reserved_at < $5`,
    };
    const sql = (Object.entries(branches) as Array<[StuckKind, string | null]>)
      .filter((entry): entry is [StuckKind, string] => entry[1] !== null)
      .map(([kind, branch]) =>
        count
          ? `SELECT '${kind}' AS kind, COUNT(*)::int AS count FROM (${branch} LIMIT ${COUNT_CAP + 1}) b`
          : `(SELECT '${kind}' AS kind, b.* FROM (${branch}) b ORDER BY b.since LIMIT ${ITEMS_PER_KIND})`,
      )
      .join('\nUNION ALL\n');
    const rows: Array<Record<string, unknown>> = await manager.query(sql, params);
    if (count) return rows.map((r) => ({ kind: r.kind as StuckKind, count: r.count as number }));
    return rows.map((r) => ({
      kind: r.kind as StuckKind,
      since: new Date(r.since as string),
      dueAt: r.due_at ? new Date(r.due_at as string) : null,
      donationId: (r.donation_id as string | null) ?? null,
      lotId: (r.lot_id as string | null) ?? null,
      pickupId: (r.pickup_id as string | null) ?? null,
      orderId: (r.order_id as string | null) ?? null,
      deviceId: (r.device_id as string | null) ?? null,
      refurbisherId: (r.refurbisher_id as string | null) ?? null,
      reference: (r.reference as string | null) ?? null,
      status: (r.status as string | null) ?? null,
      category: null as DeviceCategory | null,
      quantity: (r.quantity as number | null) ?? null,
      reason: null,
    }));
  }
}
