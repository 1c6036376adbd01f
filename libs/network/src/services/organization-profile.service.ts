import { Injectable } from '@nestjs/common';
import { AddressResolver, BadInputError, ErrorReason, ForbiddenError, RequestContext } from '@app/common';
import { ActAccess, actCell } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { UpdateOrganizationInput } from '../dto/network.inputs';
import { OrganizationKind } from '../entities/organization-kind';
import { Organization } from '../entities/organization.entity';
import { OrganizationService } from './organization.service';

/**
 * Editing an organization (updateOrganization). Its own users keep their address and contact
 * right; its name and service radius are what routing and the other organizations rely on, so
 * staff change them. A new address is resolved as at creation (AddressResolver: the point given,
 * the street through the geocoder when one is set, else the commune) and applies from now on: a
 * donation keeps the pickup address it was declared with, a lot the distance it was routed at.
 */
@Injectable()
export class OrganizationProfileService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly organizations: OrganizationService,
    private readonly addresses: AddressResolver,
  ) {}

  async update(ctx: RequestContext, input: UpdateOrganizationInput): Promise<Organization> {
    const given = (['name', 'address', 'contact', 'serviceRadiusKm', 'publicBody', 'taxReceiptEligible'] as const).filter(
      (k) => input[k] !== undefined && input[k] !== null,
    );
    if (!given.length)
      throw new BadInputError(
        'Give at least one of name, address, contact, serviceRadiusKm, publicBody or taxReceiptEligible',
        { field: 'input' },
        ErrorReason.NOTHING_TO_CHANGE,
      );
    const name = input.name?.trim();
    if (input.name != null && !name) throw new BadInputError('name cannot be blank: type the name', { field: 'name' }, ErrorReason.VALUE_REQUIRED);
    // resolved before the transaction: a city that cannot be located is the caller's to fix, and nothing is locked meanwhile
    const address = input.address ? await this.addresses.resolve(input.address) : null;

    return this.tx.run(ctx, async (_, manager) => {
      // the flags decide legal caps and tax receipts: staff record them, like the name
      const profileFields = (['name', 'serviceRadiusKm', 'publicBody', 'taxReceiptEligible'] as const).filter((k) => input[k] != null);
      const profile = profileFields.length > 0;
      // a role that may never change them is told so whatever the organization (the role is all it learns)
      if (profile && !actCell('Organization', 'updateProfile', ctx.user.role)) {
        throw new ForbiddenError(
          "Only the coordinator of the region changes an organization's name or service radius: ask them; your organization may change its address and contact",
          { fields: profileFields },
          ErrorReason.COORDINATOR_REQUIRED,
        );
      }
      const org = await this.organizations.getForUpdate(manager, input.organizationId);
      ActAccess.assert(ctx, 'Organization', 'updateContact', org, 'Organization');
      if (profile) ActAccess.assert(ctx, 'Organization', 'updateProfile', org, 'Organization');
      if (input.serviceRadiusKm != null && org.kind !== OrganizationKind.REFURBISHER) {
        throw new BadInputError(
          `${org.name} is not a refurbisher: only refurbishers have a service radius; leave serviceRadiusKm out`,
          { field: 'serviceRadiusKm' },
          ErrorReason.REFURBISHER_ONLY,
        );
      }
      if (input.taxReceiptEligible != null && org.kind !== OrganizationKind.REFURBISHER) {
        throw new BadInputError(
          `${org.name} is not a refurbisher: only refurbishers issue tax receipts; leave taxReceiptEligible out`,
          { field: 'taxReceiptEligible' },
          ErrorReason.REFURBISHER_ONLY,
        );
      }
      if (input.publicBody != null && org.kind !== OrganizationKind.DONOR) {
        throw new BadInputError(
          `${org.name} is not a donor: only donors are public bodies here; leave publicBody out`,
          { field: 'publicBody' },
          ErrorReason.DONOR_ONLY,
        );
      }
      const changes: Partial<Organization> = {};
      if (name) changes.name = name;
      if (input.serviceRadiusKm != null) changes.serviceRadiusKm = input.serviceRadiusKm;
      if (address) changes.address = address;
      if (input.publicBody != null) changes.publicBody = input.publicBody;
      if (input.taxReceiptEligible != null) changes.taxReceiptEligible = input.taxReceiptEligible;
      if (input.contact) {
        changes.contactName = input.contact.name?.trim() || null;
        changes.contactEmail = input.contact.email?.trim() || null;
        changes.contactPhone = input.contact.phone?.trim() || null;
      }
      await manager.update(Organization, { id: org.id }, changes);
      return manager.getRepository(Organization).findOneByOrFail({ id: org.id });
    });
  }
}
