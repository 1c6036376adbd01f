import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Region } from '@app/network';
import { Grade } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { MatchingGradeFloorInput } from '../dto/order.inputs';
import { GradeFloor } from '../dto/grade-floor.types';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { MatchingGradeFloor } from '../entities/matching-grade-floor.entity';
import { PROFILE_DEFAULTS } from '../policies/profile-defaults';

/** A region's floors as set; a profile absent from the map uses its default floor. */
export type RegionGradeFloors = ReadonlyMap<BeneficiaryProfile, Grade | null>;

/** The floor that applies to a profile: the region's when it set one, else the profile's default. */
export function gradeFloorFor(floors: RegionGradeFloors, profile: BeneficiaryProfile): Grade | null {
  return floors.has(profile) ? floors.get(profile)! : PROFILE_DEFAULTS[profile].minGrade;
}

/**
 * Each region's grade floor per beneficiary profile (docs/matching.md, "Grade floors"): no line
 * of the profile receives a device below it. Submission writes the floor into the line's
 * minimums; matching applies the region's current floor again, so that raising it takes effect
 * on lines already open.
 */
@Injectable()
export class GradeFloorService {
  constructor(private readonly tx: TransactionRunner) {}

  async floorsOf(manager: EntityManager, regionId: string): Promise<RegionGradeFloors> {
    const rows = await manager.getRepository(MatchingGradeFloor).find({ where: { regionId } });
    return new Map(rows.map((r) => [r.profile, r.minGrade]));
  }

  list(ctx: RequestContext, regionId: string): Promise<GradeFloor[]> {
    return this.tx.run(ctx, async (_, manager) => {
      await this.regionOrRefuse(ctx, manager, regionId);
      return this.view(await this.floorsOf(manager, regionId));
    });
  }

  /** Sets the floors of the profiles named (the others keep theirs), in one transaction. */
  set(ctx: RequestContext, regionId: string, floors: readonly MatchingGradeFloorInput[]): Promise<GradeFloor[]> {
    const profiles = floors.map((f) => f.profile);
    const twice = profiles.find((p, i) => profiles.indexOf(p) !== i);
    if (twice) throw new BadInputError(`${twice} is given twice; give each profile once`, { field: 'floors', value: twice }, ErrorReason.DUPLICATE_VALUE);
    return this.tx.run(ctx, async (_, manager) => {
      await this.regionOrRefuse(ctx, manager, regionId);
      const updatedBy = /^[0-9a-f-]{36}$/i.test(ctx.user.userId) ? ctx.user.userId : null;
      if (floors.length) {
        await manager.getRepository(MatchingGradeFloor).upsert(
          floors.map((f) => ({ regionId, profile: f.profile, minGrade: f.minGrade ?? null, updatedBy })),
          ['regionId', 'profile'],
        );
      }
      return this.view(await this.floorsOf(manager, regionId));
    });
  }

  private async regionOrRefuse(ctx: RequestContext, manager: EntityManager, regionId: string): Promise<void> {
    ActAccess.assert(ctx, 'Region', 'setGradeFloors', { id: regionId });
    if (!(await manager.getRepository(Region).exists({ where: { id: regionId } }))) throw new NotFoundError('Region', regionId);
  }

  private view(floors: RegionGradeFloors): GradeFloor[] {
    return Object.values(BeneficiaryProfile).map((profile) => ({ profile, minGrade: gradeFloorFor(floors, profile), setByRegion: floors.has(profile) }));
  }
}
