import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  ConflictError,
  DeviceCategory,
  ErrorReason,
  formatDelay,
  formatDistanceKm,
  formatFrenchDateTime,
  greatCircleKm,
  NotFoundError,
  RequestContext,
} from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { DeclineCooldown, Donation, lockRegionRouting, Lot, LotPlacement } from '@app/donations';
import { Organization, OrganizationKind } from '@app/network';
import { EntityManager } from 'typeorm';
import { AssignmentWarning, AssignmentWarningCode, LotAssignment } from './dto/lot-assignment.types';
import { RoutingInputs } from './routing-inputs';

/**
 * The coordinator overrides the solver: assigns a donation's unrouted devices to a refurbisher
 * of its choice, or moves an offered or claimed lot to another refurbisher. Out-of-radius,
 * over-capacity, paused or recently declined targets are allowed — the coordinator knows the
 * field (a van going that way anyway) — but every such override comes back as a warning, never
 * silently. Under the region routing lock (a router cannot offer the same devices meanwhile),
 * lots before load counters, one transaction. Devices go into the refurbisher's open lot of the
 * donation when it has one (one pickup per site), or a new OFFERED lot it still has to claim.
 */
@Injectable()
export class LotAssignmentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly placement: LotPlacement,
    private readonly inputs: RoutingInputs,
    private readonly cooldown: DeclineCooldown,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  assign(
    ctx: RequestContext,
    donationId: string,
    refurbisherId: string,
    items: ReadonlyArray<{ category: DeviceCategory; quantity: number }>,
  ): Promise<LotAssignment> {
    if (!items.length) throw new BadInputError('Name at least one category and quantity to assign', { field: 'items' }, ErrorReason.VALUE_REQUIRED);
    if (new Set(items.map((i) => i.category)).size !== items.length) {
      const twice = items.find((item, i) => items.findIndex((other) => other.category === item.category) !== i)!;
      throw new BadInputError(
        'Each category appears once in items: add the quantities up',
        { field: 'items', value: twice.category },
        ErrorReason.DUPLICATE_VALUE,
      );
    }
    return this.tx.run(ctx, async (_, manager) => {
      const donation = await manager.getRepository(Donation).findOne({ where: { id: donationId } });
      if (!donation) throw new NotFoundError('Donation', donationId);
      ActAccess.assert(ctx, 'Donation', 'assignLot', donation);
      await lockRegionRouting(manager, donation.regionId);
      if (donation.cancelledAt) {
        throw new ConflictError(`Donation ${donation.reference} was cancelled: nothing of it can be assigned`, { donationId }, ErrorReason.DONATION_CANCELLED);
      }
      const refurbisher = await this.refurbisherOf(manager, refurbisherId, donation.regionId);
      const unrouted = new Map((await this.inputs.supplies(manager, [donationId])).map((s) => [s.category, s.quantity]));
      for (const item of items) {
        const available = unrouted.get(item.category) ?? 0;
        if (item.quantity > available) {
          throw new BadInputError(
            `Only ${available} ${item.category} of donation ${donation.reference} are waiting for a refurbisher; assign at most that (reassignLot moves a lot already offered)`,
            { field: 'items', category: item.category, available, requested: item.quantity },
            ErrorReason.NOT_ENOUGH_UNASSIGNED,
          );
        }
      }
      await this.assertCapacityRows(
        manager,
        refurbisher,
        items.map((i) => i.category),
      );
      const open = await this.placement.lockOpen(manager, [donationId], [refurbisherId]);
      const distanceKm = greatCircleKm(donation.pickupAddress.location, refurbisher.address.location);
      const placed = await this.placement.place(
        manager,
        [{ donationId, refurbisherId, regionId: donation.regionId, distanceKm, offerExpiresAt: this.offerExpiry(), items }],
        open,
      );
      const lot = placed.lots[0]!;
      return {
        lot,
        warnings: await this.warnings(
          manager,
          refurbisher,
          donationId,
          distanceKm,
          items.map((i) => i.category),
        ),
      };
    });
  }

  reassign(ctx: RequestContext, lotId: string, refurbisherId: string): Promise<LotAssignment> {
    return this.tx.run(ctx, async (_, manager) => {
      const seen = await manager.getRepository(Lot).findOne({ where: { id: lotId } });
      if (!seen) throw new NotFoundError('Lot', lotId);
      ActAccess.assert(ctx, 'Lot', 'reassign', seen);
      await lockRegionRouting(manager, seen.regionId);
      if (seen.refurbisherId === refurbisherId) {
        throw new BadInputError(
          `Lot ${seen.reference} is already with this refurbisher: choose another one`,
          { field: 'refurbisherId', lotId: seen.id },
          ErrorReason.LOT_ALREADY_WITH_REFURBISHER,
        );
      }
      const refurbisher = await this.refurbisherOf(manager, refurbisherId, seen.regionId);
      // the lot and the target's open lot of the donation, in id order
      const open = await this.placement.lockOpen(manager, [seen.donationId], [seen.refurbisherId, refurbisherId]);
      const lot = open.find((l) => l.id === lotId) ?? (await manager.getRepository(Lot).findOneOrFail({ where: { id: lotId } }));
      const donation = await manager.getRepository(Donation).findOneOrFail({ where: { id: lot.donationId } });
      const distanceKm = greatCircleKm(donation.pickupAddress.location, refurbisher.address.location);
      const categories: Array<{ category: DeviceCategory }> = await manager.query(`SELECT category FROM lot_item WHERE lot_id = $1 ORDER BY category`, [
        lot.id,
      ]);
      await this.assertCapacityRows(
        manager,
        refurbisher,
        categories.map((c) => c.category),
      );
      const moved = await this.placement.reassign(manager, lot, { refurbisherId, distanceKm, offerExpiresAt: this.offerExpiry() }, open);
      return {
        lot: moved,
        warnings: await this.warnings(
          manager,
          refurbisher,
          lot.donationId,
          distanceKm,
          categories.map((c) => c.category),
        ),
      };
    });
  }

  private offerExpiry(): Date {
    return new Date(Date.now() + this.config.offerTtlHours * 3600_000);
  }

  /** An active refurbisher of the region, with its place: assignments go nowhere else. */
  private async refurbisherOf(manager: EntityManager, refurbisherId: string, regionId: string): Promise<Organization> {
    const org = await manager.getRepository(Organization).findOne({ where: { id: refurbisherId } });
    if (!org || org.regionId !== regionId || org.kind !== OrganizationKind.REFURBISHER) {
      throw new BadInputError(
        `Organization ${refurbisherId} is not a refurbisher of this region: choose one of the region's refurbishers`,
        { field: 'refurbisherId', refurbisherId },
        ErrorReason.REFURBISHER_NOT_IN_REGION,
      );
    }
    if (org.deactivatedAt) {
      throw new ConflictError(
        `${org.name} was deactivated: it takes no more lots; choose another refurbisher`,
        { refurbisherId, organizationId: org.id, deactivatedAt: org.deactivatedAt.toISOString() },
        ErrorReason.ORGANIZATION_DEACTIVATED,
      );
    }
    return org;
  }

  /** A category the refurbisher declares no capacity for has no load counter: the load would go uncounted. */
  private async assertCapacityRows(manager: EntityManager, refurbisher: Organization, categories: DeviceCategory[]): Promise<void> {
    const rows: Array<{ category: DeviceCategory }> = await manager.query(
      `SELECT category FROM refurbisher_capacity WHERE organization_id = $1 AND category = ANY($2::device_category[])`,
      [refurbisher.id, categories],
    );
    const missing = categories.filter((c) => !rows.some((r) => r.category === c));
    if (missing.length) {
      throw new BadInputError(
        `${refurbisher.name} declares no capacity for ${missing.join(', ')}: set one (setRefurbisherCapacity) before assigning`,
        { field: 'refurbisherId', categories: missing },
        ErrorReason.NO_CAPACITY_DECLARED,
      );
    }
  }

  private async warnings(
    manager: EntityManager,
    refurbisher: Organization,
    donationId: string,
    distanceKm: number,
    categories: DeviceCategory[],
  ): Promise<AssignmentWarning[]> {
    const warnings: AssignmentWarning[] = [];
    if (refurbisher.serviceRadiusKm === null || distanceKm > refurbisher.serviceRadiusKm) {
      warnings.push({
        code: AssignmentWarningCode.OUT_OF_RADIUS,
        message:
          refurbisher.serviceRadiusKm === null
            ? `${refurbisher.name} n'a pas de rayon d'intervention ; l'adresse d'enlèvement est à ${formatDistanceKm(distanceKm)}.`
            : `${refurbisher.name} est à ${formatDistanceKm(distanceKm)} de l'adresse d'enlèvement, au-delà de son rayon d'intervention de ${formatDistanceKm(refurbisher.serviceRadiusKm)}.`,
      });
    }
    // the counters as this transaction left them (locked by the move)
    const loads: Array<{ category: DeviceCategory; load: number; weekly_capacity: number }> = await manager.query(
      `SELECT category, load, weekly_capacity FROM refurbisher_capacity WHERE organization_id = $1 AND category = ANY($2::device_category[]) ORDER BY category`,
      [refurbisher.id, categories],
    );
    for (const row of loads.filter((l) => l.load > l.weekly_capacity)) {
      warnings.push({
        code: AssignmentWarningCode.OVER_CAPACITY,
        category: row.category,
        message: `${refurbisher.name} dépasse sa capacité hebdomadaire en ${row.category} : ${row.load} appareils en charge pour ${row.weekly_capacity} par semaine.`,
      });
    }
    if (refurbisher.intakePausedUntil && refurbisher.intakePausedUntil.getTime() > Date.now()) {
      warnings.push({
        code: AssignmentWarningCode.INTAKE_PAUSED,
        message: `${refurbisher.name} a suspendu ses enlèvements jusqu'au ${formatFrenchDateTime(refurbisher.intakePausedUntil)} (${formatDelay(refurbisher.intakePausedUntil)})${refurbisher.intakePauseReason ? ` (« ${refurbisher.intakePauseReason} »)` : ''}.`,
      });
    }
    const refusal = (await this.cooldown.active(manager, [donationId])).find((r) => r.refurbisherId === refurbisher.id);
    if (refusal) {
      warnings.push({
        code: AssignmentWarningCode.DECLINED_RECENTLY,
        message: `${refurbisher.name} a refusé ce don ; son délai avant une nouvelle proposition court jusqu'au ${formatFrenchDateTime(refusal.until)} (${formatDelay(refusal.until)}).`,
      });
    }
    return warnings;
  }
}
