import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth';
import { Region } from '@app/network';
import {
  GradeFloorService,
  gradeFloorFor,
  higherGrade,
  OrderLedger,
  PROFILE_DEFAULTS,
  RegionGradeFloors,
  Reservation,
  type BeneficiaryProfile,
} from '@app/orders';
import { Grade } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { MatchingResult } from './dto/matching-result';
import { MATCHING_COST_POLICY, MatchingCostPolicy } from './matching-cost.policy';
import { MatchingSolverRunner } from './matching-solver.runner';
import { lockRegionMatching } from './region-matching.lock';
import type { MatchDevice, MatchGrade, MatchLine } from './solver';

interface LineRow {
  id: string;
  order_id: string;
  partner_id: string;
  category: string;
  open_quantity: number;
  min_ram_gb: number | null;
  min_storage_gb: number | null;
  require_ssd: boolean;
  min_grade: MatchGrade | null;
  profile: BeneficiaryProfile;
  needs_webcam: boolean;
  needs_microphone: boolean;
  needs_os: boolean;
  min_battery_health_percent: number | null;
  priority: number;
  needed_ms: string | null;
  created_ms: string;
  lat: number;
  lon: number;
}

interface DeviceRow {
  id: string;
  category: string;
  ram_gb: number | null;
  storage_gb: number | null;
  ssd: boolean | null;
  grade: MatchGrade;
  battery_health_percent: number | null;
  webcam_works: boolean | null;
  microphone_works: boolean | null;
  os_installed: boolean;
  lat: number;
  lon: number;
}

/**
 * Matches a region's IN_STOCK devices to its open order lines (DESIGN.md "Matching stock to
 * orders") with the exact solver, in a worker thread, and reserves the result in one transaction.
 *
 * Why no device is ever reserved twice, with any number of matchers, submissions, cancellations
 * and shipments running at once:
 * - matchers of one region queue on a transaction-scoped advisory lock;
 * - the region's OPEN orders, then their unfilled lines, are locked (FOR UPDATE, in id order, the
 *   order every order command follows), so no line changes under the solver;
 * - a device is reserved only if still IN_STOCK when its row lock is granted (OrderLedger.reserve),
 *   and a partial unique index holds each device to one live order link;
 * - line counters grow by conditional UPDATEs bounded by the line's quantity (and a CHECK).
 * An order submitted meanwhile is not locked: it is simply matched by the next run.
 */
@Injectable()
export class RegionMatchingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly solver: MatchingSolverRunner,
    private readonly gradeFloors: GradeFloorService,
    @Inject(MATCHING_COST_POLICY) private readonly costPolicy: MatchingCostPolicy,
  ) {}

  matchRegion(ctx: RequestContext, regionId: string): Promise<MatchingResult> {
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    return this.tx.run(ctx, async (inner, manager) => {
      if (!(await manager.getRepository(Region).exists({ where: { id: regionId } }))) throw new NotFoundError('Region', regionId);
      await lockRegionMatching(manager, regionId);
      const orders: Array<{ id: string }> = await manager.query(
        `SELECT id FROM partner_order WHERE region_id = $1 AND status = 'OPEN' ORDER BY id FOR UPDATE`,
        [regionId],
      );
      const lines = await this.unfilledLines(
        manager,
        orders.map((o) => o.id),
        await this.gradeFloors.floorsOf(manager, regionId),
      );
      const open = lines.reduce((s, l) => s + l.quantity, 0);
      if (!open) return { allocatedQuantity: 0, unfilledQuantity: 0 };
      const devices = await this.inStock(manager, regionId, [...new Set(lines.map((l) => l.category))]);
      if (!devices.length) return { allocatedQuantity: 0, unfilledQuantity: open };

      const weights = await this.costPolicy.weightsFor(regionId);
      const solution = await this.solver.solve({ devices, lines: lines.map((l) => l.line), weights });
      const lineById = new Map(lines.map((l) => [l.line.id, l]));
      const wanted: Reservation[] = solution.assignments.map((a) => {
        const l = lineById.get(a.lineId)!;
        return { deviceId: a.deviceId, lineId: a.lineId, orderId: l.orderId, partnerId: l.partnerId };
      });
      const made = await this.ledger.reserve(inner, manager, wanted, 'matched to an order line');
      return { allocatedQuantity: made.length, unfilledQuantity: open - made.length };
    });
  }

  /**
   * Lines of these (locked) orders with units still to fill, locked, with their partner's place.
   * The region's current grade floor is applied over the line's own (raising a floor reaches lines
   * already open); the line's needed-by date is its own or its order's; its age is its oldest
   * need's when it was ordered from the waiting list (orderForNeeds).
   */
  private async unfilledLines(
    manager: EntityManager,
    orderIds: string[],
    floors: RegionGradeFloors,
  ): Promise<Array<{ line: MatchLine; orderId: string; partnerId: string; category: string; quantity: number }>> {
    if (!orderIds.length) return [];
    const rows: LineRow[] = await manager.query(
      `SELECT l.id, l.order_id, o.partner_id, l.category, (l.quantity - l.allocated_quantity)::int AS open_quantity,
              l.min_ram_gb, l.min_storage_gb, l.require_ssd, l.min_grade, l.priority, l.profile,
              l.needs_webcam, l.needs_microphone, l.needs_os, l.min_battery_health_percent,
              (extract(epoch from COALESCE(l.needed_by, o.needed_by)) * 1000)::bigint AS needed_ms,
              -- a line made of waiting needs is as old as its oldest need: it keeps their place in the queue
              (extract(epoch from LEAST(l.created_at, (SELECT min(n.created_at) FROM need n WHERE n.order_line_id = l.id))) * 1000)::bigint AS created_ms,
              p.address_location_lat AS lat, p.address_location_lon AS lon
         FROM order_line l
         JOIN partner_order o ON o.id = l.order_id
         JOIN organization p ON p.id = o.partner_id
        WHERE l.order_id = ANY($1::uuid[]) AND l.allocated_quantity < l.quantity
        ORDER BY l.id
        FOR UPDATE OF l`,
      [orderIds],
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      partnerId: r.partner_id,
      category: r.category,
      quantity: r.open_quantity,
      line: {
        id: r.id,
        category: r.category,
        quantity: r.open_quantity,
        minRamGb: r.min_ram_gb,
        minStorageGb: r.min_storage_gb,
        requireSsd: r.require_ssd,
        minGrade: higherGrade(r.min_grade as Grade | null, gradeFloorFor(floors, r.profile)),
        needsWebcam: r.needs_webcam,
        needsMicrophone: r.needs_microphone,
        needsOs: r.needs_os,
        minBatteryHealthPercent: r.min_battery_health_percent,
        prefersQuality: PROFILE_DEFAULTS[r.profile].prefersQuality,
        priority: r.priority,
        neededBy: r.needed_ms === null ? null : Number(r.needed_ms),
        age: Number(r.created_ms),
        lat: r.lat,
        lon: r.lon,
      },
    }));
  }

  /**
   * The region's graded IN_STOCK devices of these categories, at their refurbisher's place. Not
   * locked here: reservation re-checks each chosen device under its row lock. Found through the
   * (refurbisher_id, status) index of the region's refurbishers. An OS counts as installed when
   * the refurbisher recorded one (`specs.os`).
   */
  private async inStock(manager: EntityManager, regionId: string, categories: string[]): Promise<MatchDevice[]> {
    const rows: DeviceRow[] = await manager.query(
      `SELECT d.id, d.category, d.specs_ram_gb AS ram_gb, d.specs_storage_gb AS storage_gb, d.specs_ssd AS ssd, d.grade,
              d.battery_health_percent, d.webcam_works, d.microphone_works,
              NULLIF(btrim(d.specs_os), '') IS NOT NULL AS os_installed,
              r.address_location_lat AS lat, r.address_location_lon AS lon
         FROM device d JOIN organization r ON r.id = d.refurbisher_id
        WHERE d.refurbisher_id IN (SELECT id FROM organization WHERE region_id = $1 AND kind = 'REFURBISHER')
          AND d.status = 'IN_STOCK' AND d.region_id = $1 AND d.grade IS NOT NULL AND d.category::text = ANY($2::text[])
        ORDER BY d.id`,
      [regionId, categories],
    );
    return rows.map((r) => ({
      id: r.id,
      category: r.category,
      ramGb: r.ram_gb,
      storageGb: r.storage_gb,
      ssd: r.ssd,
      grade: r.grade,
      batteryHealthPercent: r.battery_health_percent,
      webcam: r.webcam_works,
      microphone: r.microphone_works,
      osInstalled: r.os_installed,
      lat: r.lat,
      lon: r.lon,
    }));
  }
}
