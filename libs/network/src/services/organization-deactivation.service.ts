import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, ForbiddenError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { DeactivateOrganizationInput } from '../dto/network.inputs';
import { OrganizationKind } from '../entities/organization-kind';
import { Organization } from '../entities/organization.entity';
import { OrganizationsDeactivated, OrganizationsReactivated } from '../events/organizations-deactivated.event';
import { OrganizationService } from './organization.service';

/**
 * An organization stops taking part, or starts again. Nothing is deleted: its donations, lots,
 * orders and devices stay as they are and readable, and its users still sign in (they read their
 * history and finish what is under way: a scheduled pickup is completed, a shipped order
 * confirmed). What it may no longer start is refused where it starts (refuseIfDeactivated):
 * declaring, ordering, claiming an offer; routing offers it nothing new.
 */
@Injectable()
export class OrganizationDeactivationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly organizations: OrganizationService,
    private readonly events: TransactionEvents,
  ) {}

  deactivate(ctx: RequestContext, input: DeactivateOrganizationInput): Promise<Organization> {
    const reason = input.reason.trim();
    if (!reason) {
      throw new BadInputError(
        'Say why the organization is deactivated: its users and the coordinator read it',
        { field: 'reason' },
        ErrorReason.REASON_REQUIRED,
      );
    }
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.organizations.getForUpdate(manager, input.organizationId);
      ActAccess.assert(ctx, 'Organization', 'deactivate', org, 'Organization');
      // a coordinator could otherwise lock itself (or its region's staff) out of running the region
      if (org.kind === OrganizationKind.COORDINATOR && !ctx.isAdmin) {
        throw new ForbiddenError('A coordinator organization is deactivated by an administrator only: ask one', undefined, ErrorReason.ADMINISTRATOR_REQUIRED);
      }
      if (org.deactivatedAt) {
        throw new ConflictError(
          `${org.name} is already deactivated (since ${org.deactivatedAt.toISOString().slice(0, 10)}): there is nothing to do`,
          { deactivatedAt: org.deactivatedAt.toISOString(), organizationId: org.id },
          ErrorReason.ORGANIZATION_ALREADY_DEACTIVATED,
        );
      }
      const deactivatedAt = new Date();
      await manager.update(Organization, { id: org.id }, { deactivatedAt, deactivationReason: reason });
      await this.events.record(manager, new OrganizationsDeactivated([org.id]));
      return Object.assign(org, { deactivatedAt, deactivationReason: reason });
    });
  }

  reactivate(ctx: RequestContext, organizationId: string): Promise<Organization> {
    return this.tx.run(ctx, async (_, manager) => {
      const org = await this.organizations.getForUpdate(manager, organizationId);
      ActAccess.assert(ctx, 'Organization', 'reactivate', org, 'Organization');
      if (org.kind === OrganizationKind.COORDINATOR && !ctx.isAdmin) {
        throw new ForbiddenError('A coordinator organization is reactivated by an administrator only: ask one', undefined, ErrorReason.ADMINISTRATOR_REQUIRED);
      }
      if (!org.deactivatedAt) {
        throw new ConflictError(
          `${org.name} is not deactivated: there is nothing to reactivate`,
          { organizationId: org.id },
          ErrorReason.ORGANIZATION_NOT_DEACTIVATED,
        );
      }
      await manager.update(Organization, { id: org.id }, { deactivatedAt: null, deactivationReason: null });
      await this.events.record(manager, new OrganizationsReactivated([org.id]));
      return Object.assign(org, { deactivatedAt: null, deactivationReason: null });
    });
  }
}
