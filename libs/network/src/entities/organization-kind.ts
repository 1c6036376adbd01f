import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@app/common';

export enum OrganizationKind {
  DONOR = 'DONOR',
  REFURBISHER = 'REFURBISHER',
  PARTNER = 'PARTNER',
  COORDINATOR = 'COORDINATOR',
}

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** The role a user of an organization of this kind has. */
export const ROLE_OF_KIND: Record<OrganizationKind, Role> = {
  [OrganizationKind.DONOR]: Role.DONOR,
  [OrganizationKind.REFURBISHER]: Role.REFURBISHER,
  [OrganizationKind.PARTNER]: Role.PARTNER,
  [OrganizationKind.COORDINATOR]: Role.COORDINATOR,
};
