import { registerEnumType } from '@nestjs/graphql';

/** Who a line's devices are for; it sets the line's default minimums (profile-defaults.ts). */
export enum BeneficiaryProfile {
  PUPIL = 'PUPIL',
  STUDENT = 'STUDENT',
  DESIGN_STUDENT = 'DESIGN_STUDENT',
  JOB_SEEKER = 'JOB_SEEKER',
  SENIOR = 'SENIOR',
  FAMILY = 'FAMILY',
  ASSOCIATION = 'ASSOCIATION',
  OTHER = 'OTHER',
}

registerEnumType(BeneficiaryProfile, { name: 'BeneficiaryProfile' });
