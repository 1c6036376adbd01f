import { ActAccess } from '@app/auth';
import { AddressInput, DeviceCategory, RequestContext, resolveAddress } from '@app/common';
import {
  Donation,
  DonationLine,
  DonationsDeclared,
  DonationService,
  DonationStatus,
  Lot,
  LotOfferService,
  LotStatus,
  routeRegionRequest,
} from '@app/donations';

/** What the bench declares: lines without CSV, each saying whether it holds data. */
export interface BenchDeclaration {
  donorId?: string | null;
  pickupAddress: AddressInput;
  availableFrom: Date;
  lines: Array<{ category: DeviceCategory; quantity: number; brand?: string | null; model?: string | null; year?: number | null; dataBearing: boolean }>;
}

/**
 * declareDonation and claimLot as they were before their answers came from what they wrote: the
 * baseline of write-path.bench.ts, swapped in and out of the running services so that both
 * versions are measured in the same process, on the same database, in alternating rounds.
 * Validation and the donor rules are the current ones (they did not change); what differs is the
 * SQL: donor read, reference read, donation saved, lines inserted, lines read again after the
 * commit for `quantity`; a claim read back after its conditional UPDATE.
 */
export function declareBefore(this: any, ctx: RequestContext, input: BenchDeclaration): Promise<Donation> {
  const lines = input.lines.map((l, position) => ({
    category: l.category,
    quantity: l.quantity,
    brand: l.brand?.trim() || null,
    model: l.model?.trim() || null,
    year: l.year ?? null,
    dataBearing: l.dataBearing,
    position,
  }));
  const pickupAddress = resolveAddress(input.pickupAddress);
  return this.tx.run(ctx, async (_: unknown, manager: any) => {
    const donor = await this.donorFor(ctx, manager, input.donorId ?? null);
    const repo = manager.getRepository(Donation);
    const donation = await repo.save(
      repo.create({
        reference: await this.ledger.nextReference(manager, 'DON'),
        donorId: donor.id,
        regionId: donor.regionId,
        status: DonationStatus.DECLARED,
        pickupAddress,
        availableFrom: input.availableFrom,
        cancelledAt: null,
      }),
    );
    await manager.getRepository(DonationLine).insert(lines.map((l) => ({ ...l, donationId: donation.id })));
    await this.events.record(manager, new DonationsDeclared([donation.id]));
    await this.outbox.enqueue(manager, routeRegionRequest(donation.regionId, this.config.routingDebounceMs));
    return donation;
  });
}

export function claimBefore(this: any, ctx: RequestContext, lotId: string): Promise<Lot> {
  const allowed = ActAccess.where(ctx, 'Lot', 'claim', null);
  return this.tx.run(ctx, async (_: unknown, manager: any) => {
    const result = await manager
      .createQueryBuilder()
      .update(Lot)
      .set({ status: LotStatus.CLAIMED, claimedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id AND status = :offered AND offer_expires_at > now()', { id: lotId, offered: LotStatus.OFFERED })
      .andWhere(allowed.sql, allowed.params)
      .execute();
    if (!result.affected) throw new Error(`lot ${lotId} not claimed`);
    const lot = await manager.getRepository(Lot).findOneByOrFail({ id: lotId });
    await this.ledger.refreshStatuses(manager, [lot.donationId]);
    return lot;
  });
}

/** Puts the baseline in place of the current commands; returns what puts the current ones back. */
export function useCommandsBefore(donations: DonationService, offers: LotOfferService): () => void {
  const declare = donations.declare;
  const claim = offers.claim;
  (donations as any).declare = declareBefore;
  (offers as any).claim = claimBefore;
  return () => {
    (donations as any).declare = declare;
    (offers as any).claim = claim;
  };
}
