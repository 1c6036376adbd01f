import { registerEnumType } from '@nestjs/graphql';

export enum DonationStatus {
  DECLARED = 'DECLARED',
  ROUTED = 'ROUTED',
  COLLECTED = 'COLLECTED',
  PROCESSED = 'PROCESSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(DonationStatus, {
  name: 'DonationStatus',
  valuesMap: {
    DECLARED: { description: 'declared; some devices are not yet offered to a refurbisher' },
    ROUTED: { description: 'every device is in a lot that a refurbisher was offered or claimed' },
    COLLECTED: { description: 'every lot was collected' },
    PROCESSED: { description: 'every device received was refurbished, recycled or declared missing' },
  },
});
