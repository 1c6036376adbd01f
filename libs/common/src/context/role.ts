import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  DONOR = 'DONOR',
  REFURBISHER = 'REFURBISHER',
  PARTNER = 'PARTNER',
}

registerEnumType(Role, { name: 'Role' });
