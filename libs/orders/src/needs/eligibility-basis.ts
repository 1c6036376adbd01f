import { registerEnumType } from '@nestjs/graphql';

/**
 * What a person's eligibility rests on, as the partner declares it: no document is ever stored,
 * only the basis (and a voucher's number). Each region says which bases it accepts.
 */
export enum EligibilityBasis {
  VOUCHER = 'VOUCHER',
  INCOME_CRITERIA = 'INCOME_CRITERIA',
  SOCIAL_MINIMA = 'SOCIAL_MINIMA',
  JOB_SEEKER = 'JOB_SEEKER',
  STUDENT_GRANT = 'STUDENT_GRANT',
  SOCIAL_WORKER_ASSESSMENT = 'SOCIAL_WORKER_ASSESSMENT',
}

registerEnumType(EligibilityBasis, {
  name: 'EligibilityBasis',
  valuesMap: {
    VOUCHER: { description: 'an access voucher from an association, the job centre or the town (its number is recorded)' },
    INCOME_CRITERIA: { description: 'household income under the network’s threshold, declared' },
    SOCIAL_MINIMA: { description: 'receives a social minimum (RSA, ASS, AAH…), declared' },
    JOB_SEEKER: { description: 'registered job seeker, declared' },
    STUDENT_GRANT: { description: 'student on a means-tested grant, declared' },
    SOCIAL_WORKER_ASSESSMENT: { description: 'a social worker’s assessment of the situation' },
  },
});
