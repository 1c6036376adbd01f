import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { EntityManager } from 'typeorm';
import { Organization } from '../entities/organization.entity';
import { OrganizationKind } from '../entities/organization-kind';

/** A pause longer than this is a deactivation, which has its own command and its own consequences. */
const MAX_PAUSE_DAYS = 366;

/**
 * A refurbisher stops taking new offers for a while (holidays, a van off the road, a full
 * workshop) and starts again, by itself or through its coordinator. Routing reads the pause; lots
 * already offered or claimed stay as they are (the refurbisher answers them, or the coordinator
 * reassigns them).
 */
@Injectable()
export class IntakePauseService {
  constructor(private readonly tx: TransactionRunner) {}

  pause(ctx: RequestContext, input: { organizationId?: string | null; until: Date; reason: string }): Promise<Organization> {
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.refurbisher(ctx, manager, input.organizationId);
      const why = input.reason.trim();
      if (!why || why.length > 500) {
        throw new BadInputError('Say why intake is paused (at most 500 characters)', { field: 'reason', max: 500 }, ErrorReason.REASON_REQUIRED);
      }
      const now = Date.now();
      if (!(input.until.getTime() > now)) {
        throw new BadInputError(
          'until must be in the future: the date intake starts again',
          { field: 'until', given: input.until.toISOString() },
          ErrorReason.DATE_IN_PAST,
        );
      }
      if (input.until.getTime() > now + MAX_PAUSE_DAYS * 24 * 3600_000) {
        throw new BadInputError(
          `A pause lasts at most ${MAX_PAUSE_DAYS} days: choose an earlier date; an organization that stops for longer is deactivated`,
          { field: 'until', maxDays: MAX_PAUSE_DAYS },
          ErrorReason.INTAKE_PAUSE_TOO_LONG,
        );
      }
      await manager.update(Organization, { id: org.id }, { intakePausedUntil: input.until, intakePauseReason: why });
      return Object.assign(org, { intakePausedUntil: input.until, intakePauseReason: why });
    });
  }

  /** Intake starts again now; a refurbisher that was not paused is left as it is. */
  resume(ctx: RequestContext, organizationId?: string | null): Promise<Organization> {
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.refurbisher(ctx, manager, organizationId);
      await manager.update(Organization, { id: org.id }, { intakePausedUntil: null, intakePauseReason: null });
      return Object.assign(org, { intakePausedUntil: null, intakePauseReason: null });
    });
  }

  /** The refurbisher named (a refurbisher's own when none is), locked, once the caller may act on it. */
  private async refurbisher(ctx: RequestContext, manager: EntityManager, organizationId?: string | null): Promise<Organization> {
    const id = organizationId ?? ctx.user.organizationId;
    if (!id)
      throw new BadInputError('Name the refurbisher whose intake this is (organizationId)', { field: 'organizationId' }, ErrorReason.ORGANIZATION_REQUIRED);
    const org = await manager.getRepository(Organization).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!org) {
      throw new BadInputError(
        `Organization ${id} does not exist: choose one of your region's refurbishers`,
        { field: 'organizationId', entity: 'Organization', id },
        ErrorReason.NOT_FOUND,
      );
    }
    ActAccess.assert(ctx, 'Organization', 'pauseIntake', org, 'Organization');
    if (org.kind !== OrganizationKind.REFURBISHER) {
      throw new BadInputError(
        `${org.name} is not a refurbisher: only a refurbisher's intake can be paused; choose a refurbisher`,
        { field: 'organizationId', expected: OrganizationKind.REFURBISHER },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
    return org;
  }
}
