import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Region } from '@app/network';
import { EntityManager } from 'typeorm';
import { EligibilityBasis } from './eligibility-basis';
import { RegionEligibilityBasis } from './region-eligibility-basis.entity';

const ALL_BASES = Object.values(EligibilityBasis);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which eligibility bases a region accepts (every basis until its coordinator chooses). */
@Injectable()
export class EligibilityBasesService {
  constructor(private readonly tx: TransactionRunner) {}

  async accepted(ctx: RequestContext, regionId: string): Promise<EligibilityBasis[]> {
    ActAccess.assert(ctx, 'Region', 'readWaitingList', { id: regionId });
    return this.acceptedIn(this.tx.manager(ctx), regionId);
  }

  /** In the enum's order; every basis for a region that has not chosen. */
  async acceptedIn(manager: EntityManager, regionId: string): Promise<EligibilityBasis[]> {
    const rows = await manager.getRepository(RegionEligibilityBasis).find({ where: { regionId } });
    if (!rows.length) return [...ALL_BASES];
    return ALL_BASES.filter((basis) => rows.some((r) => r.basis === basis));
  }

  /** Replaces the region's set; needs already recorded keep their basis. */
  set(ctx: RequestContext, regionId: string, bases: readonly EligibilityBasis[]): Promise<EligibilityBasis[]> {
    ActAccess.assert(ctx, 'Region', 'setEligibilityBases', { id: regionId });
    if (!bases.length)
      throw new BadInputError('Accept at least one basis: a region that accepts none could record no need', { field: 'bases' }, ErrorReason.VALUE_REQUIRED);
    return this.tx.run(ctx, async (_, manager) => {
      if (!(await manager.getRepository(Region).exists({ where: { id: regionId } }))) throw new NotFoundError('Region', regionId);
      // the region row is the lock two coordinators setting the set at once queue on
      await manager.query(`SELECT id FROM region WHERE id = $1 FOR UPDATE`, [regionId]);
      const repo = manager.getRepository(RegionEligibilityBasis);
      await repo.delete({ regionId });
      const setBy = UUID.test(ctx.user.userId) ? ctx.user.userId : null;
      await repo.insert([...new Set(bases)].map((basis) => ({ regionId, basis, setBy })));
      return this.acceptedIn(manager, regionId);
    });
  }
}
