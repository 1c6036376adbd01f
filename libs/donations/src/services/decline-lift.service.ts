import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { OutboxService } from '@app/jobs';
import { Donation } from '../entities/donation.entity';
import { routeRegionRequest } from '../jobs/route-region.request';
import { DeclineCooldown } from './decline-cooldown.service';

/**
 * The coordinator ends a refurbisher's cooldown on a donation before its time (the workshop
 * called back: it has room after all). The region is routed again in the same transaction's
 * outbox, so the donation may be offered to it at once.
 */
@Injectable()
export class DeclineLiftService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly cooldown: DeclineCooldown,
    private readonly outbox: OutboxService,
  ) {}

  lift(ctx: RequestContext, donationId: string, refurbisherId: string): Promise<Donation> {
    return this.tx.run(ctx, async (_, manager) => {
      const donation = await manager.getRepository(Donation).findOne({ where: { id: donationId } });
      if (!donation) throw new NotFoundError('Donation', donationId);
      ActAccess.assert(ctx, 'Donation', 'liftDecline', donation);
      const [active] = await this.cooldown.active(manager, [donationId]).then((all) => all.filter((r) => r.refurbisherId === refurbisherId));
      if (!active) {
        throw new ConflictError(
          `Refurbisher ${refurbisherId} is not barred from donation ${donation.reference}: there is no decline to lift`,
          { donationId, refurbisherId },
          ErrorReason.NO_DECLINE_TO_LIFT,
        );
      }
      await this.cooldown.lift(manager, donationId, refurbisherId);
      await this.outbox.enqueue(manager, routeRegionRequest(donation.regionId, 0));
      return donation;
    });
  }
}
