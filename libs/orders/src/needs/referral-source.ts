import { registerEnumType } from '@nestjs/graphql';

/** Who sent the person to the partner. */
export enum ReferralSource {
  PARTNER = 'PARTNER',
  JOB_CENTRE = 'JOB_CENTRE',
  SCHOOL = 'SCHOOL',
  TOWN_SOCIAL_SERVICE = 'TOWN_SOCIAL_SERVICE',
}

registerEnumType(ReferralSource, {
  name: 'ReferralSource',
  valuesMap: {
    PARTNER: { description: 'the partner itself (its own social workers or volunteers)' },
    JOB_CENTRE: { description: 'France Travail, a mission locale' },
    SCHOOL: { description: 'a school, a university' },
    TOWN_SOCIAL_SERVICE: { description: 'the town’s social service (CCAS)' },
  },
});
